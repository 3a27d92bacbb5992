package dev.bmtool.cli.pow;

import dev.bmtool.cli.ProgressOption;
import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.pow.opencl.OpenClDevice;
import dev.bmtool.pow.opencl.OpenClEngine;
import dev.bmtool.pow.opencl.OpenClPlatforms;
import dev.bmtool.pow.opencl.OpenClTuning;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

/** {@code bmtool devices}: OpenCL platforms and devices, each with a measured PoW rate. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = {"List OpenCL devices with a measured proof-of-work rate.",
            "Shows every OpenCL platform and device (GPUs and CPU devices such as pocl) with compute units,",
            "clock, memory and the rate in trials per second measured for --measure-seconds."})
public final class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Mixin
    ProgressOption progress;

    @Option(names = "--measure-seconds", paramLabel = "S", defaultValue = "1",
            description = "Seconds to measure each device's rate; 0 lists without measuring (default: ${DEFAULT-VALUE}).")
    double measureSeconds;

    @Option(names = "--tune", description = {"Measure every kernel shape (nonces per work item x rotate variant) on each",
        "device for --measure-seconds each, and save the fastest for later runs."})
    boolean tune;

    @Override
    public Integer call() {
        if (!(measureSeconds >= 0) || measureSeconds > 3600) {
            throw new UsageException("--measure-seconds must be between 0 and 3600, got " + measureSeconds);
        }
        if (tune && measureSeconds == 0) {
            throw new UsageException("--tune needs --measure-seconds above 0");
        }
        // progress lines only: the results go to stdout
        PrintWriter err = progress.on() ? Cli.err(spec) : new PrintWriter(java.io.Writer.nullWriter());
        OpenClPlatforms.Discovery d = OpenClPlatforms.discover();
        List<String> problems = new ArrayList<>(d.problems());
        List<Map<String, Object>> platforms = new ArrayList<>();
        Map<String, Map<String, Object>> byPlatform = new LinkedHashMap<>();
        for (OpenClDevice dev : d.devices()) {
            Map<String, Object> p = byPlatform.computeIfAbsent(dev.platformName() + "\0" + dev.platformVersion(), k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", dev.platformName());
                m.put("vendor", dev.platformVendor());
                m.put("version", dev.platformVersion());
                m.put("devices", new ArrayList<Map<String, Object>>());
                platforms.add(m);
                return m;
            });
            Map<String, Object> m = dev.toMap();
            if (tune) {
                tune(dev, m, err);
            }
            if (measureSeconds > 0) {
                measure(dev, m, problems, err);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) p.get("devices");
            list.add(m);
        }
        if (json.on()) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("platforms", platforms);
            out.put("problems", problems);
            Cli.printJson(spec, out);
        } else {
            printText(platforms, problems);
        }
        return 0;
    }

    private void tune(OpenClDevice dev, Map<String, Object> m, PrintWriter err) {
        err.printf(Locale.ROOT, "tuning %s: each kernel shape for %.1f s...%n", dev.label(), measureSeconds);
        err.flush();
        try {
            OpenClEngine.Options base = OpenClEngine.Options.defaults();
            List<OpenClTuning.Shape> shapes = OpenClTuning.measure(dev, base,
                    Duration.ofMillis((long) (measureSeconds * 1000)), line -> {
                        err.println("  " + line);
                        err.flush();
                    });
            if (shapes.isEmpty()) {
                m.put("tuneError", "no kernel shape works on this device");
                return;
            }
            OpenClTuning.Shape best = shapes.get(0);
            boolean saved = OpenClTuning.save(base.cacheDir(), dev, best);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("noncesPerItem", (long) best.noncesPerItem());
            t.put("rotate", (long) best.rotate());
            t.put("rate", Math.round(best.rate()));
            t.put("saved", saved);
            m.put("tuned", t);
        } catch (RuntimeException ex) {
            m.put("tuneError", ex.getMessage() == null ? ex.toString() : ex.getMessage());
        }
    }

    private void measure(OpenClDevice dev, Map<String, Object> m, List<String> problems, PrintWriter err) {
        err.printf(Locale.ROOT, "measuring %s for %.1f s...%n", dev.label(), measureSeconds);
        err.flush();
        OpenClEngine.Options options;
        try {
            options = OpenClEngine.Options.forDevice(dev);
        } catch (IllegalArgumentException ex) {
            throw new UsageException(ex.getMessage());
        }
        try (OpenClEngine e = OpenClEngine.open(dev, options, problems::add)) {
            m.put("noncesPerItem", (long) options.noncesPerItem());
            m.put("rotate", (long) options.rotate());
            byte[] ih = PowMath.initialHash("bmtool devices".getBytes(StandardCharsets.UTF_8));
            if (!e.selfTest(ih, 0, 256)) {
                m.put("error", e.disabledReason());
                return;
            }
            double rate = e.measure(Duration.ofMillis((long) (measureSeconds * 1000)));
            m.put("rate", Math.round(rate));
        } catch (RuntimeException ex) {
            String msg = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            m.put("error", msg);
        }
    }

    private void printText(List<Map<String, Object>> platforms, List<String> problems) {
        PrintWriter out = Cli.out(spec);
        if (platforms.isEmpty()) {
            out.println("no OpenCL devices");
        }
        for (Map<String, Object> p : platforms) {
            out.println("Platform: " + p.get("name") + " (" + p.get("version") + ")");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> devs = (List<Map<String, Object>>) p.get("devices");
            for (Map<String, Object> m : devs) {
                out.printf(Locale.ROOT, "  [%d] %s  %s, %d compute units @ %d MHz, %.1f GiB, driver %s%n",
                        (Long) m.get("index"), m.get("name"), m.get("type"), (Long) m.get("computeUnits"),
                        (Long) m.get("clockMHz"), (Long) m.get("globalMemBytes") / (double) (1L << 30), m.get("driver"));
                if (m.get("tuned") instanceof Map<?, ?> t) {
                    out.printf(Locale.ROOT, "      tuned: %d nonces per work item, rotate variant %d (%s trials/s)%s%n",
                            (Long) t.get("noncesPerItem"), (Long) t.get("rotate"), human((Long) t.get("rate")),
                            Boolean.TRUE.equals(t.get("saved")) ? ", saved" : ", NOT saved (cache directory not writable)");
                }
                if (m.containsKey("tuneError")) {
                    out.println("      tuning failed: " + m.get("tuneError"));
                }
                if (m.containsKey("rate")) {
                    out.printf(Locale.ROOT, "      rate: %s trials/s (%d nonces per work item, rotate variant %d)%n",
                            human((Long) m.get("rate")), (Long) m.get("noncesPerItem"), (Long) m.get("rotate"));
                }
                if (m.containsKey("error")) {
                    out.println("      error: " + m.get("error"));
                }
            }
        }
        for (String s : problems) {
            out.println("note: " + s);
        }
        out.flush();
    }

    static String human(long rate) {
        if (rate >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f G", rate / 1e9);
        }
        if (rate >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.2f M", rate / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f k", rate / 1e3);
    }
}
