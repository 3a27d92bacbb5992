package dev.bmtool.cli.settings;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.KeysDat;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The KEY, --address and --json that set and unset share (a picocli mixin). */
final class SettingTarget {
    @Parameters(index = "0", paramLabel = "KEY", description = "Setting name (see 'bmtool settings list').")
    String key;

    @Option(names = "--address", paramLabel = "ADDR|LABEL",
            description = "The identity (address or label), for per-address settings.")
    String address;

    @Mixin
    JsonOption json;

    Setting setting() {
        return Setting.named(key);
    }

    /** The keys.dat section the setting lives in, or a usage error for a wrong --address use. */
    String section(Setting s, java.nio.file.Path dataDir) {
        if (s.perAddress() && address == null) {
            throw new UsageException(s.key() + " is set per address: add --address ADDR");
        }
        if (!s.perAddress() && address != null) {
            throw new UsageException(s.key() + " is a global setting: leave out --address");
        }
        return s.perAddress() ? dev.bmtool.cli.AddressNames.own(dataDir, address, "--address").address().encode()
                : KeysDat.SETTINGS_SECTION;
    }

    /** Inside a keys.dat update: a per-address setting needs that identity. */
    static void requireIdentity(KeysDat k, Setting s, String section) {
        if (s.perAddress() && !k.contains(section)) {
            throw new UsageException("--address: " + section + " is not one of your identities");
        }
    }
}
