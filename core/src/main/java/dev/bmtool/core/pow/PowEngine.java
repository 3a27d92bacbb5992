package dev.bmtool.core.pow;

/**
 * A nonce searcher for Bitmessage proof of work: finds a nonce in a range whose trial value
 * (first 8 bytes of SHA512(SHA512(nonce || initialHash)), unsigned big-endian) is
 * {@code <=} the job's target. Implementations: scalar CPU, SIMD CPU, OpenCL. All of them pass
 * the one conformance suite ({@code PowEngineConformanceTest}).
 *
 * <p>Engines are reusable across jobs and may hold native resources; {@link #close()} frees
 * them. {@link #search} may be called from one thread at a time per engine instance unless the
 * engine says otherwise.
 */
public interface PowEngine extends AutoCloseable {

    /** Short, stable name shown to users and in benchmarks, e.g. {@code scalar}, {@code simd-8x64}. */
    String name();

    /**
     * Searches {@code range} (inclusive of nonce 0 when the range starts there) and returns the
     * first valid nonce it finds (not necessarily the smallest), or a result saying none was
     * found or the search was cancelled. Must poll {@link PowMonitor#isCancelled()} often enough
     * that cancellation takes effect within about 50 ms, and report trials through
     * {@link PowMonitor#addTrials(long)}.
     */
    PowResult search(PowJob job, NonceRange range, PowMonitor monitor);

    /**
     * True for engines that compute on the host's own CPU cores (an OpenCL CPU device such as
     * pocl): the scheduler's {@code auto} mode does not run them next to the CPU engines, which
     * already use every core.
     */
    default boolean usesHostCpu() {
        return false;
    }

    @Override
    default void close() {
    }
}
