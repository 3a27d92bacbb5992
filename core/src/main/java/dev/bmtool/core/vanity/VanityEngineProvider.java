package dev.bmtool.core.vanity;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Service-provider interface through which modules outside core (the OpenCL engine) offer vanity
 * engines without core depending on them. Registered with
 * {@code META-INF/services/dev.bmtool.core.vanity.VanityEngineProvider}.
 */
public interface VanityEngineProvider {

    /** Engine family name used by {@code --engine}, e.g. {@code opencl}. */
    String kind();

    /**
     * Opens an engine, or returns null when the hardware or driver is missing (the reason goes to
     * {@code problems}); never throws for that.
     *
     * @param threads host threads the engine may use
     * @param auto true for {@code --engine auto}: offer only what beats the CPU engine (GPUs)
     */
    VanityEngine open(int threads, boolean auto, Consumer<String> problems);

    /** Providers found on the class path. */
    static List<VanityEngineProvider> installed() {
        List<VanityEngineProvider> out = new ArrayList<>();
        ServiceLoader.load(VanityEngineProvider.class).forEach(out::add);
        return out;
    }

    /**
     * Picks an engine: {@code cpu}, a provider's kind, or {@code auto} (the first accelerator that
     * opens, else the CPU).
     *
     * @throws IllegalArgumentException when the named engine is unknown or cannot open
     */
    static VanityEngine select(String kind, int threads, Consumer<String> problems) {
        if (kind.equals("cpu")) {
            return new CpuVanityEngine(threads);
        }
        List<String> why = new ArrayList<>();
        for (VanityEngineProvider p : installed()) {
            if (kind.equals("auto") || kind.equals(p.kind())) {
                VanityEngine e = p.open(threads, kind.equals("auto"), why::add);
                if (e != null) {
                    return e;
                }
            }
        }
        if (kind.equals("auto")) {
            why.forEach(problems);
            return new CpuVanityEngine(threads);
        }
        throw new IllegalArgumentException("vanity engine '" + kind + "' is not available"
                + (why.isEmpty() ? " (no provider installed)" : ": " + String.join("; ", why)));
    }
}
