package dev.bmtool.pow.opencl;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenCL engines the tests run on (pocl's CPU device in CI), opened once per test JVM and
 * shared: building the kernel on pocl takes seconds. Binaries are cached under target/.
 */
final class PoclEngines {
    static final Path CACHE = Paths.get("target", "opencl-cache");
    private static List<OpenClEngine> engines;
    static final List<String> PROBLEMS = new ArrayList<>();

    private PoclEngines() {
    }

    static OpenClEngine.Options options() {
        // small launches: pocl on two shared cores is slow
        return OpenClEngine.Options.defaults().withCacheDir(CACHE).withLaunchMillis(5);
    }

    static synchronized List<OpenClEngine> all() {
        if (engines == null) {
            engines = new ArrayList<>();
            OpenClPlatforms.Discovery d = OpenClPlatforms.discover();
            PROBLEMS.addAll(d.problems());
            for (OpenClDevice dev : d.devices()) {
                engines.add(OpenClEngine.open(dev, options(), PROBLEMS::add));
            }
            if (engines.isEmpty()) {
                throw new IllegalStateException("no OpenCL device for the tests (install pocl): " + d.problems());
            }
        }
        return engines;
    }

    static OpenClEngine first() {
        return all().get(0);
    }
}
