package dev.bmtool.pow.opencl;

import dev.bmtool.core.pow.PowEngine;
import dev.bmtool.core.pow.PowEngineProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Offers one {@link OpenClEngine} per OpenCL device (GPUs and CPU devices such as pocl alike)
 * to the scheduler as engine kind {@code opencl}. Missing libraries, drivers or devices, and
 * kernels that do not build, become one line each through {@code problems}; the CPU engines
 * carry on.
 *
 * <p>Setting the system property {@code bmtool.opencl.disable=true} (or env
 * {@code BMTOOL_OPENCL=off}) skips OpenCL entirely.
 */
public final class OpenClEngineProvider implements PowEngineProvider {
    private final Supplier<OpenClPlatforms.Discovery> discovery;
    private final OpenClEngine.Options options;
    /** The first discovery, shared by {@link #offersAccelerators()} and {@link #open}. */
    private OpenClPlatforms.Discovery found;

    /** The ServiceLoader constructor: every device, default options. */
    public OpenClEngineProvider() {
        this(OpenClPlatforms::discover, null);
    }

    /** For tests and tools: a given discovery step and options ({@code null}: defaults). */
    public OpenClEngineProvider(Supplier<OpenClPlatforms.Discovery> discovery, OpenClEngine.Options options) {
        this.discovery = discovery;
        this.options = options;
    }

    @Override
    public String kind() {
        return "opencl";
    }

    static boolean disabledByUser() {
        return Boolean.getBoolean("bmtool.opencl.disable") || "off".equalsIgnoreCase(System.getenv("BMTOOL_OPENCL"));
    }

    private synchronized OpenClPlatforms.Discovery discover() {
        if (found == null) {
            found = discovery.get();
        }
        return found;
    }

    /** True when a non-CPU OpenCL device (a GPU) is present; lists devices, builds nothing. */
    @Override
    public boolean offersAccelerators() {
        if (disabledByUser()) {
            return false;
        }
        try {
            return discover().devices().stream().anyMatch(d -> !d.isCpu());
        } catch (RuntimeException | LinkageError e) {
            return false; // open() reports it
        }
    }

    @Override
    public List<PowEngine> open(Consumer<String> problems) {
        List<PowEngine> engines = new ArrayList<>();
        if (disabledByUser()) {
            problems.accept("OpenCL disabled by configuration (bmtool.opencl.disable / BMTOOL_OPENCL=off)");
            return engines;
        }
        OpenClPlatforms.Discovery found;
        try {
            found = discover();
        } catch (RuntimeException | LinkageError e) {
            // JOCL's native library may fail to load in ways discovery itself cannot catch
            problems.accept("OpenCL unavailable: " + OpenClPlatforms.oneLine(e));
            return engines;
        }
        found.problems().forEach(problems);
        try {
            if (options == null) {
                OpenClEngine.Options.defaults(); // a bad setting: one line, not one per device
            }
        } catch (RuntimeException e) {
            problems.accept("OpenCL: bad options: " + OpenClPlatforms.oneLine(e));
            return engines;
        }
        for (OpenClDevice d : found.devices()) {
            try {
                OpenClEngine.Options opts = options != null ? options : OpenClEngine.Options.forDevice(d);
                engines.add(OpenClEngine.open(d, opts, problems));
            } catch (RuntimeException | LinkageError e) {
                problems.accept(OpenClPlatforms.oneLine(e));
            }
        }
        return engines;
    }

    @Override
    public boolean accelerated() {
        return true;
    }
}
