package dev.bmtool.core.pow;

/**
 * The CPU engine of {@code --engine auto} and {@code cpu}, one per thread: the SIMD engine once
 * {@link SimdWarmUp} found it compiled and faster, until then the MessageDigest engine (which
 * runs at full speed within a fraction of a second of start: the JDK's SHA-512 is an intrinsic).
 * The first search starts the warm-up, so one-shot runs switch over mid-job. The scalar engine
 * is never chosen here: on the machines measured (docs/benchmarks.md) it is slower than
 * MessageDigest.
 */
final class WarmingCpuEngine implements PowEngine {
    private final SimdWarmUp warmUp;
    private final PowEngine md = new ReferencePowEngine();
    private PowEngine simd;
    private volatile boolean usingSimd;

    WarmingCpuEngine(SimdWarmUp warmUp) {
        this.warmUp = warmUp;
    }

    @Override
    public String name() {
        return usingSimd ? simd.name() : md.name();
    }

    @Override
    public PowResult search(PowJob job, NonceRange range, PowMonitor monitor) {
        if (warmUp.warm()) {
            if (simd == null) {
                simd = CpuEngines.simd();
                usingSimd = true;
            }
            return simd.search(job, range, monitor);
        }
        warmUp.start();
        long t0 = System.nanoTime();
        PowResult r = md.search(job, range, monitor);
        long nanos = System.nanoTime() - t0;
        if (nanos > 1_000_000 && r.trials() > 0) {
            warmUp.reportMessageDigestRate(r.trials() / (nanos / 1e9));
        }
        return r;
    }
}
