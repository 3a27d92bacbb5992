package dev.bmtool.core.pow;

import java.util.ArrayList;
import java.util.List;

/**
 * An engine that can search many jobs in one device launch (the OpenCL engine), so a queue of
 * small jobs keeps a large device busy instead of paying one under-filled launch series per
 * job. Core uses it through {@link PowScheduler#solveBatch} without depending on the module that
 * implements it.
 */
public interface BatchPowEngine extends PowEngine {

    /**
     * Searches every job in its own range, together. Returns one result per job, in order: a
     * found nonce is any valid one of its range (the caller re-verifies it), trials are the
     * nonces searched for that job. Returns when every job is found, exhausted or cancelled;
     * reports trials through {@link PowMonitor#addTrials(long)}.
     *
     * @throws IllegalArgumentException when {@code jobs} and {@code ranges} differ in size
     */
    List<PowResult> searchBatch(List<PowJob> jobs, List<NonceRange> ranges, PowMonitor monitor);

    /** {@link #searchBatch(List, List, PowMonitor)} with every job searched from nonce 0. */
    default List<PowResult> searchBatch(List<PowJob> jobs, PowMonitor monitor) {
        List<NonceRange> ranges = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            ranges.add(NonceRange.from(0));
        }
        return searchBatch(jobs, ranges, monitor);
    }
}
