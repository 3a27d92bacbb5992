package dev.bmtool.cli.pow;

import dev.bmtool.cli.ProgressOption;
import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.pow.CpuEngines;
import dev.bmtool.core.pow.MultiThreadPowEngine;
import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowEngine;
import dev.bmtool.core.pow.PowEngineProvider;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.ReferencePowEngine;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bmtool bench}: trials per second of each PoW engine on this machine, next to the plain
 * MessageDigest double SHA-512 baseline. A quick check; the JMH suite in {@code benchmarks/}
 * is the careful measurement.
 */
@Command(name = "bench",
        description = "Measure proof-of-work trials per second of each engine on this machine.",
        mixinStandardHelpOptions = true)
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
            description = "Measuring time per engine, after a short warm-up. Default: ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads for the all-cores row (0 = all processors). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--no-opencl", description = "Skip OpenCL devices (measured by default when any are found).")
    boolean noOpencl;

    @Option(names = "--c-pattern", paramLabel = "FILE",
            description = "Also measure the C/OpenSSL pattern PyBitmessage's C extension uses: FILE is its source"
                    + " (built with gcc -O2 -lcrypto; needs gcc and libssl-dev) or a built binary taking 'THREADS SECONDS'"
                    + " and printing 'trials_per_s N'. Default: $BMTOOL_POWREF when set.")
    java.nio.file.Path cPattern;

    @Mixin
    JsonOption json;

    @Mixin
    ProgressOption progress;

    /** Wall-clock rate, and trials per second of CPU time used by this process meanwhile. */
    record Row(String engine, int threads, double trialsPerSecond, double trialsPerCpuSecond) {
    }

    record Rate(double wall, double cpu) {
    }

    @Override
    public Integer call() {
        if (!(seconds > 0) || seconds > 3600) {
            throw new UsageException("--seconds must be above 0 and at most 3600");
        }
        if (threads < 0) {
            throw new UsageException("--threads must be 0 or more");
        }
        int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        // progress lines only: the results go to stdout
        PrintWriter err = progress.on() ? Cli.err(spec) : new PrintWriter(java.io.Writer.nullWriter());
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        measure(rows, new ReferencePowEngine(), 1, err);
        measure(rows, CpuEngines.scalar(), 1, err);
        if (CpuEngines.simdAvailable()) {
            measure(rows, CpuEngines.simd(), 1, err);
        } else {
            notes.add("SIMD engine unavailable: " + CpuEngines.simdProblem().orElse("?"));
        }
        if (CpuEngines.nativeAvailable()) {
            for (String impl : CpuEngines.nativeImplementations()) {
                measure(rows, CpuEngines.nativeEngine(impl), 1, err);
            }
        } else {
            notes.add("native engine unavailable: " + CpuEngines.nativeProblem().orElse("?"));
        }
        Supplier<PowEngine> best = CpuEngines.bestFactory();
        measure(rows, MultiThreadPowEngine.of(n, best, false), n, err);
        if (CpuEngines.nativeSimd() && CpuEngines.simdAvailable()) {
            // the Java SIMD engine on every thread too: what runs where the native library is not built
            measure(rows, MultiThreadPowEngine.of(n, CpuEngines::simd, false), n, err);
        }
        if (!noOpencl) {
            try {
                for (PowEngineProvider p : ServiceLoader.load(PowEngineProvider.class)) {
                    for (PowEngine e : p.open(msg -> notes.add(p.kind() + ": " + msg))) {
                        measure(rows, e, 1, err);
                    }
                }
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                notes.add("OpenCL: " + e.getMessage());
            }
        }
        java.nio.file.Path cp = cPattern != null ? cPattern
                : System.getenv("BMTOOL_POWREF") != null ? java.nio.file.Path.of(System.getenv("BMTOOL_POWREF")) : null;
        Row cRow = null;
        if (cp != null) {
            err.print("bench: c-openssl-pattern*" + n + "...");
            err.flush();
            try {
                double rate = dev.bmtool.core.pow.CPattern.measure(cp, n, seconds);
                err.println(" " + PowFormat.rate(rate));
                cRow = new Row("c-openssl-pattern", n, rate, 0);
                rows.add(cRow);
            } catch (java.io.IOException | RuntimeException e) {
                err.println(" failed");
                notes.add("C pattern: " + e.getMessage());
            }
            err.flush();
        }
        if (cRow != null) {
            for (Row all : rows) {
                if (all.threads() == n && all.engine().contains("*")) {
                    notes.add(String.format(Locale.ROOT, "%s is %.2fx the C/OpenSSL pattern on %d threads", all.engine(),
                            all.trialsPerSecond() / cRow.trialsPerSecond(), n));
                }
            }
        }
        double base = rows.get(0).trialsPerSecond();
        if (json.on()) {
            List<Object> list = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("engine", r.engine());
                m.put("threads", (long) r.threads());
                m.put("trialsPerSecond", r.trialsPerSecond());
                m.put("trialsPerCpuSecond", r.trialsPerCpuSecond());
                m.put("vsBaseline", base > 0 ? r.trialsPerSecond() / base : 0.0);
                list.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("engines", list);
            m.put("processors", (long) Runtime.getRuntime().availableProcessors());
            m.put("simdLanes", (long) CpuEngines.simdLanes());
            m.put("nativeImplementations", new ArrayList<Object>(CpuEngines.nativeImplementations()));
            m.put("java", Runtime.version().toString());
            m.put("secondsPerEngine", seconds);
            m.put("notes", notes);
            Cli.printJson(spec, m);
        } else {
            PrintWriter out = Cli.out(spec);
            out.println(String.format(Locale.ROOT, "%-22s %7s %14s %12s %14s", "engine", "threads", "trials/s",
                    "vs baseline", "trials/CPU-s"));
            for (Row r : rows) {
                out.println(String.format(Locale.ROOT, "%-22s %7d %14s %11.2fx %14s", r.engine(), r.threads(),
                        String.format(Locale.ROOT, "%,.0f", r.trialsPerSecond()), base > 0 ? r.trialsPerSecond() / base : 0,
                        String.format(Locale.ROOT, "%,.0f", r.trialsPerCpuSecond())));
            }
            for (String note : notes) {
                out.println("note: " + note);
            }
            out.println("(" + Runtime.getRuntime().availableProcessors() + " processors, Java " + Runtime.version()
                    + "; baseline = MessageDigest double SHA-512, one thread)");
            out.flush();
        }
        return 0;
    }

    private void measure(List<Row> rows, PowEngine engine, int threads, PrintWriter err) {
        try (engine) {
            err.print("bench: " + engine.name() + "...");
            err.flush();
            run(engine, Math.min(1.0, seconds / 2)); // warm-up: let the JIT compile the hot loop
            Rate rate = run(engine, seconds);
            err.println(" " + PowFormat.rate(rate.wall()));
            err.flush();
            rows.add(new Row(engine.name(), threads, rate.wall(), rate.cpu()));
        }
    }

    /** Trials per second of an impossible target for about {@code secs} seconds. */
    static Rate run(PowEngine engine, double secs) {
        byte[] ih = new byte[64];
        new SecureRandom().nextBytes(ih);
        PowJob job = new PowJob(ih, 0);
        long deadline = System.nanoTime() + (long) (secs * 1e9);
        LongAdder trials = new LongAdder();
        PowMonitor m = new PowMonitor() {
            @Override
            public boolean isCancelled() {
                return System.nanoTime() - deadline >= 0;
            }

            @Override
            public void addTrials(long t) {
                trials.add(t);
            }
        };
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        long done = engine.search(job, NonceRange.from(0), m).trials();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - c0) / 1e9;
        done = Math.max(done, trials.sum()); // the result's count; some engines report progress coarsely
        return new Rate(done / elapsed, cpu > 0 ? done / cpu : 0);
    }

    /** CPU time of the whole process (engine threads, JIT and GC alike), or 0 when unknown. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(os.getProcessCpuTime(), 0);
        }
        return 0;
    }
}
