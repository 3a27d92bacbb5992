package dev.bmtool.pow.opencl;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.json.Json;
import dev.bmtool.core.pow.CpuEngines;
import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowEngine;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.PowResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The GPU benchmark behind {@code benchmarks/gpu/run-gpu.sh}: for every OpenCL device it checks
 * the kernel against the CPU reference, measures trials per second, the latency of a
 * default-difficulty job (1000-byte object, 4-day TTL) on a warm engine, a batch of such jobs,
 * and a table of launch shapes (nonces per work item, rotate variant, work items per launch).
 *
 * <pre>
 * java -cp 'cli/target/bmtool.jar:cli/target/lib/*' dev.bmtool.pow.opencl.OpenClBench
 *      [--seconds S] [--latency-jobs N] [--npi 1,2,4,8] [--rotates 1,2,3]
 *      [--items 1048576,...] [--device I] [--cache DIR] [--out FILE.json] [--quick]
 *      [--latency-target T]
 * </pre>
 */
public final class OpenClBench {
    /** Vectors 7.2 of the test-vector file: initial hash, target, smallest valid nonce. */
    private static final String[][] VECTORS = {
        {"f0aaa1c4da05d5700790772ef5f7b1e135d786ebce622a1741bf49955918d1b945c79a0832c55248ad88d1b0f44ca27941f582f6486aa5e095c9cdcefafabcbc",
            "281474976710655", "70033"},
        {"69cc35b8236815968b1ba7740b22d0179f7f2503db4685d7e0a821453b4acf926c72c776db6fdf5244fd809e09a38176878d280ccced1157befeb0d4b57e9e22",
            "1099511627775", "6315691"},
        {"3758f55b5a8d902fd3597e4ce6a2d3f23daff735f65d9698c270987f4e67ad590b93f3ffeba0ef2fd08a8dc2f87b68ae5a0dc819ab57f22ad2c4c9c8618a43b3",
            "54227212183", "224121278"},
    };

    private double seconds = 3;
    private int latencyJobs = 30;
    private int[] npis = {1, 2, 4, 8};
    private int[] rotates = {1, 2, 3};
    private long[] items = {1L << 18, 1L << 20, 1L << 22, 1L << 24, 1L << 26};
    private int onlyDevice = -1;
    private Path cache = ProgramCache.defaultDir();
    private Path out;
    /** Latency jobs' target: the default difficulty unless --latency-target says otherwise. */
    private long latencyTarget = PowMath.senderTarget(1000, 345600, 1000, 1000);
    private final PrintStream p;
    private boolean failed;

