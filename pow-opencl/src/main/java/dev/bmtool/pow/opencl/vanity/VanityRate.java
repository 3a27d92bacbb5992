package dev.bmtool.pow.opencl.vanity;

import dev.bmtool.pow.opencl.OpenClDevice;
import dev.bmtool.pow.opencl.OpenClPlatforms;
import java.util.Locale;

/**
 * Vanity candidates per second of the OpenCL kernel on every device found, for a few work-item
 * counts (wall clock, including the host's per-launch work).
 *
 * <pre>java -cp "cli/target/bmtool.jar:cli/target/lib/*" dev.bmtool.pow.opencl.vanity.VanityRate [seconds]  (benchmarks/gpu/run-gpu.sh runs it)</pre>
 */
public final class VanityRate {
    private VanityRate() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        OpenClPlatforms.Discovery d = OpenClPlatforms.discover();
        d.problems().forEach(p -> System.out.println("problem: " + p));
        for (OpenClDevice dev : d.devices()) {
            int[] sizes = dev.isCpu() ? new int[] {64, 256} : new int[] {1 << 14, 1 << 16, 1 << 18};
            for (int items : sizes) {
                try (OpenClVanityEngine e = OpenClVanityEngine.open(dev, items)) {
                    e.measure(Math.min(2, seconds)); // warm-up: first launches, host JIT
                    double rate = e.measure(seconds);
                    System.out.printf(Locale.ROOT, "%s, %d work items: %.0f candidates/s%n", dev.label(), items, rate);
                }
            }
        }
    }
}
