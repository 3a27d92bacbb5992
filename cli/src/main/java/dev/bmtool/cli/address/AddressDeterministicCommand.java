package dev.bmtool.cli.address;

import dev.bmtool.cli.ProgressOption;
import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool address deterministic}: addresses from a passphrase, as PyBitmessage makes them. */
@Command(name = "deterministic",
        description = "Derive addresses from a passphrase (UTF-8) exactly as PyBitmessage does; "
                + "prints each address with its WIF keys.")
public final class AddressDeterministicCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    // no mixinStandardHelpOptions: its --version would clash with the address --version
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    static final class Source {
        @Option(names = "--passphrase", paramLabel = "P", required = true, description = "The passphrase (its UTF-8 bytes are used).")
        String passphrase;

        @Option(names = "--passphrase-file", required = true, paramLabel = "FILE",
                description = "Read the passphrase from FILE (keeps it out of shell history); one trailing "
                        + "newline is removed.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "How many addresses (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--address-version", paramLabel = "V", defaultValue = "4",
            description = "Address version, 3 or 4 (default ${DEFAULT-VALUE}).")
    int version;

    // the old spelling; hidden, so help and docs show one name
    @Option(names = "--version", hidden = true, paramLabel = "V", description = "Same as --address-version.")
    Integer legacyVersion;

    @Option(names = "--stream", paramLabel = "N", defaultValue = "1", description = "Stream number (default ${DEFAULT-VALUE}).")
    long stream;

    @Option(names = "--shorter", description = "Require two leading zero bytes (eighteenByteRipe).")
    boolean shorter;

    @Option(names = "--label", paramLabel = "L", defaultValue = "", description = "Label for saved identities.")
    String label;

    // the old way to store (now 'identity new', 'chan join', 'keys import'): hidden, kept for scripts
    @Option(names = "--save", hidden = true, description = "Also store the result in keys.dat.")
    boolean save;

    @Mixin
    JsonOption json;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() {
        if (legacyVersion != null) {
            version = legacyVersion;
        }
        AddressNewCommand.checkVersionStream(version, stream);
        if (count < 1 || count > 1000) {
            throw new UsageException("--count must be 1..1000");
        }
        byte[] passphrase = passphrase();
        if (passphrase.length == 0) {
            throw new UsageException("the passphrase must not be empty");
        }
        AddressGenerator.Deterministic d = new AddressGenerator.Deterministic(passphrase);
        List<Identity> ids = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ids.add(d.next(label, version, stream, AddressGenerator.zeroBytes(shorter)));
            if ((count > 1 || shorter) && progress.on()) {
                double s = (System.nanoTime() - start) / 1e9;
                Cli.err(spec).printf("bmtool: %d/%d addresses, %d key pairs tried, %.1f s%n", i + 1, count,
                        d.signingNonce() / 2, s);
                Cli.err(spec).flush();
            }
        }
        return IdentityOutput.emit(spec, ids, save, json.on());
    }

    private byte[] passphrase() {
        if (source.passphrase != null) {
            return source.passphrase.getBytes(StandardCharsets.UTF_8);
        }
        try {
            if (!Files.isRegularFile(source.file) || Files.size(source.file) > 1 << 20) {
                throw new UsageException("--passphrase-file: not a readable file of at most 1 MiB: " + source.file);
            }
            byte[] b = Files.readAllBytes(source.file);
            int n = b.length;
            if (n > 0 && b[n - 1] == '\n') {
                n--;
                if (n > 0 && b[n - 1] == '\r') {
                    n--;
                }
            }
            return Arrays.copyOf(b, n);
        } catch (IOException e) {
            throw new UsageException("--passphrase-file: " + e.getMessage());
        }
    }
}
