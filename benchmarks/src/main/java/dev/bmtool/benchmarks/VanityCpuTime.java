package dev.bmtool.benchmarks;

import dev.bmtool.core.vanity.VanityKernel;
import dev.bmtool.core.vanity.VanityPattern;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Candidates per second of thread CPU time, next to wall-clock, for machines whose cores are
 * shared (where JMH's wall-clock score understates what one core does).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.bmtool.benchmarks.VanityCpuTime [seconds]</pre>
 */
public final class VanityCpuTime {
    private VanityCpuTime() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        VanityKernel k = new VanityKernel(VanityPattern.compile("Xk9", 1, false), new SecureRandom());
        // warm-up
        long until = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < until) {
            k.batch();
        }
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long n = 0;
        long end = wall0 + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            k.batch();
            n += VanityKernel.BATCH;
        }
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        System.out.printf(Locale.ROOT, "%d candidates: %.0f per CPU second, %.0f per wall second (CPU share %.0f%%)%n",
                n, n / cpu, n / wall, 100 * cpu / wall);
    }
}
