package dev.bmtool.cli.settings;

import dev.bmtool.cli.Cli;
import dev.bmtool.core.address.IdentityStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bmtool settings unset KEY}: removes one setting, so its default applies again. */
@Command(name = "unset", mixinStandardHelpOptions = true,
        description = "Remove a setting from keys.dat (back to its default).")
public final class SettingsUnsetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SettingTarget target;

    @Override
    public Integer call() {
        Setting s = target.setting();
        String section = target.section(s, Cli.root(spec).dataDir());
        new IdentityStore(Cli.root(spec).dataDir()).update(k -> {
            SettingTarget.requireIdentity(k, s, section);
            return k.unset(section, s.key());
        });
        SettingsSetCommand.report(spec, target.json.on(), s, section, null);
        return 0;
    }
}
