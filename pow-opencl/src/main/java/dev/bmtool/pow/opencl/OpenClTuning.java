package dev.bmtool.pow.opencl;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The fastest kernel shape (nonces per work item, rotate variant) measured on a device, kept
 * next to the compiled kernels ({@code bmtool devices --tune} writes it; engines opened by the
 * provider use it unless a property or environment variable sets the shape explicitly). Keyed
 * by device, driver and kernel source, so a new driver or kernel version is tuned afresh.
 */
public final class OpenClTuning {
    /** A measured shape. */
    public record Shape(int noncesPerItem, int rotate, double rate) {
    }

    private OpenClTuning() {
    }

    static Path file(Path cacheDir, OpenClDevice d) {
        String key = KernelSource.sha256("tuning", d.platformName(), d.platformVersion(), d.name(), d.vendor(),
                d.driverVersion(), d.deviceVersion(), KernelSource.text());
        return cacheDir.resolve("tuning-" + key + ".properties");
    }

    /** The saved shape for {@code d}, if any and readable. */
    public static Optional<Shape> load(Path cacheDir, OpenClDevice d) {
        if (cacheDir == null) {
            return Optional.empty();
        }
        Path f = file(cacheDir, d);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(r);
            Shape s = new Shape(Integer.parseInt(p.getProperty("npi")), Integer.parseInt(p.getProperty("rotate")),
                    Double.parseDouble(p.getProperty("rate", "0")));
            new OpenClEngine.Options(s.noncesPerItem(), s.rotate(), 10, 0, 0, null); // validates
            return Optional.of(s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or foreign: as if untuned
        }
    }

    /** Saves {@code s} for {@code d}; false when the cache directory cannot be written. */
    public static boolean save(Path cacheDir, OpenClDevice d, Shape s) {
        if (cacheDir == null) {
            return false;
        }
        try {
            Files.createDirectories(cacheDir);
            Path f = file(cacheDir, d);
            Path tmp = Files.createTempFile(cacheDir, "tuning", ".tmp");
            Properties p = new Properties();
            p.setProperty("device", d.name());
            p.setProperty("driver", d.driverVersion());
            p.setProperty("npi", Integer.toString(s.noncesPerItem()));
            p.setProperty("rotate", Integer.toString(s.rotate()));
            p.setProperty("rate", Double.toString(s.rate()));
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "bmtool OpenCL kernel shape (bmtool devices --tune)");
            }
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Measures every shape on {@code d} for {@code perShape} each (after a short warm-up) and
     * returns them, fastest first. Shapes whose kernel fails to build or fails the self-test
     * are reported through {@code progress} and left out. CPU devices skip rotate variant 3
     * (pocl compiles it for minutes).
     */
    public static List<Shape> measure(OpenClDevice d, OpenClEngine.Options base, Duration perShape,
                                      Consumer<String> progress) {
        List<Shape> shapes = new ArrayList<>();
        int[] rotates = d.isCpu() ? new int[] {1, 2} : new int[] {1, 2, 3};
        byte[] ih = dev.bmtool.core.pow.PowMath.initialHash("bmtool tune".getBytes(StandardCharsets.UTF_8));
        for (int npi : new int[] {1, 2, 4}) {
            for (int rot : rotates) {
                OpenClEngine.Options o = base.withNoncesPerItem(npi).withRotate(rot);
                try (OpenClEngine e = OpenClEngine.open(d, o, progress)) {
                    if (!e.selfTest(ih, -100, 200)) {
                        continue; // disable() already reported it
                    }
                    e.measure(perShape.dividedBy(4));
                    double rate = e.measure(perShape);
                    progress.accept(String.format(java.util.Locale.ROOT, "%s npi=%d rotate=%d: %.1f M trials/s",
                            d.label(), npi, rot, rate / 1e6));
                    shapes.add(new Shape(npi, rot, rate));
                } catch (RuntimeException e) {
                    progress.accept(d.label() + " npi=" + npi + " rotate=" + rot + ": " + OpenClPlatforms.oneLine(e));
                }
            }
        }
        shapes.sort((a, b) -> Double.compare(b.rate(), a.rate()));
        return shapes;
    }
}
