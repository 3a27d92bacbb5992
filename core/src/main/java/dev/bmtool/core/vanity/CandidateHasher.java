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
 * <p>RIPEMD-160 is unrolled (its message order and rotations differ per step) with its two lines
 * interleaved step by step, two independent dependency chains for the CPU; SHA-512 runs as a
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
        rmdData();
        rmdPad();
        r0 = k0;
        r1 = k1;
        r2 = k2;
        r3 = k3;
        r4 = k4;
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

    /** RIPEMD-160 data block: both lines interleaved (two independent dependency chains). */
    private void rmdData() {
        final int[] x = this.x;
        final int x0 = x[0];
        final int x1 = x[1];
        final int x2 = x[2];
        final int x3 = x[3];
        final int x4 = x[4];
        final int x5 = x[5];
        final int x6 = x[6];
        final int x7 = x[7];
        final int x8 = x[8];
        final int x9 = x[9];
        final int x10 = x[10];
        final int x11 = x[11];
        final int x12 = x[12];
        final int x13 = x[13];
        final int x14 = x[14];
        final int x15 = x[15];
        int al = k0, bl = k1, cl = k2, dl = k3, el = k4;
        int ar = al, br = bl, cr = cl, dr = dl, er = el;
        al = Integer.rotateLeft(al + (bl ^ cl ^ dl) + x0, 11) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ (cr | ~dr)) + x5 + 0x50a28be6, 8) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + (al ^ bl ^ cl) + x1, 14) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + (ar ^ (br | ~cr)) + x14 + 0x50a28be6, 9) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + (el ^ al ^ bl) + x2, 15) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + (er ^ (ar | ~br)) + x7 + 0x50a28be6, 9) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + (dl ^ el ^ al) + x3, 12) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + (dr ^ (er | ~ar)) + x0 + 0x50a28be6, 11) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ dl ^ el) + x4, 5) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ (dr | ~er)) + x9 + 0x50a28be6, 13) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + (bl ^ cl ^ dl) + x5, 8) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ (cr | ~dr)) + x2 + 0x50a28be6, 15) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + (al ^ bl ^ cl) + x6, 7) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + (ar ^ (br | ~cr)) + x11 + 0x50a28be6, 15) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + (el ^ al ^ bl) + x7, 9) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + (er ^ (ar | ~br)) + x4 + 0x50a28be6, 5) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + (dl ^ el ^ al) + x8, 11) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + (dr ^ (er | ~ar)) + x13 + 0x50a28be6, 7) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ dl ^ el) + x9, 13) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ (dr | ~er)) + x6 + 0x50a28be6, 7) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + (bl ^ cl ^ dl) + x10, 14) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ (cr | ~dr)) + x15 + 0x50a28be6, 8) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + (al ^ bl ^ cl) + x11, 15) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + (ar ^ (br | ~cr)) + x8 + 0x50a28be6, 11) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + (el ^ al ^ bl) + x12, 6) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + (er ^ (ar | ~br)) + x1 + 0x50a28be6, 14) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + (dl ^ el ^ al) + x13, 7) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + (dr ^ (er | ~ar)) + x10 + 0x50a28be6, 14) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ dl ^ el) + x14, 9) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ (dr | ~er)) + x3 + 0x50a28be6, 12) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + (bl ^ cl ^ dl) + x15, 8) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ (cr | ~dr)) + x12 + 0x50a28be6, 6) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & bl) | (~al & cl)) + x7 + 0x5a827999, 7) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & cr) | (br & ~cr)) + x6 + 0x5c4dd124, 9) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el & al) | (~el & bl)) + x4 + 0x5a827999, 6) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er & br) | (ar & ~br)) + x11 + 0x5c4dd124, 13) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & el) | (~dl & al)) + x13 + 0x5a827999, 8) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & ar) | (er & ~ar)) + x3 + 0x5c4dd124, 15) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl & dl) | (~cl & el)) + x1 + 0x5a827999, 13) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr & er) | (dr & ~er)) + x7 + 0x5c4dd124, 7) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl & cl) | (~bl & dl)) + x10 + 0x5a827999, 11) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br & dr) | (cr & ~dr)) + x0 + 0x5c4dd124, 12) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & bl) | (~al & cl)) + x6 + 0x5a827999, 9) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & cr) | (br & ~cr)) + x13 + 0x5c4dd124, 8) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el & al) | (~el & bl)) + x15 + 0x5a827999, 7) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er & br) | (ar & ~br)) + x5 + 0x5c4dd124, 9) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & el) | (~dl & al)) + x3 + 0x5a827999, 15) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & ar) | (er & ~ar)) + x10 + 0x5c4dd124, 11) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl & dl) | (~cl & el)) + x12 + 0x5a827999, 7) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr & er) | (dr & ~er)) + x14 + 0x5c4dd124, 7) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl & cl) | (~bl & dl)) + x0 + 0x5a827999, 12) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br & dr) | (cr & ~dr)) + x15 + 0x5c4dd124, 7) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & bl) | (~al & cl)) + x9 + 0x5a827999, 15) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & cr) | (br & ~cr)) + x8 + 0x5c4dd124, 12) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el & al) | (~el & bl)) + x5 + 0x5a827999, 9) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er & br) | (ar & ~br)) + x12 + 0x5c4dd124, 7) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & el) | (~dl & al)) + x2 + 0x5a827999, 11) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & ar) | (er & ~ar)) + x4 + 0x5c4dd124, 6) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl & dl) | (~cl & el)) + x14 + 0x5a827999, 7) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr & er) | (dr & ~er)) + x9 + 0x5c4dd124, 15) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl & cl) | (~bl & dl)) + x11 + 0x5a827999, 13) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br & dr) | (cr & ~dr)) + x1 + 0x5c4dd124, 13) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & bl) | (~al & cl)) + x8 + 0x5a827999, 12) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & cr) | (br & ~cr)) + x2 + 0x5c4dd124, 11) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el | ~al) ^ bl) + x3 + 0x6ed9eba1, 11) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er | ~ar) ^ br) + x15 + 0x6d703ef3, 9) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl | ~el) ^ al) + x10 + 0x6ed9eba1, 13) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr | ~er) ^ ar) + x5 + 0x6d703ef3, 7) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl | ~dl) ^ el) + x14 + 0x6ed9eba1, 6) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr | ~dr) ^ er) + x1 + 0x6d703ef3, 15) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl | ~cl) ^ dl) + x4 + 0x6ed9eba1, 7) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br | ~cr) ^ dr) + x3 + 0x6d703ef3, 11) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al | ~bl) ^ cl) + x9 + 0x6ed9eba1, 14) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar | ~br) ^ cr) + x7 + 0x6d703ef3, 8) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el | ~al) ^ bl) + x15 + 0x6ed9eba1, 9) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er | ~ar) ^ br) + x14 + 0x6d703ef3, 6) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl | ~el) ^ al) + x8 + 0x6ed9eba1, 13) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr | ~er) ^ ar) + x6 + 0x6d703ef3, 6) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl | ~dl) ^ el) + x1 + 0x6ed9eba1, 15) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr | ~dr) ^ er) + x9 + 0x6d703ef3, 14) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl | ~cl) ^ dl) + x2 + 0x6ed9eba1, 14) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br | ~cr) ^ dr) + x11 + 0x6d703ef3, 12) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al | ~bl) ^ cl) + x7 + 0x6ed9eba1, 8) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar | ~br) ^ cr) + x8 + 0x6d703ef3, 13) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el | ~al) ^ bl) + x0 + 0x6ed9eba1, 13) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er | ~ar) ^ br) + x12 + 0x6d703ef3, 5) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl | ~el) ^ al) + x6 + 0x6ed9eba1, 6) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr | ~er) ^ ar) + x2 + 0x6d703ef3, 14) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl | ~dl) ^ el) + x13 + 0x6ed9eba1, 5) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr | ~dr) ^ er) + x10 + 0x6d703ef3, 13) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl | ~cl) ^ dl) + x11 + 0x6ed9eba1, 12) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br | ~cr) ^ dr) + x0 + 0x6d703ef3, 13) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al | ~bl) ^ cl) + x5 + 0x6ed9eba1, 7) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar | ~br) ^ cr) + x4 + 0x6d703ef3, 7) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el | ~al) ^ bl) + x12 + 0x6ed9eba1, 5) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er | ~ar) ^ br) + x13 + 0x6d703ef3, 5) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & al) | (el & ~al)) + x1 + 0x8f1bbcdc, 11) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & er) | (~dr & ar)) + x8 + 0x7a6d76e9, 15) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl & el) | (dl & ~el)) + x9 + 0x8f1bbcdc, 12) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr & dr) | (~cr & er)) + x6 + 0x7a6d76e9, 5) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl & dl) | (cl & ~dl)) + x11 + 0x8f1bbcdc, 14) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br & cr) | (~br & dr)) + x4 + 0x7a6d76e9, 8) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & cl) | (bl & ~cl)) + x10 + 0x8f1bbcdc, 15) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & br) | (~ar & cr)) + x1 + 0x7a6d76e9, 11) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el & bl) | (al & ~bl)) + x0 + 0x8f1bbcdc, 14) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er & ar) | (~er & br)) + x3 + 0x7a6d76e9, 14) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & al) | (el & ~al)) + x8 + 0x8f1bbcdc, 15) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & er) | (~dr & ar)) + x11 + 0x7a6d76e9, 14) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl & el) | (dl & ~el)) + x12 + 0x8f1bbcdc, 9) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr & dr) | (~cr & er)) + x15 + 0x7a6d76e9, 6) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl & dl) | (cl & ~dl)) + x4 + 0x8f1bbcdc, 8) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br & cr) | (~br & dr)) + x0 + 0x7a6d76e9, 14) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & cl) | (bl & ~cl)) + x13 + 0x8f1bbcdc, 9) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & br) | (~ar & cr)) + x5 + 0x7a6d76e9, 6) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el & bl) | (al & ~bl)) + x3 + 0x8f1bbcdc, 14) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er & ar) | (~er & br)) + x12 + 0x7a6d76e9, 9) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & al) | (el & ~al)) + x7 + 0x8f1bbcdc, 5) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & er) | (~dr & ar)) + x2 + 0x7a6d76e9, 12) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl & el) | (dl & ~el)) + x15 + 0x8f1bbcdc, 6) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr & dr) | (~cr & er)) + x13 + 0x7a6d76e9, 9) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl & dl) | (cl & ~dl)) + x14 + 0x8f1bbcdc, 8) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br & cr) | (~br & dr)) + x9 + 0x7a6d76e9, 12) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & cl) | (bl & ~cl)) + x5 + 0x8f1bbcdc, 6) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & br) | (~ar & cr)) + x7 + 0x7a6d76e9, 5) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el & bl) | (al & ~bl)) + x6 + 0x8f1bbcdc, 5) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er & ar) | (~er & br)) + x10 + 0x7a6d76e9, 15) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & al) | (el & ~al)) + x2 + 0x8f1bbcdc, 12) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & er) | (~dr & ar)) + x14 + 0x7a6d76e9, 8) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ (dl | ~el)) + x4 + 0xa953fd4e, 9) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ dr ^ er) + x12, 8) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + (bl ^ (cl | ~dl)) + x0 + 0xa953fd4e, 15) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ cr ^ dr) + x15, 5) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + (al ^ (bl | ~cl)) + x5 + 0xa953fd4e, 5) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + (ar ^ br ^ cr) + x10, 12) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + (el ^ (al | ~bl)) + x9 + 0xa953fd4e, 11) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + (er ^ ar ^ br) + x4, 9) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + (dl ^ (el | ~al)) + x7 + 0xa953fd4e, 6) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + (dr ^ er ^ ar) + x1, 12) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ (dl | ~el)) + x12 + 0xa953fd4e, 8) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ dr ^ er) + x5, 5) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + (bl ^ (cl | ~dl)) + x2 + 0xa953fd4e, 13) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ cr ^ dr) + x8, 14) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + (al ^ (bl | ~cl)) + x10 + 0xa953fd4e, 12) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + (ar ^ br ^ cr) + x7, 6) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + (el ^ (al | ~bl)) + x14 + 0xa953fd4e, 5) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + (er ^ ar ^ br) + x6, 8) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + (dl ^ (el | ~al)) + x1 + 0xa953fd4e, 12) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + (dr ^ er ^ ar) + x2, 13) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ (dl | ~el)) + x3 + 0xa953fd4e, 13) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ dr ^ er) + x13, 6) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + (bl ^ (cl | ~dl)) + x8 + 0xa953fd4e, 14) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ cr ^ dr) + x14, 5) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + (al ^ (bl | ~cl)) + x11 + 0xa953fd4e, 11) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + (ar ^ br ^ cr) + x0, 15) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + (el ^ (al | ~bl)) + x6 + 0xa953fd4e, 8) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + (er ^ ar ^ br) + x3, 13) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + (dl ^ (el | ~al)) + x15 + 0xa953fd4e, 5) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + (dr ^ er ^ ar) + x9, 11) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ (dl | ~el)) + x13 + 0xa953fd4e, 6) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ dr ^ er) + x11, 11) + ar; dr = Integer.rotateLeft(dr, 10);
        final int t = k1 + cl + dr;
        k1 = k2 + dl + er;
        k2 = k3 + el + ar;
        k3 = k4 + al + br;
        k4 = k0 + bl + cr;
        k0 = t;
    }

    /** RIPEMD-160 pad block: both lines interleaved (two independent dependency chains). */
    private void rmdPad() {
        int al = k0, bl = k1, cl = k2, dl = k3, el = k4;
        int ar = al, br = bl, cr = cl, dr = dl, er = el;
        al = Integer.rotateLeft(al + (bl ^ cl ^ dl) + 0x80, 11) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ (cr | ~dr)) + 0x50a28be6, 8) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + (al ^ bl ^ cl), 14) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + (ar ^ (br | ~cr)) + 0x50a28de6, 9) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + (el ^ al ^ bl), 15) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + (er ^ (ar | ~br)) + 0x50a28be6, 9) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + (dl ^ el ^ al), 12) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + (dr ^ (er | ~ar)) + 0x50a28c66, 11) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ dl ^ el), 5) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ (dr | ~er)) + 0x50a28be6, 13) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + (bl ^ cl ^ dl), 8) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ (cr | ~dr)) + 0x50a28be6, 15) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + (al ^ bl ^ cl), 7) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + (ar ^ (br | ~cr)) + 0x50a28be6, 15) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + (el ^ al ^ bl), 9) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + (er ^ (ar | ~br)) + 0x50a28be6, 5) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + (dl ^ el ^ al), 11) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + (dr ^ (er | ~ar)) + 0x50a28be6, 7) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ dl ^ el), 13) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ (dr | ~er)) + 0x50a28be6, 7) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + (bl ^ cl ^ dl), 14) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ (cr | ~dr)) + 0x50a28be6, 8) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + (al ^ bl ^ cl), 15) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + (ar ^ (br | ~cr)) + 0x50a28be6, 11) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + (el ^ al ^ bl), 6) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + (er ^ (ar | ~br)) + 0x50a28be6, 14) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + (dl ^ el ^ al), 7) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + (dr ^ (er | ~ar)) + 0x50a28be6, 14) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ dl ^ el) + 0x200, 9) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ (dr | ~er)) + 0x50a28be6, 12) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + (bl ^ cl ^ dl), 8) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ (cr | ~dr)) + 0x50a28be6, 6) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & bl) | (~al & cl)) + 0x5a827999, 7) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & cr) | (br & ~cr)) + 0x5c4dd124, 9) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el & al) | (~el & bl)) + 0x5a827999, 6) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er & br) | (ar & ~br)) + 0x5c4dd124, 13) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & el) | (~dl & al)) + 0x5a827999, 8) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & ar) | (er & ~ar)) + 0x5c4dd124, 15) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl & dl) | (~cl & el)) + 0x5a827999, 13) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr & er) | (dr & ~er)) + 0x5c4dd124, 7) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl & cl) | (~bl & dl)) + 0x5a827999, 11) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br & dr) | (cr & ~dr)) + 0x5c4dd1a4, 12) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & bl) | (~al & cl)) + 0x5a827999, 9) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & cr) | (br & ~cr)) + 0x5c4dd124, 8) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el & al) | (~el & bl)) + 0x5a827999, 7) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er & br) | (ar & ~br)) + 0x5c4dd124, 9) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & el) | (~dl & al)) + 0x5a827999, 15) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & ar) | (er & ~ar)) + 0x5c4dd124, 11) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl & dl) | (~cl & el)) + 0x5a827999, 7) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr & er) | (dr & ~er)) + 0x5c4dd324, 7) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl & cl) | (~bl & dl)) + 0x5a827a19, 12) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br & dr) | (cr & ~dr)) + 0x5c4dd124, 7) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & bl) | (~al & cl)) + 0x5a827999, 15) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & cr) | (br & ~cr)) + 0x5c4dd124, 12) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el & al) | (~el & bl)) + 0x5a827999, 9) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er & br) | (ar & ~br)) + 0x5c4dd124, 7) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & el) | (~dl & al)) + 0x5a827999, 11) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & ar) | (er & ~ar)) + 0x5c4dd124, 6) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl & dl) | (~cl & el)) + 0x5a827b99, 7) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr & er) | (dr & ~er)) + 0x5c4dd124, 15) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl & cl) | (~bl & dl)) + 0x5a827999, 13) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br & dr) | (cr & ~dr)) + 0x5c4dd124, 13) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & bl) | (~al & cl)) + 0x5a827999, 12) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & cr) | (br & ~cr)) + 0x5c4dd124, 11) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el | ~al) ^ bl) + 0x6ed9eba1, 11) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er | ~ar) ^ br) + 0x6d703ef3, 9) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl | ~el) ^ al) + 0x6ed9eba1, 13) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr | ~er) ^ ar) + 0x6d703ef3, 7) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl | ~dl) ^ el) + 0x6ed9eda1, 6) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr | ~dr) ^ er) + 0x6d703ef3, 15) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl | ~cl) ^ dl) + 0x6ed9eba1, 7) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br | ~cr) ^ dr) + 0x6d703ef3, 11) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al | ~bl) ^ cl) + 0x6ed9eba1, 14) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar | ~br) ^ cr) + 0x6d703ef3, 8) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el | ~al) ^ bl) + 0x6ed9eba1, 9) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er | ~ar) ^ br) + 0x6d7040f3, 6) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl | ~el) ^ al) + 0x6ed9eba1, 13) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr | ~er) ^ ar) + 0x6d703ef3, 6) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl | ~dl) ^ el) + 0x6ed9eba1, 15) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr | ~dr) ^ er) + 0x6d703ef3, 14) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl | ~cl) ^ dl) + 0x6ed9eba1, 14) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br | ~cr) ^ dr) + 0x6d703ef3, 12) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al | ~bl) ^ cl) + 0x6ed9eba1, 8) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar | ~br) ^ cr) + 0x6d703ef3, 13) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el | ~al) ^ bl) + 0x6ed9ec21, 13) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er | ~ar) ^ br) + 0x6d703ef3, 5) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl | ~el) ^ al) + 0x6ed9eba1, 6) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr | ~er) ^ ar) + 0x6d703ef3, 14) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl | ~dl) ^ el) + 0x6ed9eba1, 5) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr | ~dr) ^ er) + 0x6d703ef3, 13) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl | ~cl) ^ dl) + 0x6ed9eba1, 12) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br | ~cr) ^ dr) + 0x6d703f73, 13) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al | ~bl) ^ cl) + 0x6ed9eba1, 7) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar | ~br) ^ cr) + 0x6d703ef3, 7) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el | ~al) ^ bl) + 0x6ed9eba1, 5) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er | ~ar) ^ br) + 0x6d703ef3, 5) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & al) | (el & ~al)) + 0x8f1bbcdc, 11) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & er) | (~dr & ar)) + 0x7a6d76e9, 15) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl & el) | (dl & ~el)) + 0x8f1bbcdc, 12) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr & dr) | (~cr & er)) + 0x7a6d76e9, 5) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl & dl) | (cl & ~dl)) + 0x8f1bbcdc, 14) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br & cr) | (~br & dr)) + 0x7a6d76e9, 8) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & cl) | (bl & ~cl)) + 0x8f1bbcdc, 15) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & br) | (~ar & cr)) + 0x7a6d76e9, 11) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el & bl) | (al & ~bl)) + 0x8f1bbd5c, 14) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er & ar) | (~er & br)) + 0x7a6d76e9, 14) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & al) | (el & ~al)) + 0x8f1bbcdc, 15) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & er) | (~dr & ar)) + 0x7a6d76e9, 14) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl & el) | (dl & ~el)) + 0x8f1bbcdc, 9) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr & dr) | (~cr & er)) + 0x7a6d76e9, 6) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl & dl) | (cl & ~dl)) + 0x8f1bbcdc, 8) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br & cr) | (~br & dr)) + 0x7a6d7769, 14) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & cl) | (bl & ~cl)) + 0x8f1bbcdc, 9) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & br) | (~ar & cr)) + 0x7a6d76e9, 6) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el & bl) | (al & ~bl)) + 0x8f1bbcdc, 14) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er & ar) | (~er & br)) + 0x7a6d76e9, 9) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & al) | (el & ~al)) + 0x8f1bbcdc, 5) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & er) | (~dr & ar)) + 0x7a6d76e9, 12) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + ((cl & el) | (dl & ~el)) + 0x8f1bbcdc, 6) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + ((cr & dr) | (~cr & er)) + 0x7a6d76e9, 9) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + ((bl & dl) | (cl & ~dl)) + 0x8f1bbedc, 8) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + ((br & cr) | (~br & dr)) + 0x7a6d76e9, 12) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + ((al & cl) | (bl & ~cl)) + 0x8f1bbcdc, 6) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + ((ar & br) | (~ar & cr)) + 0x7a6d76e9, 5) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + ((el & bl) | (al & ~bl)) + 0x8f1bbcdc, 5) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + ((er & ar) | (~er & br)) + 0x7a6d76e9, 15) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + ((dl & al) | (el & ~al)) + 0x8f1bbcdc, 12) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + ((dr & er) | (~dr & ar)) + 0x7a6d78e9, 8) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ (dl | ~el)) + 0xa953fd4e, 9) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ dr ^ er), 8) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + (bl ^ (cl | ~dl)) + 0xa953fdce, 15) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ cr ^ dr), 5) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + (al ^ (bl | ~cl)) + 0xa953fd4e, 5) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + (ar ^ br ^ cr), 12) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + (el ^ (al | ~bl)) + 0xa953fd4e, 11) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + (er ^ ar ^ br), 9) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + (dl ^ (el | ~al)) + 0xa953fd4e, 6) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + (dr ^ er ^ ar), 12) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ (dl | ~el)) + 0xa953fd4e, 8) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ dr ^ er), 5) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + (bl ^ (cl | ~dl)) + 0xa953fd4e, 13) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ cr ^ dr), 14) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + (al ^ (bl | ~cl)) + 0xa953fd4e, 12) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + (ar ^ br ^ cr), 6) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + (el ^ (al | ~bl)) + 0xa953ff4e, 5) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + (er ^ ar ^ br), 8) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + (dl ^ (el | ~al)) + 0xa953fd4e, 12) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + (dr ^ er ^ ar), 13) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ (dl | ~el)) + 0xa953fd4e, 13) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ dr ^ er), 6) + ar; dr = Integer.rotateLeft(dr, 10);
        al = Integer.rotateLeft(al + (bl ^ (cl | ~dl)) + 0xa953fd4e, 14) + el; cl = Integer.rotateLeft(cl, 10);
        ar = Integer.rotateLeft(ar + (br ^ cr ^ dr) + 0x200, 5) + er; cr = Integer.rotateLeft(cr, 10);
        el = Integer.rotateLeft(el + (al ^ (bl | ~cl)) + 0xa953fd4e, 11) + dl; bl = Integer.rotateLeft(bl, 10);
        er = Integer.rotateLeft(er + (ar ^ br ^ cr) + 0x80, 15) + dr; br = Integer.rotateLeft(br, 10);
        dl = Integer.rotateLeft(dl + (el ^ (al | ~bl)) + 0xa953fd4e, 8) + cl; al = Integer.rotateLeft(al, 10);
        dr = Integer.rotateLeft(dr + (er ^ ar ^ br), 13) + cr; ar = Integer.rotateLeft(ar, 10);
        cl = Integer.rotateLeft(cl + (dl ^ (el | ~al)) + 0xa953fd4e, 5) + bl; el = Integer.rotateLeft(el, 10);
        cr = Integer.rotateLeft(cr + (dr ^ er ^ ar), 11) + br; er = Integer.rotateLeft(er, 10);
        bl = Integer.rotateLeft(bl + (cl ^ (dl | ~el)) + 0xa953fd4e, 6) + al; dl = Integer.rotateLeft(dl, 10);
        br = Integer.rotateLeft(br + (cr ^ dr ^ er), 11) + ar; dr = Integer.rotateLeft(dr, 10);
        final int t = k1 + cl + dr;
        k1 = k2 + dl + er;
        k2 = k3 + el + ar;
        k3 = k4 + al + br;
        k4 = k0 + bl + cr;
        k0 = t;
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
