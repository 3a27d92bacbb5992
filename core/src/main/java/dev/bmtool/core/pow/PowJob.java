package dev.bmtool.core.pow;

import java.util.Arrays;
import java.util.HexFormat;

/** One proof-of-work job: the 64-byte initial hash and the unsigned 64-bit target. */
public final class PowJob {
    private final byte[] initialHash;
    private final long target;

    public PowJob(byte[] initialHash, long target) {
        if (initialHash.length != 64) {
            throw new IllegalArgumentException("initial hash must be 64 bytes, got " + initialHash.length);
        }
        this.initialHash = initialHash.clone();
        this.target = target;
    }

    public byte[] initialHash() {
        return initialHash.clone();
    }

    /** Unsigned 64-bit target: a nonce is valid iff {@code compareUnsigned(trial, target) <= 0}. */
    public long target() {
        return target;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PowJob j && j.target == target && Arrays.equals(j.initialHash, initialHash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(initialHash) * 31 + Long.hashCode(target);
    }

    @Override
    public String toString() {
        return "PowJob[initialHash=" + HexFormat.of().formatHex(initialHash) + ", target="
                + Long.toUnsignedString(target) + "]";
    }
}