    private OpenClBench(PrintStream out) {
        this.p = out;
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out));
    }

    /** Runs the benchmark with {@code args}, printing to {@code out}; 0 when every check passed. */
    static int run(String[] args, PrintStream out) throws IOException {
        OpenClBench b = new OpenClBench(out);
        b.parse(args);
        return b.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--seconds" -> { seconds = Double.parseDouble(v); i++; }
                case "--latency-jobs" -> { latencyJobs = Integer.parseInt(v); i++; }
                case "--npi" -> { npis = ints(v); i++; }
                case "--rotates" -> { rotates = ints(v); i++; }
                case "--items" -> { items = Arrays.stream(v.split(",")).mapToLong(Long::parseLong).toArray(); i++; }
                case "--device" -> { onlyDevice = Integer.parseInt(v); i++; }
                case "--cache" -> { cache = Paths.get(v); i++; }
                case "--out" -> { out = Paths.get(v); i++; }
                case "--latency-target" -> { latencyTarget = Long.parseUnsignedLong(v); i++; }
                case "--quick" -> {
                    seconds = 1;
                    latencyJobs = 2;
                    npis = new int[] {1, 4};
                    rotates = new int[] {1, 2};
                    items = new long[] {1L << 12, 1L << 14};
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
    }

    private static int[] ints(String v) {
        return Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private int run() throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("java", Runtime.version().toString());
        OpenClPlatforms.Discovery d = OpenClPlatforms.discover();
        d.problems().forEach(s -> p.println("problem: " + s));
        report.put("problems", d.problems());
        List<Object> devs = new ArrayList<>();
        report.put("devices", devs);
        if (d.devices().isEmpty()) {
            p.println("no OpenCL device");
            write(report);
            return 1;
        }
        for (OpenClDevice dev : d.devices()) {
            p.printf(Locale.ROOT, "device %d: %s | %s | %s | %s | %d CUs @ %d MHz | %.1f GiB%n", dev.index(),
                    dev.name(), dev.type(), dev.platformName(), dev.driverVersion(), dev.computeUnits(), dev.clockMhz(),
                    dev.globalMemBytes() / (double) (1L << 30));
        }
        cpuBaseline(report);
        for (OpenClDevice dev : d.devices()) {
            if (onlyDevice >= 0 && dev.index() != onlyDevice) {
                continue;
            }
            Map<String, Object> m = dev.toMap();
            devs.add(m);
            try {
                benchDevice(dev, m);
            } catch (RuntimeException e) {
                failed = true;
                p.println("FAILED on " + dev.label() + ": " + e);
                m.put("error", String.valueOf(e));
            }
            write(report);
        }
        write(report);
        p.println(failed ? "RESULT: FAILED" : "RESULT: OK");
        return failed ? 1 : 0;
    }

    /** The CPU engines' rate on all cores, for comparison (the reference every result is checked with). */
    private void cpuBaseline(Map<String, Object> report) {
        try (PowEngine cpu = CpuEngines.allCores()) {
            PowJob impossible = new PowJob(PowMath.initialHash(new byte[] {7}), 0);
            long[] rate = new long[1];
            for (double s : new double[] {1.5, seconds}) { // the first run warms up the JIT
                long deadline = System.nanoTime() + (long) (s * 1e9);
                PowMonitor m = new PowMonitor() {
                    @Override
                    public boolean isCancelled() {
                        return System.nanoTime() - deadline >= 0;
                    }

                    @Override
                    public void addTrials(long trials) {
                    }
                };
                long t0 = System.nanoTime();
                PowResult r = cpu.search(impossible, NonceRange.from(0), m);
                rate[0] = (long) (r.trials() * 1e9 / (System.nanoTime() - t0));
            }
            p.printf(Locale.ROOT, "CPU baseline (%s, %d cores): %.1f M trials/s%n", cpu.name(),
                    Runtime.getRuntime().availableProcessors(), rate[0] / 1e6);
            report.put("cpuEngine", cpu.name());
            report.put("cpuRate", rate[0]);
        } catch (RuntimeException | LinkageError e) {
            p.println("CPU baseline: unavailable (" + OpenClPlatforms.oneLine(e) + ")");
        }
    }

    private void write(Map<String, Object> report) throws IOException {
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, Json.write(report) + "\n", StandardCharsets.UTF_8);
        }
    }

    private OpenClEngine.Options base() {
        return OpenClEngine.Options.defaults().withCacheDir(cache);
    }

    private void benchDevice(OpenClDevice dev, Map<String, Object> m) {
        p.println();
        p.println("=== " + dev.label() + " (" + dev.platformName() + ")");
        long t0 = System.nanoTime();
        try (OpenClEngine e = OpenClEngine.open(dev, base(), s -> p.println("problem: " + s))) {
            double openMs = (System.nanoTime() - t0) / 1e6;
            p.printf(Locale.ROOT, "open: %.0f ms (%s); work group %d (kernels accept up to %d)%n", openMs,
                    e.programFromCache() ? "cached binary" : "built from source", e.workGroupSize(),
                    e.kernelWorkGroupLimit());
            m.put("openMs", openMs);

            // 1. kernel against the CPU reference
            byte[] ih = PowMath.initialHash("bmtool gpu self-test".getBytes(StandardCharsets.UTF_8));
            boolean ok = e.selfTest(ih, 0, 4096) && e.selfTest(ih, 0xFFFFF800L, 4096) && e.selfTest(ih, -4096L, 4096);
            p.println("self-test (12288 nonces vs CPU): " + (ok ? "ok" : "MISMATCH: " + e.disabledReason()));
            m.put("selfTest", ok);
            if (!ok) {
                failed = true;
                return;
            }

            // 2. rate with the default shape
            e.measure(Duration.ofMillis(300)); // warm-up and launch-size tuning
            double rate = e.measure(Duration.ofMillis((long) (seconds * 1000)));
            p.printf(Locale.ROOT, "rate (default shape npi=%d rot=%d): %.1f M trials/s%n",
                    e.options().noncesPerItem(), e.options().rotate(), rate / 1e6);
            m.put("rate", rate);

            // 3. vectors 7.2, as far as they take < 5 s each at this rate
            List<Object> vec = new ArrayList<>();
            for (String[] v : VECTORS) {
                long target = Long.parseUnsignedLong(v[1]);
                long smallest = Long.parseUnsignedLong(v[2]);
                if (smallest / Math.max(rate, 1) > 5) {
                    p.println("vector target " + v[1] + ": skipped (too slow on this device)");
                    continue;
                }
                byte[] h = Hex.decode(v[0]);
                long s0 = System.nanoTime();
                PowResult r = e.search(new PowJob(h, target), NonceRange.from(0), PowMonitor.NONE);
                double ms = (System.nanoTime() - s0) / 1e6;
                boolean good = r.found() && PowMath.meets(r.nonce(), h, target);
                // a single slot-ordered search may return any valid nonce; one at the known
                // smallest is also checked directly
                PowResult exact = e.search(new PowJob(h, target), new NonceRange(smallest - 100, 101), PowMonitor.NONE);
                good &= exact.found() && exact.nonce() == smallest;
                p.printf(Locale.ROOT, "vector target %s: nonce %s in %.1f ms, smallest %s: %s%n", v[1],
                        Long.toUnsignedString(r.nonce()), ms, v[2], good ? "ok" : "WRONG");
                failed |= !good;
                vec.add(Map.of("target", v[1], "nonce", Long.toUnsignedString(r.nonce()), "ms", ms, "ok", good));
            }
            m.put("vectors", vec);

            // 4. latency of default-difficulty jobs on the warm engine
            long target = latencyTarget;
            Random rnd = new Random(42);
            double[] lat = new double[latencyJobs];
            long trials = 0;
            for (int i = 0; i < latencyJobs; i++) {
                byte[] h = new byte[64];
                rnd.nextBytes(h);
                long s0 = System.nanoTime();
                PowResult r = e.search(new PowJob(h, target), NonceRange.from(0), PowMonitor.NONE);
                lat[i] = (System.nanoTime() - s0) / 1e6;
                trials += r.trials();
                if (!r.found()) {
                    failed = true;
                    p.println("latency job " + i + ": not found: " + r);
                }
            }
            if (latencyJobs > 0) {
                double[] sorted = lat.clone();
                Arrays.sort(sorted);
                double mean = Arrays.stream(lat).average().orElse(0);
                p.printf(Locale.ROOT, "job latency (target %d, %d jobs): mean %.2f ms, median %.2f ms, "
                                + "p90 %.2f ms, max %.2f ms, mean trials %.1f M (expected %.1f M)%n",
                        target, latencyJobs, mean, sorted[latencyJobs / 2], sorted[(int) (latencyJobs * 0.9)],
                        sorted[latencyJobs - 1], trials / 1e6 / latencyJobs, PowMath.expectedTrials(target) / 1e6);
                m.put("latencyMeanMs", mean);
                m.put("latencyMedianMs", sorted[latencyJobs / 2]);
                m.put("latencyP90Ms", sorted[(int) (latencyJobs * 0.9)]);

                // the same jobs as one batch
                List<PowJob> jobs = new ArrayList<>();
                Random rb = new Random(7);
                for (int i = 0; i < latencyJobs; i++) {
                    byte[] h = new byte[64];
                    rb.nextBytes(h);
                    jobs.add(new PowJob(h, target));
                }
                long s0 = System.nanoTime();
                List<PowResult> rs = e.searchBatch(jobs, PowMonitor.NONE);
                double ms = (System.nanoTime() - s0) / 1e6;
                boolean all = rs.stream().allMatch(PowResult::found);
                failed |= !all;
                long batchTrials = rs.stream().mapToLong(PowResult::trials).sum();
                p.printf(Locale.ROOT, "batch of %d such jobs: %.1f ms (%.2f ms per job), "
                                + "%.1f M trials per job, %.1f M trials/s%s%n",
                        latencyJobs, ms, ms / latencyJobs, batchTrials / 1e6 / latencyJobs, batchTrials / ms / 1e3,
                        all ? "" : " NOT ALL FOUND");
                m.put("batchMsPerJob", ms / latencyJobs);
            }
        }

        // 5. launch shapes
        List<Object> shapes = new ArrayList<>();
        p.println();
        p.println("| npi | rotate | items/launch | M trials/s |");
        p.println("|---:|---:|---:|---:|");
        double best = 0;
        OpenClEngine.Options bestOpts = base();
        for (int npi : npis) {
            for (int rot : rotates) {
                OpenClEngine.Options o = base().withNoncesPerItem(npi).withRotate(rot);
                double r = shape(dev, o, "auto", shapes);
                if (r > best) {
                    best = r;
                    bestOpts = o;
                }
            }
        }
        for (long it : items) {
            shape(dev, bestOpts.withFixedItems(it / bestOpts.noncesPerItem()), Long.toString(it / bestOpts.noncesPerItem()), shapes);
        }
        m.put("shapes", shapes);
        p.printf(Locale.ROOT, "best: npi=%d rotate=%d %.1f M trials/s%n", bestOpts.noncesPerItem(), bestOpts.rotate(), best / 1e6);
    }

    private double shape(OpenClDevice dev, OpenClEngine.Options o, String itemsLabel, List<Object> shapes) {
        try (OpenClEngine e = OpenClEngine.open(dev, o, s -> p.println("problem: " + s))) {
            byte[] ih = PowMath.initialHash("shape".getBytes(StandardCharsets.UTF_8));
            if (!e.selfTest(ih, 0, 256)) {
                failed = true;
                p.printf(Locale.ROOT, "| %d | %d | %s | SELF-TEST FAILED |%n", o.noncesPerItem(), o.rotate(), itemsLabel);
                return 0;
            }
            e.measure(Duration.ofMillis(200));
            double r = e.measure(Duration.ofMillis((long) (seconds * 1000)));
            p.printf(Locale.ROOT, "| %d | %d | %s | %.1f |%n", o.noncesPerItem(), o.rotate(), itemsLabel, r / 1e6);
            shapes.add(Map.of("npi", (long) o.noncesPerItem(), "rotate", (long) o.rotate(), "items", itemsLabel, "rate", r));
            return r;
        } catch (RuntimeException ex) {
            p.printf(Locale.ROOT, "| %d | %d | %s | error: %s |%n", o.noncesPerItem(), o.rotate(), itemsLabel,
                    OpenClPlatforms.oneLine(ex));
            return 0;
        }
    }
}
