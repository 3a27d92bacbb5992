package dev.bmtool.cli.address;

import dev.bmtool.cli.ProgressOption;
import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.vanity.VanityEngine;
import dev.bmtool.core.vanity.VanityEngineProvider;
import dev.bmtool.core.vanity.VanityListener;
import dev.bmtool.core.vanity.VanityPattern;
import dev.bmtool.core.vanity.VanityProgress;
import dev.bmtool.core.vanity.VanityResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool address vanity}: searches for v4 addresses with a chosen start or a short ripe. */
@Command(name = "vanity",
        mixinStandardHelpOptions = true,
        description = {
            "Search for a v4 address that starts with chosen text, or a shorter address.",
            "The address is version 4, stream 1; more leading zero bytes in the ripe give",
            "shorter addresses.",
            "",
            "The first characters are fixed by version 4, stream 1 and the ripe length,",
            "which --zero-bytes sets (characters counted after BM-):",
            "  0 zero bytes: BM-87 then one of S..q (35 characters)",
            "  1 zero byte:  BM-2c then one of S..X (34 characters, the usual address)",
            "  2 zero bytes: BM-N  then one of A..C (32 characters)",
            "  3 zero bytes: BM-5o then one of C..U (31 characters)",
            "--prefix TEXT is matched right after that fixed part: --prefix Vx gives",
            "BM-2cVx...; a prefix that starts with BM- is the whole address start instead.",
            "Base58 has no 0, O, I or l. Each extra character costs about 58 times more",
            "work, each extra zero byte 256 times. With --count K every result gets its",
            "own fresh key pairs; each is re-derived with Bouncy Castle before it is shown.",
            "",
        })
public final class AddressVanityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--prefix", paramLabel = "TEXT",
            description = "Text after the fixed part (or a full start beginning with BM-).")
    String prefix = "";

    @Option(names = "--zero-bytes", paramLabel = "N", defaultValue = "1",
            description = "Leading zero bytes of the ripe, 0..16 (default: ${DEFAULT-VALUE}); more gives shorter addresses.")
    int zeroBytes;

    @Option(names = {"-i", "--case-insensitive"}, description = "Letters of the prefix match in either case.")
    boolean caseInsensitive;

    @Option(names = "--count", paramLabel = "K", defaultValue = "1",
            description = "Number of addresses to find (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--threads", paramLabel = "N",
            description = "CPU threads (default: all processors).")
    Integer threads;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "auto",
            description = "auto, cpu or opencl (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--label", paramLabel = "TEXT", description = "Label for the keys.dat section.")
    String label;

    // the old way to store (now 'identity new', 'chan join', 'keys import'): hidden, kept for scripts
    @Option(names = "--save", hidden = true, description = "Also store the result in keys.dat.")
    boolean save;

    @Mixin
    JsonOption json;

    @Mixin
    ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new UsageException("--count must be at least 1");
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) {
            throw new UsageException("--threads must be at least 1");
        }
        String kind = engine.toLowerCase(Locale.ROOT);
        if (!List.of("auto", "cpu", "opencl").contains(kind)) {
            throw new UsageException("--engine must be auto, cpu or opencl, not '" + engine + "'");
        }
        VanityPattern pattern;
        try {
            pattern = VanityPattern.compile(prefix, zeroBytes, caseInsensitive);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter err = Cli.err(spec);
        VanityEngine eng;
        try {
            eng = VanityEngineProvider.select(kind, nThreads, msg -> {
                if (progress.on()) {
                    err.println("bmtool: " + msg + "; using the CPU");
                    err.flush();
                }
            });
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (progress.on()) {
            err.printf(Locale.ROOT, "searching %s with %s (%d thread%s): about %s candidates per match%n",
                    pattern.describe(), eng.name(), nThreads, nThreads == 1 ? "" : "s",
                    human(pattern.expectedCandidates()));
            err.flush();
        }
        long start = System.nanoTime();
        List<VanityResult> results = eng.search(pattern, count, new VanityListener() {
            @Override
            public void progress(VanityProgress p) {
                if (progress.on()) {
                    err.printf(Locale.ROOT, "%s candidates, %s/s, found %d/%d, P(match by now) %.1f%%, ETA %s%n",
                            human(p.candidates()), human(p.rate()), p.found(), p.wanted(), 100 * p.probability(),
                            p.etaSeconds() > 0 ? duration(p.etaSeconds()) : "overdue (any moment)");
                    err.flush();
                }
            }

            @Override
            public void found(VanityResult r) {
                if (progress.on()) {
                    err.println("found " + r.address());
                    err.flush();
                }
            }
        });
        double secs = (System.nanoTime() - start) / 1e9;
        String savedTo = null;
        if (save) {
            IdentityStore store = new IdentityStore(Cli.root(spec).dataDir());
            for (VanityResult r : results) {
                store.add(r.toIdentity(label(r)));
            }
            savedTo = store.file().toString();
        }
        print(pattern, eng, results, secs, savedTo);
        return 0;
    }

    private void print(VanityPattern pattern, VanityEngine eng, List<VanityResult> results, double secs,
            String savedTo) {
        if (json.on()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("pattern", pattern.describe());
            out.put("zeroBytes", (long) pattern.zeroBytes());
            out.put("engine", eng.name());
            out.put("probability", pattern.probability());
            out.put("expectedCandidates", (double) Math.round(pattern.expectedCandidates()));
            out.put("seconds", Math.round(secs * 1000) / 1000.0);
            List<Object> list = new ArrayList<>();
            for (VanityResult r : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", r.address());
                m.put("signingKeyWif", r.signingWif());
                m.put("encryptionKeyWif", r.encryptionWif());
                m.put("publicSigningKey", Hex.encode(r.publicSigningKey()));
                m.put("publicEncryptionKey", Hex.encode(r.publicEncryptionKey()));
                m.put("ripe", Hex.encode(r.ripe()));
                m.put("zeroBytes", (long) r.zeroBytes());
                m.put("keysDat", r.keysDatSection(label(r)));
                list.add(m);
            }
            out.put("results", list);
            out.put("saved", savedTo);
            Cli.printJson(spec, out);
            return;
        }
        PrintWriter out = Cli.out(spec);
        for (VanityResult r : results) {
            out.println("address:                " + r.address());
            out.println("private signing key:    " + r.signingWif());
            out.println("private encryption key: " + r.encryptionWif());
            out.println("ripe:                   " + Hex.encode(r.ripe()));
            out.println();
            out.println("keys.dat section:");
            out.print(r.keysDatSection(label(r)));
        }
        if (savedTo != null) {
            out.println("saved to " + savedTo);
        }
        out.flush();
        if (savedTo == null) {
            IdentityOutput.notStored(spec, results.size());
        }
    }

    private String label(VanityResult r) {
        return label != null ? label : "vanity " + r.address();
    }

    static String human(double v) {
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return "inf";
        }
        String[] units = {"", "k", "M", "G", "T", "P", "E"};
        int u = 0;
        while (Math.abs(v) >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f%s", v, units[u]);
    }

    static String duration(double s) {
        if (Double.isInfinite(s) || s > 1e12) {
            return "forever";
        }
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0fs", s);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
        }
        if (s < 86400 * 2) {
            return String.format(Locale.ROOT, "%dh%02dm", (long) s / 3600, (long) s % 3600 / 60);
        }
        if (s < 86400 * 365 * 2) {
            return String.format(Locale.ROOT, "%.1f days", s / 86400);
        }
        return String.format(Locale.ROOT, "%.3g years", s / 86400 / 365.25);
    }
}
