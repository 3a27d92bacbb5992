package dev.bmtool.cli.address;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool address new}: a random identity. */
@Command(name = "new",
        description = "Create a random address (signing key fixed, encryption keys tried until the ripe has "
                + "a leading zero byte, two with --shorter).")
public final class AddressNewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // no mixinStandardHelpOptions: its --version would clash with the address --version
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--address-version", paramLabel = "V", defaultValue = "4",
            description = "Address version, 3 or 4 (default ${DEFAULT-VALUE}).")
    int version;

    // the old spelling; hidden, so help and docs show one name
    @Option(names = "--version", hidden = true, paramLabel = "V", description = "Same as --address-version.")
    Integer legacyVersion;

    @Option(names = "--stream", paramLabel = "N", defaultValue = "1", description = "Stream number (default ${DEFAULT-VALUE}).")
    long stream;

    @Option(names = "--shorter", description = "Require two leading zero bytes (shorter address, ~256x more work).")
    boolean shorter;

    @Option(names = "--label", paramLabel = "L", defaultValue = "", description = "Label stored with the identity.")
    String label;

    // the old way to store (now 'identity new', 'chan join', 'keys import'): hidden, kept for scripts
    @Option(names = "--save", hidden = true, description = "Also store the result in keys.dat.")
    boolean save;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (legacyVersion != null) {
            version = legacyVersion;
        }
        checkVersionStream(version, stream);
        Identity id = AddressGenerator.random(label, version, stream, AddressGenerator.zeroBytes(shorter),
                new SecureRandom());
        return IdentityOutput.emit(spec, List.of(id), save, json.on());
    }

    public static void checkVersionStream(int version, long stream) {
        if (version != 3 && version != 4) {
            throw new UsageException("--address-version must be 3 or 4");
        }
        if (stream < 1) {
            throw new UsageException("--stream must be at least 1");
        }
    }
}
