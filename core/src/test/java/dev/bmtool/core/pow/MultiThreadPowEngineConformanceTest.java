package dev.bmtool.core.pow;

import java.util.List;

/** Two and three threads (more threads than cores is fine), over the scalar and the best engine. */
class MultiThreadPowEngineConformanceTest extends PowEngineConformanceTest {
    @Override
    protected List<PowEngine> engines() {
        return List.of(MultiThreadPowEngine.of(2, CpuEngines.bestFactory(), false),
                MultiThreadPowEngine.of(3, ScalarPowEngine::new, false));
    }
}
