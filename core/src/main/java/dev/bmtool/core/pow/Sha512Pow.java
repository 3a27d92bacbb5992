package dev.bmtool.core.pow;

import java.math.BigInteger;

/**
 * SHA-512 constants and the per-job precomputation shared by the CPU engines. A trial hashes
 * the 72-byte message {@code nonce || initialHash} (one 128-byte block: words 1..15 are fixed
 * per job) and then the 64-byte inner digest (one block whose words 8..15 are constant padding).
 */
final class Sha512Pow {
    private Sha512Pow() {
    }

    /** Round constants: first 64 bits of the fractional parts of the cube roots of the first 80 primes. */
    static final long[] K = new long[80];
    /** Initial hash value: the same for the square roots of the first 8 primes. */
    static final long[] IV = new long[8];

    static {
        int found = 0;
        for (int p = 2; found < 80; p++) {
            if (BigInteger.valueOf(p).isProbablePrime(30)) {
                K[found] = root(p, 3);
                if (found < 8) {
                    IV[found] = root(p, 2);
                }
                found++;
            }
        }
    }

    /** Low 64 bits of floor(p^(1/n) * 2^64), i.e. the first 64 fractional bits. */
    private static long root(int p, int n) {
        BigInteger x = BigInteger.valueOf(p).shiftLeft(64 * n);
        BigInteger lo = BigInteger.ZERO;
        BigInteger hi = BigInteger.ONE.shiftLeft(64 + 8);
        while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) { // largest r with r^n <= x
            BigInteger mid = lo.add(hi).shiftRight(1);
            if (mid.pow(n).compareTo(x) <= 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo.longValue();
    }

    /** Second padding word of block 1 (the 0x80 byte) and its length in bits (72 bytes). */
    static final long PAD = 0x8000000000000000L;
    static final long BLOCK1_BITS = 72 * 8;
    static final long BLOCK2_BITS = 64 * 8;

    static long s0(long x) {
        return Long.rotateRight(x, 1) ^ Long.rotateRight(x, 8) ^ (x >>> 7);
    }

    static long s1(long x) {
        return Long.rotateRight(x, 19) ^ Long.rotateRight(x, 61) ^ (x >>> 6);
    }

    /**
     * Block-1 precomputation for one job. {@code w} holds the block-1 schedule words that do not
     * depend on the nonce (1..15 and the fully constant 17, 19, 21); {@code c[t]} for t in 16..37
     * holds the sum of the nonce-independent terms of schedule word t, so the engines compute
     * only the nonce-dependent terms (the hand-written schedule in each engine must match the
     * dependency pattern checked by {@link #variableTerms}).
     */
    record Plan(long[] w, long[] c) {
        static Plan of(byte[] initialHash) {
            long[] w = new long[80];
            for (int i = 0; i < 8; i++) {
                long v = 0;
                for (int b = 0; b < 8; b++) {
                    v = (v << 8) | (initialHash[i * 8 + b] & 0xFF);
                }
                w[1 + i] = v;
            }
            w[9] = PAD;
            w[15] = BLOCK1_BITS;
            long[] c = new long[80];
            boolean[] konst = new boolean[80];
            for (int i = 1; i < 16; i++) {
                konst[i] = true;
            }
            for (int t = 16; t < 38; t++) {
                int[] idx = {t - 2, t - 7, t - 15, t - 16};
                long sum = 0;
                boolean all = true;
                for (int k = 0; k < 4; k++) {
                    if (konst[idx[k]]) {
                        long v = w[idx[k]];
                        sum += k == 0 ? s1(v) : k == 2 ? s0(v) : v;
                    } else {
                        all = false;
                    }
                }
                if (all) {
                    konst[t] = true;
                    w[t] = sum;
                } else {
                    c[t] = sum;
                }
            }
            return new Plan(w, c);
        }
    }

    /**
     * Which schedule terms of block-1 words 16..37 depend on the nonce, as the engines'
     * hand-written schedules assume: bit 3 = sigma1(w[t-2]), 2 = w[t-7], 1 = sigma0(w[t-15]),
     * 0 = w[t-16]; -1 = constant word. Used by a test to keep the code and this table honest.
     */
    static int[] variableTerms() {
        boolean[] konst = new boolean[80];
        for (int i = 1; i < 16; i++) {
            konst[i] = true;
        }
        int[] out = new int[38];
        for (int t = 16; t < 38; t++) {
            int[] idx = {t - 2, t - 7, t - 15, t - 16};
            int bits = 0;
            for (int k = 0; k < 4; k++) {
                if (!konst[idx[k]]) {
                    bits |= 8 >> k;
                }
            }
            if (bits == 0) {
                konst[t] = true;
                bits = -1;
            }
            out[t] = bits;
        }
        return out;
    }
}
