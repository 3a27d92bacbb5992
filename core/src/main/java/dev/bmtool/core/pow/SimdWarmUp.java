package dev.bmtool.core.pow;

import java.security.SecureRandom;

/**
 * Gets the SIMD engine compiled, and says when it is. Interpreted Vector API code is about a
 * thousand times slower than compiled code, and C2 needs a few hundred milliseconds to a few
 * seconds of calls before it compiles it, so a JVM that just started must not send work to the
 * SIMD engine yet. One daemon thread per JVM (the JIT's state is per JVM) calls the SIMD engine
 * on a dummy job in small chunks and, alternately, the MessageDigest engine; once the SIMD
 * engine has been measurably faster on two rounds in a row, {@link #warm()} turns true and the
 * CPU engines switch to it (see {@link WarmingCpuEngine}). It gives up after
 * {@link #GIVE_UP_NANOS} (SIMD then stays unused: never slower than MessageDigest).
 */
final class SimdWarmUp {
    static final SimdWarmUp GLOBAL = new SimdWarmUp();

    /** SIMD must beat MessageDigest by this factor, so timing noise does not switch too early. */
    static final double MARGIN = 1.2;
    private static final long ROUND_NANOS = 10_000_000L;
    private static final long GIVE_UP_NANOS = 120_000_000_000L;
    private static final int CHUNK = 512;

    private volatile boolean warm;
    /** MessageDigest trials per second of one CPU thread, as the warming engines measured it (0: none yet). */
    private volatile double mdRate;
    private volatile long mdRateNanos;
    private volatile boolean gaveUp;
    private volatile long warmAfterNanos = -1;
    private Thread thread;

    private SimdWarmUp() {
    }

    /** True once the SIMD engine runs compiled and faster than MessageDigest on this JVM. */
    boolean warm() {
        return warm;
    }

    /** How long after {@link #start()} the SIMD engine was found warm, or -1 while it is not. */
    long warmAfterNanos() {
        return warmAfterNanos;
    }

    /** Until when (System.nanoTime) a CPU thread drives the SIMD engine itself; the warm-up thread rests meanwhile. */
    private volatile long drivenUntilNanos;

    /** A CPU thread runs the cold SIMD engine now (see {@link WarmingCpuEngine}). */
    void driving() {
        drivenUntilNanos = System.nanoTime() + 100_000_000L;
    }

    /** The SIMD engine's rate, as measured by whoever runs it, against the MessageDigest rate. */
    boolean simdRateSeen(double simdRate) {
        double md = mdRate;
        if (md > 0 && simdRate > MARGIN * md) {
            if (++driverStreak >= 2) {
                markWarm();
            }
        } else {
            driverStreak = 0;
        }
        return warm;
    }

    private volatile int driverStreak;

    private synchronized void markWarm() {
        if (!warm) {
            warmAfterNanos = startNanos < 0 ? -1 : System.nanoTime() - startNanos;
            warm = true;
        }
    }

    /** The MessageDigest rate per CPU thread as last reported (0: none). */
    double messageDigestRate() {
        return mdRate;
    }

    private volatile long startNanos = -1;

    /** A CPU thread's MessageDigest rate over its last batch (see {@link WarmingCpuEngine}). */
    void reportMessageDigestRate(double trialsPerSecond) {
        double old = mdRate;
        mdRate = old == 0 ? trialsPerSecond : 0.7 * old + 0.3 * trialsPerSecond;
        mdRateNanos = System.nanoTime();
    }

    /** Starts the warm-up thread once per JVM; nothing happens when SIMD is unavailable. */
    synchronized void start() {
        if (thread != null || warm || gaveUp || !CpuEngines.simdAvailable()) {
            return;
        }
        long t0 = System.nanoTime();
        startNanos = t0;
        thread = Thread.ofPlatform().daemon().name("bmtool-simd-warmup").start(() -> run(t0));
    }

    private void run(long t0) {
        PowEngine simd = CpuEngines.simd();
        PowEngine md = new ReferencePowEngine();
        byte[] ih = new byte[64];
        new SecureRandom().nextBytes(ih);
        PowJob job = new PowJob(ih, 0); // target 0: in practice never met, so every chunk is searched through
        long[] next = {0};
        int streak = 0;
        double ownMdRate = 0;
        for (int round = 0; System.nanoTime() - t0 < GIVE_UP_NANOS; round++) {
            // the SIMD engine runs nearly all the time, so the JIT sees it called often; the
            // MessageDigest rate to beat comes from the CPU threads running it meanwhile, or,
            // in an idle process, from an occasional round here
            if (System.nanoTime() - drivenUntilNanos < 0) {
                try {
                    Thread.sleep(10); // a CPU thread drives the SIMD engine with real work
                } catch (InterruptedException e) {
                    return;
                }
                if (warm) {
                    return;
                }
                continue;
            }
            double simdRate = rate(simd, job, next);
            boolean workersReport = System.nanoTime() - mdRateNanos < 1_000_000_000L && mdRate > 0;
            if (!workersReport && (ownMdRate == 0 || round % 10 == 0)) {
                ownMdRate = rate(md, job, next);
            }
            double mdRate = workersReport ? this.mdRate : ownMdRate;
            streak = simdRate > MARGIN * mdRate ? streak + 1 : 0;
            if (streak >= 2 || warm) {
                markWarm();
                return;
            }
        }
        gaveUp = true;
    }

    /** Trials per second of {@code e} over one round of chunks (at least one chunk). */
    private static double rate(PowEngine e, PowJob job, long[] next) {
        long start = System.nanoTime();
        long trials = 0;
        long now;
        do {
            PowResult r = e.search(job, new NonceRange(next[0], CHUNK), PowMonitor.NONE);
            trials += r.trials();
            next[0] += CHUNK;
            now = System.nanoTime();
        } while (now - start < ROUND_NANOS);
        return trials / ((now - start) / 1e9);
    }
}
