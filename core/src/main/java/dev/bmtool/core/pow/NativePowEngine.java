package dev.bmtool.core.pow;

/**
 * The search in compiled C ({@link NativePow}), one thread: AVX-512 (8 nonces per pass), AVX2
 * (4 vector lanes and one scalar lane) or portable C (1), whichever the CPU runs. Get one from
 * {@link CpuEngines#nativeEngine()}.
 */
final class NativePowEngine implements PowEngine {
    /** Nonces per native call: about 2 ms of work, so cancellation and progress stay prompt. */
    static final long CALL_TRIALS = 16_384;

    private final NativePow lib;
    private final NativePow.Implementation impl;
    private final long[] value = new long[1];
    private byte[] initialHash;
    private PowJob prepared;

    NativePowEngine(NativePow lib, NativePow.Implementation impl) {
        this.lib = lib;
        this.impl = impl;
    }

    @Override
    public String name() {
        return "native-" + impl.name() + (impl.lanes() > 1 ? "-" + impl.lanes() + "x64" : "");
    }

    @Override
    public PowResult search(PowJob job, NonceRange range, PowMonitor monitor) {
        if (!job.equals(prepared)) {
            initialHash = job.initialHash();
            prepared = job;
        }
        long target = job.target();
        long n = range.start();
        long last = range.last();
        long trials = 0;
        while (true) {
            long left = last - n; // nonces after n, unsigned
            long count = Long.compareUnsigned(left, CALL_TRIALS - 1) < 0 ? left + 1 : CALL_TRIALS;
            long offset = lib.search(impl, initialHash, target, n, count, value);
            if (offset >= 0) {
                monitor.addTrials(offset + 1);
                return PowResult.found(n + offset, value[0], trials + offset + 1);
            }
            trials += count;
            monitor.addTrials(count);
            if (n + count - 1 == last) {
                return PowResult.exhausted(trials);
            }
            if (monitor.isCancelled()) {
                return PowResult.cancelled(trials);
            }
            n += count;
        }
    }
}
