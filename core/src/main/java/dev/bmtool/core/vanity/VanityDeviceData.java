package dev.bmtool.core.vanity;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * What an accelerator engine needs from the CPU side, as plain limb arrays (each field element is
 * four little-endian 64-bit limbs, a point is x then y): start points, the step table, the
 * signing-key part of SHA-512, and the prefix ranges. Built with Bouncy Castle, off the hot path.
 */
public final class VanityDeviceData {
    private VanityDeviceData() {
    }

    /** secp256k1 group order. */
    public static BigInteger order() {
        return Curve.N;
    }

    /** k*G as 8 limbs, or null for the point at infinity (k = 0 mod n). */
    public static long[] point(BigInteger k) {
        ECPoint p = Curve.multiply(k);
        if (p.isInfinity()) {
            return null;
        }
        long[] out = new long[8];
        put(out, 0, Curve.x(p));
        put(out, 4, Curve.y(p));
        return out;
    }

    /** i*G for i = 1..half, then (2*half+1)*G: (half+1) points of 8 limbs. */
    public static long[] stepTable(int half) {
        long[] out = new long[8 * (half + 1)];
        ECPoint q = Curve.G;
        for (int i = 0; i < half; i++) {
            ECPoint n = q.normalize();
            put(out, 8 * i, Curve.x(n));
            put(out, 8 * i + 4, Curve.y(n));
            q = n.add(Curve.G);
        }
        ECPoint j = Curve.multiply(BigInteger.valueOf(2L * half + 1));
        put(out, 8 * half, Curve.x(j));
        put(out, 8 * half + 4, Curve.y(j));
        return out;
    }

    /**
     * 17 words for a signing key: the SHA-512 state after rounds 0..7 of block 1 (8), the fixed
     * message words 0..7 (8), and the top 16 bits of word 8 (the key's last byte, then 04).
     */
    public static long[] signingPrecompute(byte[] signingKey65) {
        return new CandidateHasher(signingKey65).precomputed();
    }

    /** Uncompressed public key (04 || X || Y) of k*G. */
    public static byte[] publicKey65(BigInteger k) {
        return Curve.publicKey65(k);
    }

    /**
     * The pattern's ranges for its own ripe length (20 - zeroBytes), 6 words each: low a, b, c and
     * high a, b, c, where a = ripe bits 159..96, b = 95..32, c = 31..0. Ends are inclusive and
     * ignore the checksum, so a device test on them may over-report; never under-report. Empty
     * when the pattern has no text.
     */
    public static long[] ranges(VanityPattern pattern) {
        return pattern.primaryRanges();
    }

    private static void put(long[] out, int off, Fe f) {
        out[off] = f.v0;
        out[off + 1] = f.v1;
        out[off + 2] = f.v2;
        out[off + 3] = f.v3;
    }
}
