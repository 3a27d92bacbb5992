package dev.bmtool.core.pow;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * Every native implementation this CPU runs (avx512, avx2, generic), not only the best: each is
 * compiled from the same source with its own instruction set. The build compiles the library
 * wherever a C compiler is installed (.ci/run installs gcc), so it must be here.
 */
class NativePowEngineConformanceTest extends PowEngineConformanceTest {
    @Override
    protected List<PowEngine> engines() {
        assertTrue(CpuEngines.nativeAvailable(), () -> "native engine unavailable: " + CpuEngines.nativeProblem().orElse(""));
        List<String> impls = CpuEngines.nativeImplementations();
        assertFalse(impls.isEmpty());
        assertTrue(impls.contains("generic"), impls::toString);
        return impls.stream().map(CpuEngines::nativeEngine).toList();
    }
}
