package dev.bmtool.core.pow;

import java.util.List;

/** The MessageDigest baseline passes the same suite (with less work: it is slow). */
class ReferencePowEngineConformanceTest extends PowEngineConformanceTest {
    @Override
    protected List<PowEngine> engines() {
        return List.of(new ReferencePowEngine());
    }

    @Override
    protected int randomJobs() {
        return 4;
    }

    @Override
    protected long fullSearchLimit() {
        return 100_000;
    }
}
