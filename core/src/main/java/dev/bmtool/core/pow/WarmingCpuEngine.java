package dev.bmtool.core.pow;

/**
 * The CPU engine of {@code --engine auto} and {@code cpu}, one per thread: the SIMD engine once
 * {@link SimdWarmUp} found it compiled and faster, until then the MessageDigest engine (which
 * runs at full speed within a fraction of a second of start: the JDK's SHA-512 is an intrinsic).
 * One engine of a pool of two threads or more is the driver: while cold it runs the SIMD engine
 * on the job itself and rates it, which gets it compiled sooner than a third thread competing
 * for the cores would. The first search starts the warm-up, so one-shot runs switch over mid-job. The scalar engine
 * is never chosen here: on the machines measured (docs/benchmarks.md) it is slower than
 * MessageDigest.
 */
final class WarmingCpuEngine implements PowEngine {
    private final SimdWarmUp warmUp;
    private final PowEngine md = new ReferencePowEngine();
    private PowEngine simd;
    private volatile boolean usingSimd;

    /** Runs the SIMD engine while it is cold (one thread per pool), which gets it compiled sooner. */
    private final boolean driver;

    WarmingCpuEngine(SimdWarmUp warmUp) {
        this(warmUp, false);
    }

    WarmingCpuEngine(SimdWarmUp warmUp, boolean driver) {
        this.warmUp = warmUp;
        this.driver = driver && CpuEngines.simdAvailable();
    }

    @Override
    public String name() {
        return usingSimd ? simd.name() : md.name();
    }

    /**
     * The cold SIMD engine on real work, its rate measured every 10 ms or more (it reports trials
     * every few hundred nonces) against the other threads' MessageDigest rate: JIT-compiling it
     * this way costs one thread's MessageDigest work for a while, and the interpreted trials
     * still count.
     */
    private PowResult drive(PowJob job, NonceRange range, PowMonitor monitor) {
        if (simd == null) {
            simd = CpuEngines.simd();
        }
        usingSimd = true;
        PowMonitor measuring = new PowMonitor() {
            long windowStart = System.nanoTime();
            long windowTrials;

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }

            @Override
            public void addTrials(long trials) {
                monitor.addTrials(trials);
                warmUp.driving();
                windowTrials += trials;
                long now = System.nanoTime();
                if (now - windowStart >= 10_000_000L) {
                    warmUp.simdRateSeen(windowTrials / ((now - windowStart) / 1e9));
                    windowStart = now;
                    windowTrials = 0;
                }
            }
        };
        return simd.search(job, range, measuring);
    }

    @Override
    public PowResult search(PowJob job, NonceRange range, PowMonitor monitor) {
        if (warmUp.warm()) {
            if (simd == null) {
                simd = CpuEngines.simd();
            }
            usingSimd = true;
            return simd.search(job, range, monitor);
        }
        warmUp.start();
        if (driver && warmUp.messageDigestRate() > 0) {
            return drive(job, range, monitor);
        }
        long t0 = System.nanoTime();
        usingSimd = false;
        PowResult r = md.search(job, range, monitor);
        long nanos = System.nanoTime() - t0;
        if (nanos > 1_000_000 && r.trials() > 0) {
            warmUp.reportMessageDigestRate(r.trials() / (nanos / 1e9));
        }
        return r;
    }
}
