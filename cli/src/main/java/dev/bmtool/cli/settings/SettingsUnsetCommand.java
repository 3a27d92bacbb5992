package dev.bmtool.cli.settings;

import dev.bmtool.cli.Cli;
import dev.bmtool.core.address.IdentityStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool settings unset KEY}: removes one setting, so its default applies again. */
@Command(name = "unset", mixinStandardHelpOptions = true, description = "Remove a setting from keys.dat (back to its default).")
public final class SettingsUnsetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "Setting name.")
    String key;

    @Option(names = "--address", paramLabel = "ADDR", description = "The identity, for per-address settings.")
    String address;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        Setting s = Setting.named(key);
        String section = SettingsSetCommand.section(s, address);
        new IdentityStore(Cli.root(spec).dataDir()).update(k -> {
            if (s.perAddress() && !k.contains(section)) {
                throw new dev.bmtool.cli.UsageException("--address: " + section + " is not one of your identities");
            }
            return k.unset(section, s.key());
        });
        SettingsSetCommand.report(spec, json, s, section, null);
        return 0;
    }
}
