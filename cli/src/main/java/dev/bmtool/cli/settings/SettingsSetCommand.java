package dev.bmtool.cli.settings;

import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool settings set KEY VALUE}: writes one setting into keys.dat (atomically, locked). */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Set one setting in keys.dat (see 'bmtool settings list' for the keys).")
public final class SettingsSetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "Setting name.")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE", description = "New value.")
    String value;

    @Option(names = "--address", paramLabel = "ADDR", description = "The identity, for per-address settings.")
    String address;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        Setting s = Setting.named(key);
        String v = s.normalise(value);
        String section = section(s, address);
        IdentityStore store = new IdentityStore(Cli.root(spec).dataDir());
        store.update(k -> {
            if (s.perAddress() && !k.contains(section)) {
                throw new UsageException("--address: " + section + " is not one of your identities");
            }
            k.set(section, s.key(), v);
            return null;
        });
        report(spec, json, s, section, v);
        return 0;
    }

    static String section(Setting s, String address) {
        if (s.perAddress() && address == null) {
            throw new UsageException(s.key() + " is set per address: add --address ADDR");
        }
        if (!s.perAddress() && address != null) {
            throw new UsageException(s.key() + " is a global setting: leave out --address");
        }
        return s.perAddress() ? address : KeysDat.SETTINGS_SECTION;
    }

    static void report(picocli.CommandLine.Model.CommandSpec spec, boolean json, Setting s, String section,
            String value) {
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
