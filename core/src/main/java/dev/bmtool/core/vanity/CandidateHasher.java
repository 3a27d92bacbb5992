package dev.bmtool.core.vanity;

/**
 * ripemd160(sha512(signingKey65 || 04 || X || Y)) for one fixed signing key, specialised to that layout.
 *
 * <p>The 130-byte input fills SHA-512 block 1 with the 65 fixed signing-key bytes (words 0..7 and
 * the top byte of word 8), so the state after rounds 0..7 is computed once per signing key; block 2
 * holds the last two bytes of Y and constant padding. RIPEMD-160 hashes the 64-byte digest: one
 * data block and one constant padding block whose message words are folded into the round
 * constants. Words come straight from the field limbs: no byte arrays, no allocation.
 *
 * <p>RIPEMD-160 is unrolled (its message order and rotations differ per step); SHA-512 runs as a
 * loop of eight unrolled rounds, which measured faster on HotSpot than full unrolling (the JIT
 * does not compile methods over 8000 bytecodes, and long straight-line chunks spilled registers).
 * The round code was generated from the FIPS 180-4 and RIPEMD-160 tables; tests check it against
 * the JDK and Bouncy Castle digests.
 *
 * <p>Not thread-safe: one instance per search thread.
 */
final class CandidateHasher {
    /** Block-1 message schedule; words 0..7 (the signing key) are fixed. */
    private final long[] w1 = new long[80];
    /** Block-2 message schedule: the last two bytes of Y, then constant padding. */
    private final long[] w2 = new long[80];
    /** The RIPEMD-160 message: the SHA-512 digest as little-endian words. */
    private final int[] x = new int[16];
    /** Top 16 bits of block-1 word 8: last signing-key byte, then the 04 of the encryption key. */
    private final long w8Tag;
    /** SHA-512 state after rounds 0..7 of block 1, which see only signing-key words. */
    private final long[] s8 = new long[8];
    /** Working state of the split round functions. */
    private long sa;
    private long sb;
    private long sc;
    private long sd;
    private long se;
    private long sf;
    private long sg;
    private long sh;
    private int k0;
    private int k1;
    private int k2;
    private int k3;
    private int k4;
    private int laneL0;
    private int laneL1;
    private int laneL2;
    private int laneL3;
    private int laneL4;
    private int laneR0;
    private int laneR1;
    private int laneR2;
    private int laneR3;
    private int laneR4;

    /** SHA-512 digest of the last candidate (big-endian words). */
    long h0;
    long h1;
    long h2;
    long h3;
    long h4;
    long h5;
    long h6;
    long h7;
    /** RIPEMD-160 of the last candidate: five little-endian words (ripe byte 0 is r0 & 0xff). */
    int r0;
    int r1;
    int r2;
    int r3;
    int r4;

    /** @param signingKey65 the uncompressed signing public key, 04 || X || Y */
    CandidateHasher(byte[] signingKey65) {
        if (signingKey65.length != 65 || signingKey65[0] != 4) {
            throw new IllegalArgumentException("signing key must be 65 bytes starting with 04");
        }
        for (int i = 0; i < 8; i++) {
            long v = 0;
            for (int j = 0; j < 8; j++) {
                v = (v << 8) | (signingKey65[8 * i + j] & 0xFFL);
            }
            w1[i] = v;
        }
        w8Tag = ((signingKey65[64] & 0xFFL) << 56) | (0x04L << 48);
        w2[15] = 130 * 8;
        long[] s = IV.clone();
        for (int t = 0; t < 8; t++) {
            long a = s[0];
            long b = s[1];
            long c = s[2];
            long d = s[3];
            long e = s[4];
            long f = s[5];
            long g = s[6];
            long h = s[7];
            long t1 = h + (Long.rotateRight(e, 14) ^ Long.rotateRight(e, 18) ^ Long.rotateRight(e, 41))
                    + ((e & f) ^ (~e & g)) + K[t] + w1[t];
            long t2 = (Long.rotateRight(a, 28) ^ Long.rotateRight(a, 34) ^ Long.rotateRight(a, 39))
                    + ((a & b) ^ (a & c) ^ (b & c));
            s[7] = g;
            s[6] = f;
            s[5] = e;
            s[4] = d + t1;
            s[3] = c;
            s[2] = b;
            s[1] = a;
            s[0] = t1 + t2;
        }
        System.arraycopy(s, 0, s8, 0, 8);
    }

