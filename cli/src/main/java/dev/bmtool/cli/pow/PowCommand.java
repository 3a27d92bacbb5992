package dev.bmtool.cli.pow;

import dev.bmtool.cli.ProgressOption;
import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowResult;
import dev.bmtool.core.pow.PowScheduler;
import dev.bmtool.core.pow.service.PowService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
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

/**
 * {@code bmtool pow}: proof of work for an initial hash and target, for an object (sender
 * target from its TTL), or for a batch of jobs on stdin.
 */
@Command(name = "pow",
        description = {"Do Bitmessage proof of work on the CPU (SIMD, all cores) and OpenCL devices.",
            "  pow --initial-hash HEX --target N      solve one job",
            "  pow --object FILE | --hex HEX          set the nonce of an object (sender target)",
            "  pow --stdin                            lines 'INITIAL_HASH TARGET' -> 'NONCE TRIAL_VALUE'"},
        mixinStandardHelpOptions = true,
        subcommands = {PowServeCommand.class})
public final class PowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--initial-hash", paramLabel = "HEX", description = "64-byte initial hash (128 hex digits).")
    String initialHash;

    @Option(names = "--target", paramLabel = "N", description = "Target, unsigned 64-bit (decimal or 0x hex).")
    String target;

    @Option(names = "--object", paramLabel = "FILE", description = "Object file (hex text or raw bytes; '-' for stdin).")
    Path objectFile;

    @Option(names = "--hex", paramLabel = "HEX", description = "Object as hex.")
    String objectHex;

    @Option(names = "--ttl", paramLabel = "S", description = "TTL in seconds for the target (default: expiresTime - now).")
    Long ttl;

    @Option(names = "--ntpb", paramLabel = "N", defaultValue = "1000",
            description = "nonceTrialsPerByte (raised to the network minimum 1000). Default: ${DEFAULT-VALUE}.")
    long ntpb;

    @Option(names = "--extra", paramLabel = "N", defaultValue = "1000",
            description = "payloadLengthExtraBytes (raised to the minimum 1000). Default: ${DEFAULT-VALUE}.")
    long extra;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the finished object (hex) here instead of stdout.")
    Path out;

    @Option(names = "--stdin", description = "Batch filter: each line 'INITIAL_HASH_HEX TARGET' gives 'NONCE_HEX TRIAL_VALUE'.")
    boolean stdin;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "With --stdin and an OpenCL GPU (--engine opencl, or auto with a GPU): solve up to N"
                    + " lines that are already waiting together in batched launches. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--pow-server", paramLabel = "URL",
            description = "Send the work to this 'bmtool pow serve' endpoint, http://[TOKEN@]HOST:PORT (repeatable;"
                    + " answers are verified, local engines take over when it fails). Default: keys.dat's powservers.")
    List<String> powServers = new ArrayList<>();

    @Mixin
    JsonOption json;

    @Mixin
    ProgressOption progress; // the bar shows for jobs longer than a second

    /** Where --stdin and --object - read from; tests replace it. */
    InputStream in = System.in;

    /** Clock for the object TTL; tests replace it. */
    java.util.function.LongSupplier now = () -> Instant.now().getEpochSecond();

    @Override
    public Integer call() throws Exception {
        boolean hashMode = initialHash != null || target != null;
        boolean objectMode = objectFile != null || objectHex != null;
        int modes = (hashMode ? 1 : 0) + (objectMode ? 1 : 0) + (stdin ? 1 : 0);
        if (modes != 1) {
            throw new UsageException(modes == 0
                    ? "give --initial-hash HEX --target N, --object FILE / --hex HEX, or --stdin (see bmtool pow --help)"
                    : "give only one of --initial-hash/--target, --object/--hex and --stdin");
        }
        var parsed = spec.commandLine().getParseResult();
        if (!objectMode && (ttl != null || out != null || parsed.hasMatchedOption("--ntpb")
                || parsed.hasMatchedOption("--extra"))) {
            throw new UsageException("--ttl, --ntpb, --extra and --out go with --object or --hex");
        }
        if (!stdin && parsed.hasMatchedOption("--batch")) {
            throw new UsageException("--batch goes with --stdin");
        }
        if (batch < 1) {
            throw new UsageException("--batch must be at least 1");
        }
        PowScheduler.Options options = engine.toOptions();
        PrintWriter err = Cli.err(spec);
        // a --stdin filter lives long: its SIMD engine is compiled in the background from the start
        try (PowService scheduler = dev.bmtool.cli.mail.PowEngines.open(options, powServers,
                Cli.root(spec).dataDir(), stdin, msg -> {
                    if (Cli.root(spec).verbose()) {
                        err.println("bmtool: " + msg);
                        err.flush();
                    }
                }, null)) {
            if (stdin) {
                return batch(scheduler);
            }
            if (objectMode) {
                return object(scheduler);
            }
            return hash(scheduler);
        }
    }

    /**
     * More expected trials than this is no proof of work anyone waits for (2^50: about two weeks
     * at 1 GH/s); the largest object the network accepts, at 28 days and default difficulty, needs
     * about 2^34.
     */
    static final double MAX_EXPECTED_TRIALS = 0x1p50;

    /** Rejects a target whose expected trials are absurd (0 would search for ever). */
    static long feasibleTarget(long target, String what) {
        double trials = PowMath.expectedTrials(target);
        if (trials > MAX_EXPECTED_TRIALS) {
            throw new IllegalArgumentException(what + " " + Long.toUnsignedString(target) + " needs about "
                    + String.format(Locale.ROOT, "%.1e", trials) + " trials on average, more than "
                    + String.format(Locale.ROOT, "%.1e", MAX_EXPECTED_TRIALS) + " (weeks even on a fast GPU);"
                    + " the smallest accepted target is " + (long) (0x1p64 / MAX_EXPECTED_TRIALS));
        }
        return target;
    }

    private int hash(PowService scheduler) {
        if (initialHash == null || target == null) {
            throw new UsageException("--initial-hash and --target go together");
        }
        PowJob job;
        try {
            job = new PowJob(PowFormat.initialHash(initialHash), feasibleTarget(PowFormat.parseUnsigned(target,
                    "--target"), "--target"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PowScheduler.Outcome o = solve(scheduler, job);
        if (json.on()) {
            Cli.printJson(spec, outcomeJson(job, o));
        } else {
            PrintWriter w = Cli.out(spec);
            printOutcome(w, job, o);
            w.flush();
        }
        return 0;
    }

    private int object(PowService scheduler) {
        if (objectFile != null && objectHex != null) {
            throw new UsageException("give either --object or --hex, not both");
        }
        BitmessageObject obj = BitmessageObject.read(objectHex != null ? hexArg(objectHex) : readObjectFile());
        long lifetime;
        if (ttl != null) {
            if (ttl < 0) {
                throw new UsageException("--ttl must not be negative");
            }
            lifetime = ttl;
        } else {
            long exp = obj.expiresTime();
            long t = now.getAsLong();
            if (exp < 0 || exp <= t) {
                throw new IllegalArgumentException("object expired at " + Long.toUnsignedString(exp)
                        + " (now " + t + "); give --ttl to choose the target anyway");
            }
            lifetime = exp - t;
        }
        if (ntpb < 0 || extra < 0) {
            throw new UsageException("--ntpb and --extra must not be negative");
        }
        if (out != null) {
            // checked before the search so that a typo does not waste the proof of work
            Path dir = out.toAbsolutePath().getParent();
            if (Files.isDirectory(out)) {
                throw new UsageException("--out " + out + " is a directory");
            }
            if (dir != null && !Files.isDirectory(dir)) {
                throw new UsageException("--out " + out + ": no such directory " + dir);
            }
        }
        try {
            feasibleTarget(PowMath.senderTarget(obj.length(), lifetime, ntpb, extra), "the target from --ntpb/--extra/--ttl");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PowService.Solved solved;
        ProgressBar bar = progressBar();
        try {
            solved = scheduler.solveObject(obj, lifetime, ntpb, extra, bar);
        } finally {
            bar.finish();
        }
        PowJob job = solved.job();
        PowScheduler.Outcome o = solved.outcome();
        BitmessageObject done = solved.object();
        String hex = Hex.encode(done.write());
        if (out != null) {
            try {
                Files.writeString(out, hex + "\n");
            } catch (IOException e) {
                // keep the work: the finished object goes to stdout instead
                Cli.out(spec).println(hex);
                Cli.out(spec).flush();
                String why = e instanceof java.nio.file.FileSystemException f
                        ? dev.bmtool.cli.BmtoolCommand.fileProblem(f) : out + ": " + e.getMessage();
                throw new UncheckedIOException("cannot write " + why + " (the finished object is on stdout)", e);
            }
        }
        if (json.on()) {
            Map<String, Object> m = outcomeJson(job, o);
            m.put("ttl", lifetime);
            m.put("objectLength", (long) obj.length());
            m.put("inventoryHash", Hex.encode(PowMath.inventoryHash(done.write())));
            if (out == null) {
                m.put("object", hex);
            } else {
                m.put("out", out.toString());
            }
            Cli.printJson(spec, m);
        } else {
            PrintWriter err = Cli.err(spec);
            printOutcome(err, job, o);
            err.flush();
            if (out == null) {
                PrintWriter w = Cli.out(spec);
                w.println(hex);
                w.flush();
            }
        }
        return 0;
    }

    /** A --stdin line: a job, or the reason it is not one. */
    private record Line(long number, PowJob job, String error) {
    }

    /**
     * One job per line, answered in order; bad lines give an error line and the run goes on.
     * Lines already waiting on stdin (up to --batch lines) are read ahead and, with an OpenCL
     * batch engine, solved together; reading ahead never waits for input, so a caller that
     * writes one line and waits for its answer still gets it.
     */
    private int batch(PowService scheduler) throws IOException {
        PrintWriter w = Cli.out(spec);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int errors = 0;
        long[] lineNo = {0};
        Boolean batching = null; // asked the first time several jobs wait (it may open OpenCL)
        List<Line> lines = new ArrayList<>();
        while (true) {
            lines.clear();
            int jobs = 0;
            Line first = readLine(r, lineNo, true);
            if (first == null) {
                break;
            }
            lines.add(first);
            jobs += first.job() != null ? 1 : 0;
            while (lines.size() < batch && r.ready()) {
                Line next = readLine(r, lineNo, false);
                if (next == null) {
                    break;
                }
                lines.add(next);
                jobs += next.job() != null ? 1 : 0;
            }
            if (jobs > 1 && batching == null) {
                batching = scheduler.batching();
            }
            if (jobs > 1 && batching) {
                List<PowJob> list = lines.stream().map(Line::job).filter(j -> j != null).toList();
                List<PowScheduler.Outcome> outcomes = solveAll(scheduler, list);
                int k = 0;
                for (Line l : lines) {
                    if (l.job() == null) {
                        errors++;
                        printError(w, l);
                    } else {
                        PowScheduler.Outcome o = outcomes.get(k++);
                        notFound(l.job(), o);
                        printResult(w, l, o);
                    }
                }
            } else {
                for (Line l : lines) {
                    if (l.job() == null) {
                        errors++;
                        printError(w, l);
                    } else {
                        printResult(w, l, solve(scheduler, l.job()));
                    }
                }
            }
        }
        return errors == 0 ? 0 : BmtoolCommand.EXIT_FAILURE;
    }

    /** The next non-blank, non-comment line, or null at the end (or, unless blocking, when none is ready). */
    private static Line readLine(BufferedReader r, long[] lineNo, boolean blocking) throws IOException {
        while (blocking || r.ready()) {
            String line = r.readLine();
            if (line == null) {
                return null;
            }
            lineNo[0]++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            try {
                String[] f = t.split("\\s+");
                if (f.length != 2) {
                    throw new IllegalArgumentException("expected 'INITIAL_HASH_HEX TARGET', got " + f.length + " field(s)");
                }
                return new Line(lineNo[0], new PowJob(PowFormat.initialHash(f[0]),
                        feasibleTarget(PowFormat.parseUnsigned(f[1], "target"), "target")), null);
            } catch (IllegalArgumentException e) {
                return new Line(lineNo[0], null, e.getMessage());
            }
        }
        return null;
    }

    private void printError(PrintWriter w, Line l) {
        if (json.on()) {
            w.println(dev.bmtool.core.json.Json.write(Map.of("line", l.number(), "error", l.error())));
        } else {
            w.println("error: line " + l.number() + ": " + l.error());
        }
        w.flush();
    }

    private void printResult(PrintWriter w, Line l, PowScheduler.Outcome o) {
        if (json.on()) {
            Map<String, Object> m = outcomeJson(l.job(), o);
            m.put("line", l.number());
            if (o.batchSize() > 1) {
                m.put("batch", (long) o.batchSize());
            }
            w.println(dev.bmtool.core.json.Json.write(m));
        } else {
            w.println(PowFormat.nonceHex(o.result().nonce()) + " " + Long.toUnsignedString(o.result().trialValue()));
        }
        w.flush();
    }

    /** Several jobs in batched launches, one progress bar for them all. */
    private List<PowScheduler.Outcome> solveAll(PowService scheduler, List<PowJob> jobs) {
        boolean terminal = System.console() != null && System.console().isTerminal();
        ProgressBar bar = new ProgressBar(Cli.err(spec), progress.on(), terminal);
        List<PowScheduler.Outcome> outcomes;
        try {
            outcomes = scheduler.solveBatch(jobs, bar);
        } finally {
            bar.finish();
        }
        return outcomes;
    }

    private ProgressBar progressBar() {
        // in place on a terminal; tests and pipes get occasional plain lines
        boolean terminal = System.console() != null && System.console().isTerminal();
        return new ProgressBar(Cli.err(spec), progress.on(), terminal);
    }

    private PowScheduler.Outcome solve(PowService scheduler, PowJob job) {
        ProgressBar bar = progressBar();
        PowScheduler.Outcome o;
        try {
            o = scheduler.solve(job, bar);
        } finally {
            bar.finish();
        }
        notFound(job, o);
        return o;
    }

    private static void notFound(PowJob job, PowScheduler.Outcome o) {
        if (!o.found()) {
            // the whole 2^64 space was searched: only for absurd targets such as 0
            throw new IllegalStateException("no nonce meets target " + Long.toUnsignedString(job.target()) + " ("
                    + o.result().status().name().toLowerCase(Locale.ROOT) + " after " + o.result().trials() + " trials)");
        }
    }

    static Map<String, Object> outcomeJson(PowJob job, PowScheduler.Outcome o) {
        PowResult r = o.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nonce", PowFormat.nonceHex(r.nonce()));
        m.put("trialValue", PowFormat.unsigned(r.trialValue()));
        m.put("target", PowFormat.unsigned(job.target()));
        m.put("trials", r.trials());
        m.put("expectedTrials", PowMath.expectedTrials(job.target()));
        m.put("seconds", o.seconds());
        m.put("rate", o.rate());
        m.put("engine", o.engine());
        return m;
    }

    private static void printOutcome(PrintWriter w, PowJob job, PowScheduler.Outcome o) {
        PowResult r = o.result();
        w.println("nonce        " + PowFormat.nonceHex(r.nonce()) + " (" + Long.toUnsignedString(r.nonce()) + ")");
        w.println("trial value  " + Long.toUnsignedString(r.trialValue()) + " (target "
                + Long.toUnsignedString(job.target()) + ")");
        w.println("trials       " + r.trials() + " (expected ~" + PowFormat.si(PowMath.expectedTrials(job.target())) + ")");
        w.println(String.format(Locale.ROOT, "seconds      %.3f", o.seconds()));
        w.println("rate         " + PowFormat.rate(o.rate()));
        w.println("engine       " + o.engine());
    }

    private static byte[] hexArg(String hex) {
        try {
            return Hex.decode(hex.strip());
        } catch (RuntimeException e) {
            throw new UsageException("--hex: " + e.getMessage());
        }
    }

    private static final int MAX_FILE = 4 * 1024 * 1024;

    private byte[] readObjectFile() {
        byte[] content;
        try {
            if (objectFile.toString().equals("-")) {
                content = in.readNBytes(MAX_FILE + 1);
            } else {
                if (Files.size(objectFile) > MAX_FILE) {
                    throw new UsageException(objectFile + ": too large for an object");
                }
                content = Files.readAllBytes(objectFile);
            }
        } catch (NoSuchFileException e) {
            throw new UsageException(objectFile + ": no such file");
        } catch (java.nio.file.FileSystemException e) {
            throw new UncheckedIOException(dev.bmtool.cli.BmtoolCommand.fileProblem(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(objectFile + ": " + e.getMessage(), e);
        }
        if (content.length > MAX_FILE) {
            throw new UsageException(objectFile + ": too large for an object");
        }
        // hex text when every byte is a hex digit or white space, else raw bytes
        String text = new String(content, StandardCharsets.ISO_8859_1).strip();
        if (text.startsWith("0x") || text.startsWith("0X")) {
            text = text.substring(2);
        }
        if (!text.isEmpty() && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || Character.isWhitespace(c))) {
            return Hex.decode(text.replaceAll("\\s+", ""));
        }
        return content;
    }
}
