package dev.bmtool.core.vanity;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * One thread's search step, exposed for benchmarks and custom drivers: a fixed signing key, a
 * walking encryption key, and the pattern test. {@link #batch()} tries {@link #BATCH} candidates.
 * Not thread-safe.
 */
public final class VanityKernel {
    /** Candidates per {@link #batch()} call. */
    public static final int BATCH = Walker.BATCH;

    private final VanityPattern pattern;
    private final SecureRandom random;
    private final Walker walker;
    private BigInteger signingKey;
    private final MatchSink sink;

    public VanityKernel(VanityPattern pattern, SecureRandom random) {
        this.pattern = pattern;
        this.random = random;
        this.signingKey = randomKey();
        this.walker = new Walker(randomKey());
        this.sink = new MatchSink(pattern, Curve.publicKey65(signingKey));
    }

    private BigInteger randomKey() {
        BigInteger k;
        do {
            k = new BigInteger(256, random);
        } while (k.signum() == 0 || k.compareTo(Curve.N) >= 0);
        return k;
    }

    /**
     * Tries the next batch of candidates.
     *
     * @return a verified match, or null when the batch had none (the walk then moved on by BATCH keys)
     */
    public VanityResult batch() {
        int r = walker.batch(sink);
        if (r == Walker.DEGENERATE) {
            walker.setCenter(randomKey());
            return null;
        }
        if (r == Walker.STOPPED) {
            sink.hit = false;
            VanityResult res = VanityVerifier.verify(Curve.scalarBytes(signingKey),
                    Curve.scalarBytes(walker.key(sink.hitOffset)), pattern, 0);
            // fresh keys for whatever comes next: results never share a signing key
            signingKey = randomKey();
            sink.useSigningKey(Curve.publicKey65(signingKey));
            walker.setCenter(randomKey());
            return res;
        }
        return null;
    }
}