    /** Hashes the candidate encryption key (x, y), both normalized; result in r0..r4 (and h0..h7). */
    void hash(Fe x, Fe y) {
        final long x3 = x.v3;
        final long x2 = x.v2;
        final long x1 = x.v1;
        final long x0 = x.v0;
        final long y3 = y.v3;
        final long y2 = y.v2;
        final long y1 = y.v1;
        final long y0 = y.v0;
        final long[] w = w1;
        w[8] = w8Tag | (x3 >>> 16);
        w[9] = (x3 << 48) | (x2 >>> 16);
        w[10] = (x2 << 48) | (x1 >>> 16);
        w[11] = (x1 << 48) | (x0 >>> 16);
        w[12] = (x0 << 48) | (y3 >>> 16);
        w[13] = (y3 << 48) | (y2 >>> 16);
        w[14] = (y2 << 48) | (y1 >>> 16);
        w[15] = (y1 << 48) | (y0 >>> 16);
        expand(w);
        final long[] s = s8;
        sa = s[0];
        sb = s[1];
        sc = s[2];
        sd = s[3];
        se = s[4];
        sf = s[5];
        sg = s[6];
        sh = s[7];
        b1rounds();
        final long m0 = sa + IV0;
        final long m1 = sb + IV1;
        final long m2 = sc + IV2;
        final long m3 = sd + IV3;
        final long m4 = se + IV4;
        final long m5 = sf + IV5;
        final long m6 = sg + IV6;
        final long m7 = sh + IV7;
        // block 2: bytes 128..129 are Y's last two, then 0x80, zeros and the bit length 1040
        w2[0] = (y0 << 48) | 0x0000_8000_0000_0000L;
        expand(w2);
        sa = m0;
        sb = m1;
        sc = m2;
        sd = m3;
        se = m4;
        sf = m5;
        sg = m6;
        sh = m7;
        b2rounds();
        h0 = m0 + sa;
        h1 = m1 + sb;
        h2 = m2 + sc;
        h3 = m3 + sd;
        h4 = m4 + se;
        h5 = m5 + sf;
        h6 = m6 + sg;
        h7 = m7 + sh;
        ripemd160();
    }

    private static void expand(long[] w) {
        for (int t = 16; t < 80; t++) {
            long a = w[t - 2];
            long b = w[t - 15];
            w[t] = (Long.rotateRight(a, 19) ^ Long.rotateRight(a, 61) ^ (a >>> 6)) + w[t - 7]
                    + (Long.rotateRight(b, 1) ^ Long.rotateRight(b, 8) ^ (b >>> 7)) + w[t - 16];
        }
    }

    /** RIPEMD-160 of the 64-byte SHA-512 digest held in h0..h7: one data block, one fixed padding block. */
    private void ripemd160() {
        final int[] x = this.x;
        x[0] = Integer.reverseBytes((int) (h0 >>> 32));
        x[1] = Integer.reverseBytes((int) h0);
        x[2] = Integer.reverseBytes((int) (h1 >>> 32));
        x[3] = Integer.reverseBytes((int) h1);
        x[4] = Integer.reverseBytes((int) (h2 >>> 32));
        x[5] = Integer.reverseBytes((int) h2);
        x[6] = Integer.reverseBytes((int) (h3 >>> 32));
        x[7] = Integer.reverseBytes((int) h3);
        x[8] = Integer.reverseBytes((int) (h4 >>> 32));
        x[9] = Integer.reverseBytes((int) h4);
        x[10] = Integer.reverseBytes((int) (h5 >>> 32));
        x[11] = Integer.reverseBytes((int) h5);
        x[12] = Integer.reverseBytes((int) (h6 >>> 32));
        x[13] = Integer.reverseBytes((int) h6);
        x[14] = Integer.reverseBytes((int) (h7 >>> 32));
        x[15] = Integer.reverseBytes((int) h7);
        k0 = 0x67452301;
        k1 = 0xefcdab89;
        k2 = 0x98badcfe;
        k3 = 0x10325476;
        k4 = 0xc3d2e1f0;
        rmdDataL();
        rmdDataR();
        combine();
        rmdPadL();
        rmdPadR();
        combine();
        r0 = k0;
        r1 = k1;
        r2 = k2;
        r3 = k3;
        r4 = k4;
    }

    private void combine() {
        final int t = k1 + laneL2 + laneR3;
        k1 = k2 + laneL3 + laneR4;
        k2 = k3 + laneL4 + laneR0;
        k3 = k4 + laneL0 + laneR1;
        k4 = k0 + laneL1 + laneR2;
        k0 = t;
    }

    /** s8[0..7], fixed words 0..7, word-8 tag: what a device kernel needs (see VanityDeviceData). */
    long[] precomputed() {
        long[] out = new long[17];
        System.arraycopy(s8, 0, out, 0, 8);
        System.arraycopy(w1, 0, out, 8, 8);
        out[16] = w8Tag;
        return out;
    }

    /** Runs only the RIPEMD-160 part on a given 64-byte message (tests). */
    void ripemd160Of(long[] digest8) {
        h0 = digest8[0];
        h1 = digest8[1];
        h2 = digest8[2];
        h3 = digest8[3];
        h4 = digest8[4];
        h5 = digest8[5];
        h6 = digest8[6];
        h7 = digest8[7];
        ripemd160();
    }

