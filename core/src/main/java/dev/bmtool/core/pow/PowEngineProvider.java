package dev.bmtool.core.pow;

import java.util.List;

/**
 * Service-provider interface through which modules outside core (the OpenCL engine) offer
 * engines to the scheduler without core depending on them. Registered with
 * {@code META-INF/services/dev.bmtool.core.pow.PowEngineProvider}.
 */
public interface PowEngineProvider {

    /** Engine family name used by {@code --engine}, e.g. {@code opencl}. */
    String kind();

    /**
     * Opens every engine this provider can offer (one per device). Never throws for missing
     * drivers or hardware: returns an empty list and reports the reason through {@code problems}.
     */
    List<PowEngine> open(java.util.function.Consumer<String> problems);

    /**
     * Whether {@link #open} would offer an engine that does not compute on the host CPU (a GPU),
     * found cheaply (listing devices, no kernel build). The scheduler's {@code auto} mode asks
     * before opening engines only to batch small jobs. Default: true (open them and look).
     */
    default boolean offersAccelerators() {
        return true;
    }

    /** True for accelerator engines that should take large jobs (GPUs). */
    default boolean accelerated() {
        return true;
    }
}
