package dev.bmtool.core.pow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** The test JVM runs with the Vector API module (root pom test.jvm.args), so SIMD must be there. */
class SimdPowEngineConformanceTest extends PowEngineConformanceTest {
    @Override
    protected List<PowEngine> engines() {
        assertTrue(CpuEngines.simdAvailable(), () -> "SIMD unavailable: " + CpuEngines.simdProblem().orElse(""));
        return List.of(CpuEngines.simd());
    }
}
