package dev.bmtool.core.vanity;

import java.util.List;

/** A way to search: the CPU engine here, an OpenCL engine in pow-opencl. */
public interface VanityEngine {
    /** Short name: "cpu", "opencl". */
    String name();

    /**
     * Searches until {@code count} matches are found or the thread is interrupted.
     *
     * @return the matches found, each verified by {@link VanityVerifier}
     */
    List<VanityResult> search(VanityPattern pattern, int count, VanityListener listener) throws InterruptedException;
}
