package dev.bmtool.cli.address;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.Wif;
import dev.bmtool.core.crypto.PrivateKey;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool address from-keys}: the address of a pair of WIF private keys. */
@Command(name = "from-keys",
        description = "Compute the address of a signing and an encryption private key (WIF).")
public final class AddressFromKeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // no mixinStandardHelpOptions: its --version would clash with the address --version
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--signing-wif", required = true, paramLabel = "WIF", description = "Private signing key.")
    String signingWif;

    @Option(names = "--encryption-wif", required = true, paramLabel = "WIF", description = "Private encryption key.")
    String encryptionWif;

    @Option(names = "--address-version", paramLabel = "V", defaultValue = "4",
            description = "Address version, 3 or 4 (default ${DEFAULT-VALUE}).")
    int version;

    // the old spelling; hidden, so help and docs show one name
    @Option(names = "--version", hidden = true, paramLabel = "V", description = "Same as --address-version.")
    Integer legacyVersion;

    @Option(names = "--stream", paramLabel = "N", defaultValue = "1", description = "Stream number (default ${DEFAULT-VALUE}).")
    long stream;

    @Option(names = "--label", paramLabel = "L", defaultValue = "", description = "Label for a saved identity.")
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
        AddressNewCommand.checkVersionStream(version, stream);
        PrivateKey sig = wif("--signing-wif", signingWif);
        PrivateKey enc = wif("--encryption-wif", encryptionWif);
        Identity id = Identity.of(label, version, stream, sig, enc);
        return IdentityOutput.emit(spec, List.of(id), save, json.on());
    }

    /** A mistyped key is a usage error (exit 2) that names the option. */
    public static PrivateKey wif(String option, String text) {
        try {
            return Wif.decode(text.strip());
        } catch (dev.bmtool.core.encoding.ProtocolException e) {
            throw new dev.bmtool.cli.UsageException(option + ": not a valid WIF private key (" + e.getMessage() + ")");
        }
    }
}
