package dev.bmtool.core.pow;

import java.util.ArrayList;
import java.util.List;

/**
 * Something that solves proof-of-work jobs: the local {@link PowScheduler}, or a stand-in in
 * tests. {@link dev.bmtool.core.pow.service.PowService} puts remote servers in front of one.
 * Results need not be verified here: the service verifies every answer it hands out exactly once.
 */
public interface PowBackend extends AutoCloseable {

    /** Searches for a nonce; blocks until found, cancelled ({@link PowScheduler.Listener#cancelled}) or failed. */
    PowScheduler.Outcome solve(PowJob job, PowScheduler.Listener listener);

    /** Several jobs, one outcome each, in order; by default one after the other. */
    default List<PowScheduler.Outcome> solveBatch(List<PowJob> jobs, PowScheduler.Listener listener) {
        List<PowScheduler.Outcome> out = new ArrayList<>(jobs.size());
        for (PowJob j : jobs) {
            out.add(solve(j, listener));
        }
        return out;
    }

    /** True when {@link #solveBatch} solves jobs together (an OpenCL device in use). */
    default boolean batching() {
        return false;
    }

    /** Names of the engines a job of this expected size would use now. */
    default List<String> engineNames(double expectedTrials) {
        return List.of("custom");
    }

    /** Starts compiling the fastest engine in the background (long-lived processes call it at start). */
    default void warmUp() {
    }

    /** True when the CPU engine runs at full speed now: nothing of it is left to compile. */
    default boolean warm() {
        return true;
    }

    /**
     * Called when an answer of {@code engine} failed verification: stop using that engine.
     * True when it was in use and is now dropped.
     */
    default boolean distrust(String engine) {
        return false;
    }

    @Override
    default void close() {
    }
}
