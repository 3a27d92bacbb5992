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
    private final CandidateHasher hasher;
    private final BigInteger signingKey;
    private final Walker.Sink sink;
    private int hitOffset;

    public VanityKernel(VanityPattern pattern, SecureRandom random) {
        this.pattern = pattern;
        this.random = random;
        this.signingKey = randomKey();
        this.hasher = new CandidateHasher(Curve.publicKey65(signingKey));
        this.walker = new Walker(randomKey());
        this.sink = (x, y, offset) -> {
            CandidateHasher h = hasher;
            h.hash(x, y);
            if (pattern.quickReject(h.r0) || !pattern.matches(h.r0, h.r1, h.r2, h.r3, h.r4)) {
                return false;
            }
            hitOffset = offset;
            return true;
        };
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
            VanityResult res = VanityVerifier.verify(Curve.scalarBytes(signingKey),
                    Curve.scalarBytes(walker.key(hitOffset)), pattern, 0);
            // step past this batch so the next call goes on with fresh keys
            walker.setCenter(randomKey());
            return res;
        }
        return null;
    }
}
