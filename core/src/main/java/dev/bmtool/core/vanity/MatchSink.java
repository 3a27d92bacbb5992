package dev.bmtool.core.vanity;

/** Hashes the walker's candidates for one signing key and stops the batch at the first match. */
final class MatchSink implements Walker.Sink {
    private final VanityPattern pattern;
    private CandidateHasher hasher;
    int hitOffset;
    boolean hit;

    MatchSink(VanityPattern pattern, byte[] signingKey65) {
        this.pattern = pattern;
        useSigningKey(signingKey65);
    }

    void useSigningKey(byte[] signingKey65) {
        hasher = new CandidateHasher(signingKey65);
    }

    @Override
    public boolean accept(Fe x, Fe y, int offset) {
        CandidateHasher h = hasher;
        h.hash(x, y);
        if (pattern.quickReject(h.r0) || !pattern.matches(h.r0, h.r1, h.r2, h.r3, h.r4)) {
            return false;
        }
        hitOffset = offset;
        hit = true;
        return true;
    }

    @Override
    public boolean accept2(Fe xa, Fe ya, int offsetA, Fe xb, Fe yb, int offsetB) {
        CandidateHasher h = hasher;
        h.hash2(xa, ya, xb, yb);
        if (!pattern.quickReject(h.r0) && pattern.matches(h.r0, h.r1, h.r2, h.r3, h.r4)) {
            hitOffset = offsetA;
            hit = true;
            return true;
        }
        if (!pattern.quickReject(h.u0) && pattern.matches(h.u0, h.u1, h.u2, h.u3, h.u4)) {
            hitOffset = offsetB;
            hit = true;
            return true;
        }
        return false;
    }
}
