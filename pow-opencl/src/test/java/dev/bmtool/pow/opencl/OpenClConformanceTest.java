package dev.bmtool.pow.opencl;

import dev.bmtool.core.pow.PowEngine;
import dev.bmtool.core.pow.PowEngineConformanceTest;
import java.util.ArrayList;
import java.util.List;

/** The shared engine conformance suite on every OpenCL device (pocl's CPU device in CI). */
class OpenClConformanceTest extends PowEngineConformanceTest {

    @Override
    protected List<PowEngine> engines() {
        List<String> problems = new ArrayList<>();
        List<PowEngine> engines = new OpenClEngineProvider(OpenClPlatforms::discover, PoclEngines.options())
                .open(problems::add);
        if (engines.isEmpty()) {
            throw new IllegalStateException("no OpenCL engine to test (install pocl): " + problems);
        }
        return engines;
    }
}
