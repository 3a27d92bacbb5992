package dev.bmtool.core.pow;

/** Re-checks engine results against the plain reference. */
final class Verify {
    private Verify() {
    }

    /** Returns {@code r} when it is not a find or a correct one; else throws naming the engine. */
    static PowResult checked(String engine, PowJob job, PowResult r) {
        if (r.found()) {
            long actual = PowMath.trialValue(r.nonce(), job.initialHash());
            if (actual != r.trialValue() || Long.compareUnsigned(actual, job.target()) > 0) {
                throw new IllegalStateException("PoW engine " + engine + " returned a wrong result: nonce "
                        + Long.toUnsignedString(r.nonce()) + " claims trial value " + Long.toUnsignedString(r.trialValue())
                        + " but has " + Long.toUnsignedString(actual) + " (target "
                        + Long.toUnsignedString(job.target()) + ")");
            }
        }
        return r;
    }
}