    /** The 20-byte ripe of the last candidate. */
    byte[] ripe() {
        byte[] out = new byte[20];
        int[] r = {r0, r1, r2, r3, r4};
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                out[4 * i + j] = (byte) (r[i] >>> (8 * j));
            }
        }
        return out;
    }

    /** The 64-byte SHA-512 digest of the last candidate. */
    byte[] sha512Digest() {
        byte[] out = new byte[64];
        long[] h = {h0, h1, h2, h3, h4, h5, h6, h7};
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                out[8 * i + j] = (byte) (h[i] >>> (56 - 8 * j));
            }
        }
        return out;
    }

    /** Block 1 rounds 8..79 (rounds 0..7 see only the signing key and are precomputed). */
    private void b1rounds() {
        long a = sa, b = sb, c = sc, d = sd, e = se, f = sf, g = sg, h = sh;
        final long[] w = w1;
        final long[] k = K;
        for (int t = 8; t < 80; t += 8) {
            h += (Long.rotateRight(e, 14) ^ Long.rotateRight(e, 18) ^ Long.rotateRight(e, 41)) + ((e & f) ^ (~e & g)) + k[t] + w[t];
            d += h;
            h += (Long.rotateRight(a, 28) ^ Long.rotateRight(a, 34) ^ Long.rotateRight(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
            g += (Long.rotateRight(d, 14) ^ Long.rotateRight(d, 18) ^ Long.rotateRight(d, 41)) + ((d & e) ^ (~d & f)) + k[t + 1] + w[t + 1];
            c += g;
            g += (Long.rotateRight(h, 28) ^ Long.rotateRight(h, 34) ^ Long.rotateRight(h, 39)) + ((h & a) ^ (h & b) ^ (a & b));
            f += (Long.rotateRight(c, 14) ^ Long.rotateRight(c, 18) ^ Long.rotateRight(c, 41)) + ((c & d) ^ (~c & e)) + k[t + 2] + w[t + 2];
            b += f;
            f += (Long.rotateRight(g, 28) ^ Long.rotateRight(g, 34) ^ Long.rotateRight(g, 39)) + ((g & h) ^ (g & a) ^ (h & a));
            e += (Long.rotateRight(b, 14) ^ Long.rotateRight(b, 18) ^ Long.rotateRight(b, 41)) + ((b & c) ^ (~b & d)) + k[t + 3] + w[t + 3];
            a += e;
            e += (Long.rotateRight(f, 28) ^ Long.rotateRight(f, 34) ^ Long.rotateRight(f, 39)) + ((f & g) ^ (f & h) ^ (g & h));
            d += (Long.rotateRight(a, 14) ^ Long.rotateRight(a, 18) ^ Long.rotateRight(a, 41)) + ((a & b) ^ (~a & c)) + k[t + 4] + w[t + 4];
            h += d;
            d += (Long.rotateRight(e, 28) ^ Long.rotateRight(e, 34) ^ Long.rotateRight(e, 39)) + ((e & f) ^ (e & g) ^ (f & g));
            c += (Long.rotateRight(h, 14) ^ Long.rotateRight(h, 18) ^ Long.rotateRight(h, 41)) + ((h & a) ^ (~h & b)) + k[t + 5] + w[t + 5];
            g += c;
            c += (Long.rotateRight(d, 28) ^ Long.rotateRight(d, 34) ^ Long.rotateRight(d, 39)) + ((d & e) ^ (d & f) ^ (e & f));
            b += (Long.rotateRight(g, 14) ^ Long.rotateRight(g, 18) ^ Long.rotateRight(g, 41)) + ((g & h) ^ (~g & a)) + k[t + 6] + w[t + 6];
            f += b;
            b += (Long.rotateRight(c, 28) ^ Long.rotateRight(c, 34) ^ Long.rotateRight(c, 39)) + ((c & d) ^ (c & e) ^ (d & e));
            a += (Long.rotateRight(f, 14) ^ Long.rotateRight(f, 18) ^ Long.rotateRight(f, 41)) + ((f & g) ^ (~f & h)) + k[t + 7] + w[t + 7];
            e += a;
            a += (Long.rotateRight(b, 28) ^ Long.rotateRight(b, 34) ^ Long.rotateRight(b, 39)) + ((b & c) ^ (b & d) ^ (c & d));
        }
        sa = a;
        sb = b;
        sc = c;
        sd = d;
        se = e;
        sf = f;
        sg = g;
        sh = h;
    }

    /** Block 2 rounds 0..79. */
    private void b2rounds() {
        long a = sa, b = sb, c = sc, d = sd, e = se, f = sf, g = sg, h = sh;
        final long[] w = w2;
        final long[] k = K;
        for (int t = 0; t < 80; t += 8) {
            h += (Long.rotateRight(e, 14) ^ Long.rotateRight(e, 18) ^ Long.rotateRight(e, 41)) + ((e & f) ^ (~e & g)) + k[t] + w[t];
            d += h;
            h += (Long.rotateRight(a, 28) ^ Long.rotateRight(a, 34) ^ Long.rotateRight(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
            g += (Long.rotateRight(d, 14) ^ Long.rotateRight(d, 18) ^ Long.rotateRight(d, 41)) + ((d & e) ^ (~d & f)) + k[t + 1] + w[t + 1];
            c += g;
            g += (Long.rotateRight(h, 28) ^ Long.rotateRight(h, 34) ^ Long.rotateRight(h, 39)) + ((h & a) ^ (h & b) ^ (a & b));
            f += (Long.rotateRight(c, 14) ^ Long.rotateRight(c, 18) ^ Long.rotateRight(c, 41)) + ((c & d) ^ (~c & e)) + k[t + 2] + w[t + 2];
            b += f;
            f += (Long.rotateRight(g, 28) ^ Long.rotateRight(g, 34) ^ Long.rotateRight(g, 39)) + ((g & h) ^ (g & a) ^ (h & a));
            e += (Long.rotateRight(b, 14) ^ Long.rotateRight(b, 18) ^ Long.rotateRight(b, 41)) + ((b & c) ^ (~b & d)) + k[t + 3] + w[t + 3];
            a += e;
            e += (Long.rotateRight(f, 28) ^ Long.rotateRight(f, 34) ^ Long.rotateRight(f, 39)) + ((f & g) ^ (f & h) ^ (g & h));
            d += (Long.rotateRight(a, 14) ^ Long.rotateRight(a, 18) ^ Long.rotateRight(a, 41)) + ((a & b) ^ (~a & c)) + k[t + 4] + w[t + 4];
            h += d;
            d += (Long.rotateRight(e, 28) ^ Long.rotateRight(e, 34) ^ Long.rotateRight(e, 39)) + ((e & f) ^ (e & g) ^ (f & g));
            c += (Long.rotateRight(h, 14) ^ Long.rotateRight(h, 18) ^ Long.rotateRight(h, 41)) + ((h & a) ^ (~h & b)) + k[t + 5] + w[t + 5];
            g += c;
            c += (Long.rotateRight(d, 28) ^ Long.rotateRight(d, 34) ^ Long.rotateRight(d, 39)) + ((d & e) ^ (d & f) ^ (e & f));
            b += (Long.rotateRight(g, 14) ^ Long.rotateRight(g, 18) ^ Long.rotateRight(g, 41)) + ((g & h) ^ (~g & a)) + k[t + 6] + w[t + 6];
            f += b;
            b += (Long.rotateRight(c, 28) ^ Long.rotateRight(c, 34) ^ Long.rotateRight(c, 39)) + ((c & d) ^ (c & e) ^ (d & e));
            a += (Long.rotateRight(f, 14) ^ Long.rotateRight(f, 18) ^ Long.rotateRight(f, 41)) + ((f & g) ^ (~f & h)) + k[t + 7] + w[t + 7];
            e += a;
            a += (Long.rotateRight(b, 28) ^ Long.rotateRight(b, 34) ^ Long.rotateRight(b, 39)) + ((b & c) ^ (b & d) ^ (c & d));
        }
        sa = a;
        sb = b;
        sc = c;
        sd = d;
        se = e;
        sf = f;
        sg = g;
        sh = h;
    }

    /** RIPEMD-160 left line, data block. */
    private void rmdDataL() {
        final int[] x = this.x;
        int a = k0, b = k1, c = k2, d = k3, e = k4;
        a = Integer.rotateLeft(a + (b ^ c ^ d) + x[0], 11) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ b ^ c) + x[1], 14) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ a ^ b) + x[2], 15) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ e ^ a) + x[3], 12) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e) + x[4], 5) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ c ^ d) + x[5], 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ b ^ c) + x[6], 7) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ a ^ b) + x[7], 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ e ^ a) + x[8], 11) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e) + x[9], 13) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ c ^ d) + x[10], 14) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ b ^ c) + x[11], 15) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ a ^ b) + x[12], 6) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ e ^ a) + x[13], 7) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e) + x[14], 9) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ c ^ d) + x[15], 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + x[7] + 0x5a827999, 7) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & a) | (~e & b)) + x[4] + 0x5a827999, 6) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + x[13] + 0x5a827999, 8) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & d) | (~c & e)) + x[1] + 0x5a827999, 13) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + x[10] + 0x5a827999, 11) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + x[6] + 0x5a827999, 9) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & a) | (~e & b)) + x[15] + 0x5a827999, 7) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + x[3] + 0x5a827999, 15) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & d) | (~c & e)) + x[12] + 0x5a827999, 7) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + x[0] + 0x5a827999, 12) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + x[9] + 0x5a827999, 15) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & a) | (~e & b)) + x[5] + 0x5a827999, 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + x[2] + 0x5a827999, 11) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & d) | (~c & e)) + x[14] + 0x5a827999, 7) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + x[11] + 0x5a827999, 13) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + x[8] + 0x5a827999, 12) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + x[3] + 0x6ed9eba1, 11) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d | ~e) ^ a) + x[10] + 0x6ed9eba1, 13) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c | ~d) ^ e) + x[14] + 0x6ed9eba1, 6) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b | ~c) ^ d) + x[4] + 0x6ed9eba1, 7) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a | ~b) ^ c) + x[9] + 0x6ed9eba1, 14) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + x[15] + 0x6ed9eba1, 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d | ~e) ^ a) + x[8] + 0x6ed9eba1, 13) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c | ~d) ^ e) + x[1] + 0x6ed9eba1, 15) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b | ~c) ^ d) + x[2] + 0x6ed9eba1, 14) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a | ~b) ^ c) + x[7] + 0x6ed9eba1, 8) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + x[0] + 0x6ed9eba1, 13) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d | ~e) ^ a) + x[6] + 0x6ed9eba1, 6) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c | ~d) ^ e) + x[13] + 0x6ed9eba1, 5) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b | ~c) ^ d) + x[11] + 0x6ed9eba1, 12) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a | ~b) ^ c) + x[5] + 0x6ed9eba1, 7) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + x[12] + 0x6ed9eba1, 5) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + x[1] + 0x8f1bbcdc, 11) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & e) | (d & ~e)) + x[9] + 0x8f1bbcdc, 12) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & d) | (c & ~d)) + x[11] + 0x8f1bbcdc, 14) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + x[10] + 0x8f1bbcdc, 15) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & b) | (a & ~b)) + x[0] + 0x8f1bbcdc, 14) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + x[8] + 0x8f1bbcdc, 15) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & e) | (d & ~e)) + x[12] + 0x8f1bbcdc, 9) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & d) | (c & ~d)) + x[4] + 0x8f1bbcdc, 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + x[13] + 0x8f1bbcdc, 9) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & b) | (a & ~b)) + x[3] + 0x8f1bbcdc, 14) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + x[7] + 0x8f1bbcdc, 5) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & e) | (d & ~e)) + x[15] + 0x8f1bbcdc, 6) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & d) | (c & ~d)) + x[14] + 0x8f1bbcdc, 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + x[5] + 0x8f1bbcdc, 6) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & b) | (a & ~b)) + x[6] + 0x8f1bbcdc, 5) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + x[2] + 0x8f1bbcdc, 12) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + x[4] + 0xa953fd4e, 9) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + x[0] + 0xa953fd4e, 15) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ (b | ~c)) + x[5] + 0xa953fd4e, 5) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ (a | ~b)) + x[9] + 0xa953fd4e, 11) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ (e | ~a)) + x[7] + 0xa953fd4e, 6) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + x[12] + 0xa953fd4e, 8) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + x[2] + 0xa953fd4e, 13) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ (b | ~c)) + x[10] + 0xa953fd4e, 12) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ (a | ~b)) + x[14] + 0xa953fd4e, 5) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ (e | ~a)) + x[1] + 0xa953fd4e, 12) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + x[3] + 0xa953fd4e, 13) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + x[8] + 0xa953fd4e, 14) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ (b | ~c)) + x[11] + 0xa953fd4e, 11) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ (a | ~b)) + x[6] + 0xa953fd4e, 8) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ (e | ~a)) + x[15] + 0xa953fd4e, 5) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + x[13] + 0xa953fd4e, 6) + a; d = Integer.rotateLeft(d, 10);
        laneL0 = a;
        laneL1 = b;
        laneL2 = c;
        laneL3 = d;
        laneL4 = e;
    }

    /** RIPEMD-160 right line, data block. */
    private void rmdDataR() {
        final int[] x = this.x;
        int a = k0, b = k1, c = k2, d = k3, e = k4;
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + x[5] + 0x50a28be6, 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ (b | ~c)) + x[14] + 0x50a28be6, 9) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ (a | ~b)) + x[7] + 0x50a28be6, 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ (e | ~a)) + x[0] + 0x50a28be6, 11) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + x[9] + 0x50a28be6, 13) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + x[2] + 0x50a28be6, 15) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ (b | ~c)) + x[11] + 0x50a28be6, 15) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ (a | ~b)) + x[4] + 0x50a28be6, 5) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ (e | ~a)) + x[13] + 0x50a28be6, 7) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + x[6] + 0x50a28be6, 7) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + x[15] + 0x50a28be6, 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ (b | ~c)) + x[8] + 0x50a28be6, 11) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ (a | ~b)) + x[1] + 0x50a28be6, 14) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ (e | ~a)) + x[10] + 0x50a28be6, 14) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + x[3] + 0x50a28be6, 12) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + x[12] + 0x50a28be6, 6) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + x[6] + 0x5c4dd124, 9) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & b) | (a & ~b)) + x[11] + 0x5c4dd124, 13) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + x[3] + 0x5c4dd124, 15) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & e) | (d & ~e)) + x[7] + 0x5c4dd124, 7) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & d) | (c & ~d)) + x[0] + 0x5c4dd124, 12) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + x[13] + 0x5c4dd124, 8) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & b) | (a & ~b)) + x[5] + 0x5c4dd124, 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + x[10] + 0x5c4dd124, 11) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & e) | (d & ~e)) + x[14] + 0x5c4dd124, 7) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & d) | (c & ~d)) + x[15] + 0x5c4dd124, 7) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + x[8] + 0x5c4dd124, 12) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & b) | (a & ~b)) + x[12] + 0x5c4dd124, 7) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + x[4] + 0x5c4dd124, 6) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & e) | (d & ~e)) + x[9] + 0x5c4dd124, 15) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & d) | (c & ~d)) + x[1] + 0x5c4dd124, 13) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + x[2] + 0x5c4dd124, 11) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + x[15] + 0x6d703ef3, 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d | ~e) ^ a) + x[5] + 0x6d703ef3, 7) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c | ~d) ^ e) + x[1] + 0x6d703ef3, 15) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b | ~c) ^ d) + x[3] + 0x6d703ef3, 11) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a | ~b) ^ c) + x[7] + 0x6d703ef3, 8) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + x[14] + 0x6d703ef3, 6) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d | ~e) ^ a) + x[6] + 0x6d703ef3, 6) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c | ~d) ^ e) + x[9] + 0x6d703ef3, 14) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b | ~c) ^ d) + x[11] + 0x6d703ef3, 12) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a | ~b) ^ c) + x[8] + 0x6d703ef3, 13) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + x[12] + 0x6d703ef3, 5) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d | ~e) ^ a) + x[2] + 0x6d703ef3, 14) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c | ~d) ^ e) + x[10] + 0x6d703ef3, 13) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b | ~c) ^ d) + x[0] + 0x6d703ef3, 13) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a | ~b) ^ c) + x[4] + 0x6d703ef3, 7) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + x[13] + 0x6d703ef3, 5) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + x[8] + 0x7a6d76e9, 15) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & d) | (~c & e)) + x[6] + 0x7a6d76e9, 5) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + x[4] + 0x7a6d76e9, 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + x[1] + 0x7a6d76e9, 11) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & a) | (~e & b)) + x[3] + 0x7a6d76e9, 14) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + x[11] + 0x7a6d76e9, 14) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & d) | (~c & e)) + x[15] + 0x7a6d76e9, 6) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + x[0] + 0x7a6d76e9, 14) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + x[5] + 0x7a6d76e9, 6) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & a) | (~e & b)) + x[12] + 0x7a6d76e9, 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + x[2] + 0x7a6d76e9, 12) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & d) | (~c & e)) + x[13] + 0x7a6d76e9, 9) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + x[9] + 0x7a6d76e9, 12) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + x[7] + 0x7a6d76e9, 5) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & a) | (~e & b)) + x[10] + 0x7a6d76e9, 15) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + x[14] + 0x7a6d76e9, 8) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e) + x[12], 8) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ c ^ d) + x[15], 5) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ b ^ c) + x[10], 12) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ a ^ b) + x[4], 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ e ^ a) + x[1], 12) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e) + x[5], 5) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ c ^ d) + x[8], 14) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ b ^ c) + x[7], 6) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ a ^ b) + x[6], 8) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ e ^ a) + x[2], 13) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e) + x[13], 6) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ c ^ d) + x[14], 5) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ b ^ c) + x[0], 15) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ a ^ b) + x[3], 13) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ e ^ a) + x[9], 11) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e) + x[11], 11) + a; d = Integer.rotateLeft(d, 10);
        laneR0 = a;
        laneR1 = b;
        laneR2 = c;
        laneR3 = d;
        laneR4 = e;
    }

    /** RIPEMD-160 left line, pad block. */
    private void rmdPadL() {
        int a = k0, b = k1, c = k2, d = k3, e = k4;
        a = Integer.rotateLeft(a + (b ^ c ^ d) + 0x80, 11) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ b ^ c), 14) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ a ^ b), 15) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ e ^ a), 12) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e), 5) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ c ^ d), 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ b ^ c), 7) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ a ^ b), 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ e ^ a), 11) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e), 13) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ c ^ d), 14) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ b ^ c), 15) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ a ^ b), 6) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ e ^ a), 7) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e) + 0x200, 9) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ c ^ d), 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + 0x5a827999, 7) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & a) | (~e & b)) + 0x5a827999, 6) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + 0x5a827999, 8) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & d) | (~c & e)) + 0x5a827999, 13) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + 0x5a827999, 11) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + 0x5a827999, 9) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & a) | (~e & b)) + 0x5a827999, 7) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + 0x5a827999, 15) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & d) | (~c & e)) + 0x5a827999, 7) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + 0x5a827a19, 12) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + 0x5a827999, 15) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & a) | (~e & b)) + 0x5a827999, 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + 0x5a827999, 11) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & d) | (~c & e)) + 0x5a827b99, 7) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + 0x5a827999, 13) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + 0x5a827999, 12) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + 0x6ed9eba1, 11) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d | ~e) ^ a) + 0x6ed9eba1, 13) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c | ~d) ^ e) + 0x6ed9eda1, 6) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b | ~c) ^ d) + 0x6ed9eba1, 7) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a | ~b) ^ c) + 0x6ed9eba1, 14) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + 0x6ed9eba1, 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d | ~e) ^ a) + 0x6ed9eba1, 13) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c | ~d) ^ e) + 0x6ed9eba1, 15) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b | ~c) ^ d) + 0x6ed9eba1, 14) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a | ~b) ^ c) + 0x6ed9eba1, 8) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + 0x6ed9ec21, 13) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d | ~e) ^ a) + 0x6ed9eba1, 6) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c | ~d) ^ e) + 0x6ed9eba1, 5) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b | ~c) ^ d) + 0x6ed9eba1, 12) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a | ~b) ^ c) + 0x6ed9eba1, 7) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + 0x6ed9eba1, 5) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + 0x8f1bbcdc, 11) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & e) | (d & ~e)) + 0x8f1bbcdc, 12) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & d) | (c & ~d)) + 0x8f1bbcdc, 14) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + 0x8f1bbcdc, 15) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & b) | (a & ~b)) + 0x8f1bbd5c, 14) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + 0x8f1bbcdc, 15) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & e) | (d & ~e)) + 0x8f1bbcdc, 9) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & d) | (c & ~d)) + 0x8f1bbcdc, 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + 0x8f1bbcdc, 9) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & b) | (a & ~b)) + 0x8f1bbcdc, 14) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + 0x8f1bbcdc, 5) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & e) | (d & ~e)) + 0x8f1bbcdc, 6) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & d) | (c & ~d)) + 0x8f1bbedc, 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + 0x8f1bbcdc, 6) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & b) | (a & ~b)) + 0x8f1bbcdc, 5) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + 0x8f1bbcdc, 12) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + 0xa953fd4e, 9) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + 0xa953fdce, 15) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ (b | ~c)) + 0xa953fd4e, 5) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ (a | ~b)) + 0xa953fd4e, 11) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ (e | ~a)) + 0xa953fd4e, 6) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + 0xa953fd4e, 8) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + 0xa953fd4e, 13) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ (b | ~c)) + 0xa953fd4e, 12) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ (a | ~b)) + 0xa953ff4e, 5) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ (e | ~a)) + 0xa953fd4e, 12) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + 0xa953fd4e, 13) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + 0xa953fd4e, 14) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ (b | ~c)) + 0xa953fd4e, 11) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ (a | ~b)) + 0xa953fd4e, 8) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ (e | ~a)) + 0xa953fd4e, 5) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + 0xa953fd4e, 6) + a; d = Integer.rotateLeft(d, 10);
        laneL0 = a;
        laneL1 = b;
        laneL2 = c;
        laneL3 = d;
        laneL4 = e;
    }

    /** RIPEMD-160 right line, pad block. */
    private void rmdPadR() {
        int a = k0, b = k1, c = k2, d = k3, e = k4;
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + 0x50a28be6, 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ (b | ~c)) + 0x50a28de6, 9) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ (a | ~b)) + 0x50a28be6, 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ (e | ~a)) + 0x50a28c66, 11) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + 0x50a28be6, 13) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + 0x50a28be6, 15) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ (b | ~c)) + 0x50a28be6, 15) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ (a | ~b)) + 0x50a28be6, 5) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ (e | ~a)) + 0x50a28be6, 7) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + 0x50a28be6, 7) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + 0x50a28be6, 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ (b | ~c)) + 0x50a28be6, 11) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ (a | ~b)) + 0x50a28be6, 14) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ (e | ~a)) + 0x50a28be6, 14) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ (d | ~e)) + 0x50a28be6, 12) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ (c | ~d)) + 0x50a28be6, 6) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + 0x5c4dd124, 9) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & b) | (a & ~b)) + 0x5c4dd124, 13) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + 0x5c4dd124, 15) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & e) | (d & ~e)) + 0x5c4dd124, 7) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & d) | (c & ~d)) + 0x5c4dd1a4, 12) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + 0x5c4dd124, 8) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & b) | (a & ~b)) + 0x5c4dd124, 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + 0x5c4dd124, 11) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & e) | (d & ~e)) + 0x5c4dd324, 7) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & d) | (c & ~d)) + 0x5c4dd124, 7) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + 0x5c4dd124, 12) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & b) | (a & ~b)) + 0x5c4dd124, 7) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & a) | (e & ~a)) + 0x5c4dd124, 6) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & e) | (d & ~e)) + 0x5c4dd124, 15) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & d) | (c & ~d)) + 0x5c4dd124, 13) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & c) | (b & ~c)) + 0x5c4dd124, 11) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + 0x6d703ef3, 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d | ~e) ^ a) + 0x6d703ef3, 7) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c | ~d) ^ e) + 0x6d703ef3, 15) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b | ~c) ^ d) + 0x6d703ef3, 11) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a | ~b) ^ c) + 0x6d703ef3, 8) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + 0x6d7040f3, 6) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d | ~e) ^ a) + 0x6d703ef3, 6) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c | ~d) ^ e) + 0x6d703ef3, 14) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b | ~c) ^ d) + 0x6d703ef3, 12) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a | ~b) ^ c) + 0x6d703ef3, 13) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + 0x6d703ef3, 5) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d | ~e) ^ a) + 0x6d703ef3, 14) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c | ~d) ^ e) + 0x6d703ef3, 13) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b | ~c) ^ d) + 0x6d703f73, 13) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a | ~b) ^ c) + 0x6d703ef3, 7) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e | ~a) ^ b) + 0x6d703ef3, 5) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + 0x7a6d76e9, 15) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & d) | (~c & e)) + 0x7a6d76e9, 5) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + 0x7a6d76e9, 8) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + 0x7a6d76e9, 11) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & a) | (~e & b)) + 0x7a6d76e9, 14) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + 0x7a6d76e9, 14) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & d) | (~c & e)) + 0x7a6d76e9, 6) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + 0x7a6d7769, 14) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + 0x7a6d76e9, 6) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & a) | (~e & b)) + 0x7a6d76e9, 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + 0x7a6d76e9, 12) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + ((c & d) | (~c & e)) + 0x7a6d76e9, 9) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + 0x7a6d76e9, 12) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + ((a & b) | (~a & c)) + 0x7a6d76e9, 5) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + ((e & a) | (~e & b)) + 0x7a6d76e9, 15) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + ((d & e) | (~d & a)) + 0x7a6d78e9, 8) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e), 8) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ c ^ d), 5) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ b ^ c), 12) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ a ^ b), 9) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ e ^ a), 12) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e), 5) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ c ^ d), 14) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ b ^ c), 6) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ a ^ b), 8) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ e ^ a), 13) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e), 6) + a; d = Integer.rotateLeft(d, 10);
        a = Integer.rotateLeft(a + (b ^ c ^ d) + 0x200, 5) + e; c = Integer.rotateLeft(c, 10);
        e = Integer.rotateLeft(e + (a ^ b ^ c) + 0x80, 15) + d; b = Integer.rotateLeft(b, 10);
        d = Integer.rotateLeft(d + (e ^ a ^ b), 13) + c; a = Integer.rotateLeft(a, 10);
        c = Integer.rotateLeft(c + (d ^ e ^ a), 11) + b; e = Integer.rotateLeft(e, 10);
        b = Integer.rotateLeft(b + (c ^ d ^ e), 11) + a; d = Integer.rotateLeft(d, 10);
        laneR0 = a;
        laneR1 = b;
        laneR2 = c;
        laneR3 = d;
        laneR4 = e;
    }


    static final long[] K = {
        0x428a2f98d728ae22L, 0x7137449123ef65cdL, 0xb5c0fbcfec4d3b2fL, 0xe9b5dba58189dbbcL,
        0x3956c25bf348b538L, 0x59f111f1b605d019L, 0x923f82a4af194f9bL, 0xab1c5ed5da6d8118L,
        0xd807aa98a3030242L, 0x12835b0145706fbeL, 0x243185be4ee4b28cL, 0x550c7dc3d5ffb4e2L,
        0x72be5d74f27b896fL, 0x80deb1fe3b1696b1L, 0x9bdc06a725c71235L, 0xc19bf174cf692694L,
        0xe49b69c19ef14ad2L, 0xefbe4786384f25e3L, 0xfc19dc68b8cd5b5L, 0x240ca1cc77ac9c65L,
        0x2de92c6f592b0275L, 0x4a7484aa6ea6e483L, 0x5cb0a9dcbd41fbd4L, 0x76f988da831153b5L,
        0x983e5152ee66dfabL, 0xa831c66d2db43210L, 0xb00327c898fb213fL, 0xbf597fc7beef0ee4L,
        0xc6e00bf33da88fc2L, 0xd5a79147930aa725L, 0x6ca6351e003826fL, 0x142929670a0e6e70L,
        0x27b70a8546d22ffcL, 0x2e1b21385c26c926L, 0x4d2c6dfc5ac42aedL, 0x53380d139d95b3dfL,
        0x650a73548baf63deL, 0x766a0abb3c77b2a8L, 0x81c2c92e47edaee6L, 0x92722c851482353bL,
        0xa2bfe8a14cf10364L, 0xa81a664bbc423001L, 0xc24b8b70d0f89791L, 0xc76c51a30654be30L,
        0xd192e819d6ef5218L, 0xd69906245565a910L, 0xf40e35855771202aL, 0x106aa07032bbd1b8L,
        0x19a4c116b8d2d0c8L, 0x1e376c085141ab53L, 0x2748774cdf8eeb99L, 0x34b0bcb5e19b48a8L,
        0x391c0cb3c5c95a63L, 0x4ed8aa4ae3418acbL, 0x5b9cca4f7763e373L, 0x682e6ff3d6b2b8a3L,
        0x748f82ee5defb2fcL, 0x78a5636f43172f60L, 0x84c87814a1f0ab72L, 0x8cc702081a6439ecL,
        0x90befffa23631e28L, 0xa4506cebde82bde9L, 0xbef9a3f7b2c67915L, 0xc67178f2e372532bL,
        0xca273eceea26619cL, 0xd186b8c721c0c207L, 0xeada7dd6cde0eb1eL, 0xf57d4f7fee6ed178L,
        0x6f067aa72176fbaL, 0xa637dc5a2c898a6L, 0x113f9804bef90daeL, 0x1b710b35131c471bL,
        0x28db77f523047d84L, 0x32caab7b40c72493L, 0x3c9ebe0a15c9bebcL, 0x431d67c49c100d4cL,
        0x4cc5d4becb3e42b6L, 0x597f299cfc657e2aL, 0x5fcb6fab3ad6faecL, 0x6c44198c4a475817L,
    };
    static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L,
    };
    private static final long IV0 = IV[0];
    private static final long IV1 = IV[1];
    private static final long IV2 = IV[2];
    private static final long IV3 = IV[3];
    private static final long IV4 = IV[4];
    private static final long IV5 = IV[5];
    private static final long IV6 = IV[6];
    private static final long IV7 = IV[7];
}
