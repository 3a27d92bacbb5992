package dev.bmtool.cli.keys;

import dev.bmtool.cli.Cli;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool keys import FILE}: merge a PyBitmessage keys.dat into the store. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Merge the identities of a PyBitmessage keys.dat into the store; existing addresses are kept.")
public final class KeysImportCommand implements Callable<Integer> {
    /** keys.dat files are small; refuse anything absurd before reading it. */
    private static final long MAX_FILE = 16L << 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEYS_DAT", description = "PyBitmessage keys.dat to import.")
    Path source;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new UsageException("no such file: " + source);
        }
        if (Files.size(source) > MAX_FILE) {
            throw new UsageException(source + " is too large for a keys.dat");
        }
        String text;
        try {
            text = Files.readString(source, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UsageException(source + " is not a keys.dat: not UTF-8 text (a binary file, or another"
                    + " encoding; PyBitmessage writes keys.dat as UTF-8)");
        }
        KeysDat in = KeysDat.parse(text);
        IdentityStore store = new IdentityStore(Cli.root(spec).dataDir());
        IdentityStore.MergeResult r = store.merge(in);
        if (json) {
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

    private static List<String> addresses(List<Identity> ids) {
        return ids.stream().map(i -> i.address().encode()).toList();
    }
}
