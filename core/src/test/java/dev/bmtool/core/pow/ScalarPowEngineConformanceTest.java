package dev.bmtool.core.pow;

import java.util.List;

class ScalarPowEngineConformanceTest extends PowEngineConformanceTest {
    @Override
    protected List<PowEngine> engines() {
        return List.of(new ScalarPowEngine());
    }
}
