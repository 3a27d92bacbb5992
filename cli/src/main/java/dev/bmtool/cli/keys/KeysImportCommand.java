package dev.bmtool.cli.keys;

import dev.bmtool.cli.Cli;
import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.address.AddressFromKeysCommand;
import dev.bmtool.cli.address.AddressNewCommand;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bmtool keys import KEYS_DAT|-} merges a PyBitmessage keys.dat into the store;
 * {@code bmtool keys import --signing-wif W --encryption-wif W} stores one identity from its two
 * private keys (what {@code address from-keys} or {@code address vanity} printed).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Add identities to your store (keys.dat in the data dir): merge a PyBitmessage keys.dat"
            + " (existing addresses are kept), or store one identity from its two private keys (WIF).",
            "Examples: bmtool keys import ~/.config/PyBitmessage/keys.dat",
            "          bmtool keys import --signing-wif 5K... --encryption-wif 5J... --label vanity"})
public final class KeysImportCommand implements Callable<Integer> {
    /** keys.dat files are small; refuse anything absurd before reading it. */
    private static final long MAX_FILE = 16L << 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "KEYS_DAT",
            description = "PyBitmessage keys.dat to import ('-': standard input).")
    String source;

    @Option(names = "--signing-wif", paramLabel = "WIF", description = "Private signing key of one identity.")
    String signingWif;

    @Option(names = "--encryption-wif", paramLabel = "WIF", description = "Private encryption key of that identity.")
    String encryptionWif;

    @Option(names = "--label", paramLabel = "L", defaultValue = "", description = "With the keys: its label.")
    String label;

    @Option(names = "--address-version", paramLabel = "V", defaultValue = "4",
            description = "With the keys: address version, 3 or 4 (default ${DEFAULT-VALUE}).")
    int version;

    @Option(names = "--stream", paramLabel = "N", defaultValue = "1",
            description = "With the keys: stream number (default ${DEFAULT-VALUE}).")
    long stream;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        boolean keys = signingWif != null || encryptionWif != null;
        if (keys == (source != null)) {
            throw new UsageException(keys ? "give KEYS_DAT or the keys, not both"
                    : "give a keys.dat (KEYS_DAT, '-' for stdin) or --signing-wif and --encryption-wif");
        }
        IdentityStore store = new IdentityStore(Cli.root(spec).dataDir());
        IdentityStore.MergeResult r = keys ? importKeys(store) : store.merge(KeysDat.parse(read()));
        if (json.on()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("added", addresses(r.added()));
            m.put("alreadyPresent", addresses(r.alreadyPresent()));
            m.put("problems", r.problems());
            m.put("store", store.file().toString());
            Cli.printJson(spec, m);
        } else {
            PrintWriter out = Cli.out(spec);
            for (Identity id : r.added()) {
                out.println("added    " + id.address() + (id.label().isEmpty() ? "" : "  " + id.label()));
            }
            for (Identity id : r.alreadyPresent()) {
                out.println("present  " + id.address() + (id.label().isEmpty() ? "" : "  " + id.label()));
            }
            out.println(r.added().size() + " added, " + r.alreadyPresent().size() + " already present, "
                    + r.problems().size() + " skipped; store " + store.file());
            out.flush();
        }
        for (String p : r.problems()) {
            Cli.err(spec).println("bmtool: skipped " + p);
        }
        Cli.err(spec).flush();
        return r.problems().isEmpty() ? 0 : 1;
    }

    private IdentityStore.MergeResult importKeys(IdentityStore store) {
        if (signingWif == null || encryptionWif == null) {
            throw new UsageException("give both --signing-wif and --encryption-wif");
        }
        AddressNewCommand.checkVersionStream(version, stream);
        Identity id = Identity.of(label, version, stream, AddressFromKeysCommand.wif("--signing-wif", signingWif),
                AddressFromKeysCommand.wif("--encryption-wif", encryptionWif));
        boolean present = store.list().stream().anyMatch(i -> i.address().equals(id.address()));
        if (!present) {
            store.add(id);
        }
        return new IdentityStore.MergeResult(present ? List.of() : List.of(id), present ? List.of(id) : List.of(),
                List.of());
    }

    private String read() throws IOException {
        if (source.equals("-")) {
            byte[] b = System.in.readNBytes((int) MAX_FILE + 1);
            if (b.length > MAX_FILE) {
                throw new UsageException("standard input is too large for a keys.dat");
            }
            return utf8(b, "standard input");
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        if (Files.size(file) > MAX_FILE) {
            throw new UsageException(file + " is too large for a keys.dat");
        }
        return utf8(Files.readAllBytes(file), file.toString());
    }

    /** Strict UTF-8 (PyBitmessage writes keys.dat as UTF-8): a binary file is an error, not a garbled import. */
    private static String utf8(byte[] b, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UsageException(what + " is not a keys.dat: not UTF-8 text (a binary file, or another"
                    + " encoding; PyBitmessage writes keys.dat as UTF-8)");
        }
    }

    private static List<String> addresses(List<Identity> ids) {
        return ids.stream().map(i -> i.address().encode()).toList();
    }
}
