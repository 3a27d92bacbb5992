package dev.bmtool.pow.opencl.vanity;

import dev.bmtool.core.vanity.VanityEngine;
import dev.bmtool.core.vanity.VanityEngineProvider;
import dev.bmtool.pow.opencl.OpenClDevice;
import dev.bmtool.pow.opencl.OpenClPlatforms;
import java.util.function.Consumer;

/**
 * Offers the OpenCL vanity engine as kind {@code opencl}: the first GPU, else the first OpenCL
 * device of any type when asked by name. {@code --engine auto} takes only GPUs (a CPU OpenCL
 * device such as pocl is no faster than the CPU engine). Honors {@code bmtool.opencl.disable} /
 * {@code BMTOOL_OPENCL=off} like the proof-of-work engines.
 */
public final class OpenClVanityEngineProvider implements VanityEngineProvider {
    public OpenClVanityEngineProvider() {
    }

    @Override
    public String kind() {
        return "opencl";
    }

    @Override
    public VanityEngine open(int threads, boolean auto, Consumer<String> problems) {
        if (Boolean.getBoolean("bmtool.opencl.disable") || "off".equalsIgnoreCase(System.getenv("BMTOOL_OPENCL"))) {
            problems.accept("OpenCL disabled by configuration");
            return null;
        }
        OpenClPlatforms.Discovery found;
        try {
            found = OpenClPlatforms.discover();
        } catch (RuntimeException | LinkageError e) {
            problems.accept("OpenCL unavailable: " + oneLine(e));
            return null;
        }
        found.problems().forEach(problems);
        OpenClDevice pick = null;
        for (OpenClDevice d : found.devices()) {
            if (!d.isCpu()) {
                pick = d;
                break;
            }
        }
        if (pick == null && !auto && !found.devices().isEmpty()) {
            pick = found.devices().get(0);
        }
        if (pick == null) {
            problems.accept("no OpenCL GPU found");
            return null;
        }
        // enough work items to fill a GPU; few on a CPU device
        int items = pick.isCpu() ? 64 * Math.max(1, pick.computeUnits()) : 1 << 16;
        try {
            return OpenClVanityEngine.open(pick, items);
        } catch (RuntimeException | LinkageError e) {
            problems.accept(oneLine(e));
            return null;
        }
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').strip();
    }
}
