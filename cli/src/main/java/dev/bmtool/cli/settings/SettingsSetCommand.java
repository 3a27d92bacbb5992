package dev.bmtool.cli.settings;

import dev.bmtool.cli.Cli;
import dev.bmtool.core.address.IdentityStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool settings set KEY VALUE}: writes one setting into keys.dat (atomically, locked). */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Set one setting in keys.dat (see 'bmtool settings list' for the keys).")
public final class SettingsSetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SettingTarget target;

    @Parameters(index = "1", paramLabel = "VALUE", description = "New value.")
    String value;

    @Override
    public Integer call() {
        Setting s = target.setting();
        String v = s.normalise(value);
        String section = target.section(s, Cli.root(spec).dataDir());
        new IdentityStore(Cli.root(spec).dataDir()).update(k -> {
            SettingTarget.requireIdentity(k, s, section);
            k.set(section, s.key(), v);
            return null;
        });
        report(spec, target.json.on(), s, section, v);
        return 0;
    }

    /** Prints the setting's value after a change ({@code value} null: removed, default applies). */
    static void report(CommandSpec spec, boolean json, Setting s, String section, String value) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", s.key());
            m.put("section", section);
            m.put("value", value == null ? s.defaultValue() : value);
            m.put("set", value != null);
            Cli.printJson(spec, m);
        } else {
            Cli.out(spec).println(s.key() + " = " + (value == null ? s.defaultValue() + " (default)" : value)
                    + " in [" + section + "]");
            Cli.out(spec).flush();
        }
    }
}
