package dev.bmtool.core.vanity;

import java.math.BigInteger;

/**
 * A secp256k1 field element on four unsigned 64-bit limbs (little-endian), for the vanity hot loop.
 *
 * <p>Mutable on purpose: the search walks millions of points per second and must not allocate.
 * Values are kept below 2^256 but not necessarily below p between operations; {@link #normalize}
 * brings one into [0, p) before it is hashed or compared. Reduction uses p = 2^256 - C with
 * C = 2^32 + 977, so the high half of a product folds back as hi * C.
 */
final class Fe {
    /** 2^256 - p. */
    static final long C = 0x1000003D1L;
    static final BigInteger P = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.valueOf(C));

    long v0;
    long v1;
    long v2;
    long v3;

    Fe() {
    }

    Fe(Fe o) {
        set(o);
    }

    static Fe of(BigInteger x) {
        Fe f = new Fe();
        f.set(x);
        return f;
    }

    void set(Fe o) {
        v0 = o.v0;
        v1 = o.v1;
        v2 = o.v2;
        v3 = o.v3;
    }

    void set(BigInteger x) {
        BigInteger m = x.mod(P);
        v0 = m.longValue();
        v1 = m.shiftRight(64).longValue();
        v2 = m.shiftRight(128).longValue();
        v3 = m.shiftRight(192).longValue();
    }

    BigInteger toBigInteger() {
        byte[] b = new byte[33];
        putBigEndian(b, 1);
        return new BigInteger(b);
    }

    /** Writes the 32-byte big-endian encoding of this (already normalized) value. */
    void putBigEndian(byte[] out, int off) {
        long[] limbs = {v3, v2, v1, v0};
        for (int i = 0; i < 4; i++) {
            long l = limbs[i];
            for (int j = 0; j < 8; j++) {
                out[off + 8 * i + j] = (byte) (l >>> (56 - 8 * j));
            }
        }
    }

    /** Brings the value into [0, p): adds C and keeps the sum when that overflows 2^256. */
    static void normalize(Fe r) {
        long s0 = r.v0 + C;
        long c = Long.compareUnsigned(s0, C) < 0 ? 1L : 0L;
        long s1 = r.v1 + c;
        c = Long.compareUnsigned(s1, c) < 0 ? 1L : 0L;
        long s2 = r.v2 + c;
        c = Long.compareUnsigned(s2, c) < 0 ? 1L : 0L;
        long s3 = r.v3 + c;
        c = Long.compareUnsigned(s3, c) < 0 ? 1L : 0L;
        long m = -c; // all ones when r >= p
        r.v0 = (s0 & m) | (r.v0 & ~m);
        r.v1 = (s1 & m) | (r.v1 & ~m);
        r.v2 = (s2 & m) | (r.v2 & ~m);
        r.v3 = (s3 & m) | (r.v3 & ~m);
    }

    boolean isZeroNormalized() {
        return (v0 | v1 | v2 | v3) == 0;
    }

    /** r = a + b mod p (result below 2^256). */
    static void add(Fe r, Fe a, Fe b) {
        long a0 = a.v0;
        long s0 = a0 + b.v0;
        long c = Long.compareUnsigned(s0, a0) < 0 ? 1L : 0L;
        long a1 = a.v1;
        long s1 = a1 + b.v1;
        long c1 = Long.compareUnsigned(s1, a1) < 0 ? 1L : 0L;
        s1 += c;
        c = c1 + (Long.compareUnsigned(s1, c) < 0 ? 1L : 0L);
        long a2 = a.v2;
        long s2 = a2 + b.v2;
        long c2 = Long.compareUnsigned(s2, a2) < 0 ? 1L : 0L;
        s2 += c;
        c = c2 + (Long.compareUnsigned(s2, c) < 0 ? 1L : 0L);
        long a3 = a.v3;
        long s3 = a3 + b.v3;
        long c3 = Long.compareUnsigned(s3, a3) < 0 ? 1L : 0L;
        s3 += c;
        c = c3 + (Long.compareUnsigned(s3, c) < 0 ? 1L : 0L);
        fold(r, s0, s1, s2, s3, c);
    }

    /** r = a - b mod p (result below 2^256). */
    static void sub(Fe r, Fe a, Fe b) {
        long a0 = a.v0;
        long b0 = b.v0;
        long d0 = a0 - b0;
        long bw = Long.compareUnsigned(a0, b0) < 0 ? 1L : 0L;
        long a1 = a.v1;
        long b1 = b.v1;
        long d1 = a1 - b1;
        long bw1 = Long.compareUnsigned(a1, b1) < 0 ? 1L : 0L;
        bw1 += Long.compareUnsigned(d1, bw) < 0 ? 1L : 0L;
        d1 -= bw;
        long a2 = a.v2;
        long b2 = b.v2;
        long d2 = a2 - b2;
        long bw2 = Long.compareUnsigned(a2, b2) < 0 ? 1L : 0L;
        bw2 += Long.compareUnsigned(d2, bw1) < 0 ? 1L : 0L;
        d2 -= bw1;
        long a3 = a.v3;
        long b3 = b.v3;
        long d3 = a3 - b3;
        long bw3 = Long.compareUnsigned(a3, b3) < 0 ? 1L : 0L;
        bw3 += Long.compareUnsigned(d3, bw2) < 0 ? 1L : 0L;
        d3 -= bw2;
        // on borrow the wrapped value is a - b + 2^256; subtract C to make it a - b + p (twice if needed)
        for (int k = 0; k < 2; k++) {
            long s = C & -bw3;
            long e0 = d0 - s;
            long x = Long.compareUnsigned(d0, s) < 0 ? 1L : 0L;
            long e1 = d1 - x;
            x = Long.compareUnsigned(d1, x) < 0 ? 1L : 0L;
            long e2 = d2 - x;
            x = Long.compareUnsigned(d2, x) < 0 ? 1L : 0L;
            long e3 = d3 - x;
            x = Long.compareUnsigned(d3, x) < 0 ? 1L : 0L;
            d0 = e0;
            d1 = e1;
            d2 = e2;
            d3 = e3;
            bw3 = x;
        }
        r.v0 = d0;
        r.v1 = d1;
        r.v2 = d2;
        r.v3 = d3;
    }

    /** Adds carry * C (carry at most 2) into the 256-bit value, twice, so the result fits 256 bits. */
    private static void fold(Fe r, long s0, long s1, long s2, long s3, long carry) {
        for (int k = 0; k < 2; k++) {
            long m = carry * C;
            s0 += m;
            long x = Long.compareUnsigned(s0, m) < 0 ? 1L : 0L;
            s1 += x;
            x = Long.compareUnsigned(s1, x) < 0 ? 1L : 0L;
            s2 += x;
            x = Long.compareUnsigned(s2, x) < 0 ? 1L : 0L;
            s3 += x;
            carry = Long.compareUnsigned(s3, x) < 0 ? 1L : 0L;
        }
        r.v0 = s0;
        r.v1 = s1;
        r.v2 = s2;
        r.v3 = s3;
    }

    /** r = t mod p for a 512-bit t = (t7..t0): folds the high half as hi * C, then the small rest. */
    private static void reduce(Fe r, long t0, long t1, long t2, long t3, long t4, long t5, long t6, long t7) {
        long lo = t4 * C;
        long hi = Math.unsignedMultiplyHigh(t4, C);
        long r0 = t0 + lo;
        long c = hi + (Long.compareUnsigned(r0, lo) < 0 ? 1L : 0L);

        lo = t5 * C;
        hi = Math.unsignedMultiplyHigh(t5, C);
        long r1 = t1 + c;
        long k = Long.compareUnsigned(r1, c) < 0 ? 1L : 0L;
        r1 += lo;
        c = hi + k + (Long.compareUnsigned(r1, lo) < 0 ? 1L : 0L);

        lo = t6 * C;
        hi = Math.unsignedMultiplyHigh(t6, C);
        long r2 = t2 + c;
        k = Long.compareUnsigned(r2, c) < 0 ? 1L : 0L;
        r2 += lo;
        c = hi + k + (Long.compareUnsigned(r2, lo) < 0 ? 1L : 0L);

        lo = t7 * C;
        hi = Math.unsignedMultiplyHigh(t7, C);
        long r3 = t3 + c;
        k = Long.compareUnsigned(r3, c) < 0 ? 1L : 0L;
        r3 += lo;
        c = hi + k + (Long.compareUnsigned(r3, lo) < 0 ? 1L : 0L);

        // c < 2^34: fold c * C (< 2^68) into the low limbs
        lo = c * C;
        hi = Math.unsignedMultiplyHigh(c, C);
        r0 += lo;
        c = hi + (Long.compareUnsigned(r0, lo) < 0 ? 1L : 0L);
        r1 += c;
        c = Long.compareUnsigned(r1, c) < 0 ? 1L : 0L;
        r2 += c;
        c = Long.compareUnsigned(r2, c) < 0 ? 1L : 0L;
        r3 += c;
        c = Long.compareUnsigned(r3, c) < 0 ? 1L : 0L;
        // wrapped past 2^256 (then the value is tiny): add C once more
        lo = c * C;
        r0 += lo;
        r1 += Long.compareUnsigned(r0, lo) < 0 ? 1L : 0L;
        r.v0 = r0;
        r.v1 = r1;
        r.v2 = r2;
        r.v3 = r3;
    }

    static void mul(Fe r, Fe a, Fe b) {
        final long a0 = a.v0, a1 = a.v1, a2 = a.v2, a3 = a.v3;
        final long b0 = b.v0, b1 = b.v1, b2 = b.v2, b3 = b.v3;
        long lo, hi, t, c0 = 0, c1 = 0, c2 = 0;
        lo = a0 * b0; hi = Math.unsignedMultiplyHigh(a0, b0);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t0 = c0; c0 = c1; c1 = c2; c2 = 0;
        lo = a0 * b1; hi = Math.unsignedMultiplyHigh(a0, b1);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        lo = a1 * b0; hi = Math.unsignedMultiplyHigh(a1, b0);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t1 = c0; c0 = c1; c1 = c2; c2 = 0;
        lo = a0 * b2; hi = Math.unsignedMultiplyHigh(a0, b2);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        lo = a1 * b1; hi = Math.unsignedMultiplyHigh(a1, b1);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        lo = a2 * b0; hi = Math.unsignedMultiplyHigh(a2, b0);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t2 = c0; c0 = c1; c1 = c2; c2 = 0;
        lo = a0 * b3; hi = Math.unsignedMultiplyHigh(a0, b3);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        lo = a1 * b2; hi = Math.unsignedMultiplyHigh(a1, b2);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        lo = a2 * b1; hi = Math.unsignedMultiplyHigh(a2, b1);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        lo = a3 * b0; hi = Math.unsignedMultiplyHigh(a3, b0);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t3 = c0; c0 = c1; c1 = c2; c2 = 0;
        lo = a1 * b3; hi = Math.unsignedMultiplyHigh(a1, b3);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        lo = a2 * b2; hi = Math.unsignedMultiplyHigh(a2, b2);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        lo = a3 * b1; hi = Math.unsignedMultiplyHigh(a3, b1);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t4 = c0; c0 = c1; c1 = c2; c2 = 0;
        lo = a2 * b3; hi = Math.unsignedMultiplyHigh(a2, b3);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        lo = a3 * b2; hi = Math.unsignedMultiplyHigh(a3, b2);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t5 = c0; c0 = c1; c1 = c2; c2 = 0;
        lo = a3 * b3; hi = Math.unsignedMultiplyHigh(a3, b3);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t6 = c0; c0 = c1; c1 = c2; c2 = 0;
        final long t7 = c0;
        reduce(r, t0, t1, t2, t3, t4, t5, t6, t7);
    }

    static void sqr(Fe r, Fe a) {
        final long a0 = a.v0, a1 = a.v1, a2 = a.v2, a3 = a.v3;
        long lo, hi, t, c0 = 0, c1 = 0, c2 = 0;
        lo = a0 * a0; hi = Math.unsignedMultiplyHigh(a0, a0);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t0 = c0; c0 = c1; c1 = c2; c2 = 0;
        lo = a0 * a1; hi = Math.unsignedMultiplyHigh(a0, a1);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t1 = c0; c0 = c1; c1 = c2; c2 = 0;
        lo = a0 * a2; hi = Math.unsignedMultiplyHigh(a0, a2);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        lo = a1 * a1; hi = Math.unsignedMultiplyHigh(a1, a1);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t2 = c0; c0 = c1; c1 = c2; c2 = 0;
        lo = a0 * a3; hi = Math.unsignedMultiplyHigh(a0, a3);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        lo = a1 * a2; hi = Math.unsignedMultiplyHigh(a1, a2);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t3 = c0; c0 = c1; c1 = c2; c2 = 0;
        lo = a1 * a3; hi = Math.unsignedMultiplyHigh(a1, a3);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        lo = a2 * a2; hi = Math.unsignedMultiplyHigh(a2, a2);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t4 = c0; c0 = c1; c1 = c2; c2 = 0;
        lo = a2 * a3; hi = Math.unsignedMultiplyHigh(a2, a3);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t5 = c0; c0 = c1; c1 = c2; c2 = 0;
        lo = a3 * a3; hi = Math.unsignedMultiplyHigh(a3, a3);
        c0 += lo; t = hi + (Long.compareUnsigned(c0, lo) < 0 ? 1L : 0L);
        c1 += t; c2 += Long.compareUnsigned(c1, t) < 0 ? 1L : 0L;
        final long t6 = c0; c0 = c1; c1 = c2; c2 = 0;
        final long t7 = c0;
        reduce(r, t0, t1, t2, t3, t4, t5, t6, t7);
    }

    /** r = a^(2^n) by repeated squaring. */
    static void sqrN(Fe r, Fe a, int n) {
        sqr(r, a);
        for (int i = 1; i < n; i++) {
            sqr(r, r);
        }
    }

    /** r = a^(p-2) = 1/a (0 for 0), with libsecp256k1's addition chain: 255 squarings, 15 multiplies. */
    static void inv(Fe r, Fe a) {
        Fe x2 = new Fe();
        Fe x3 = new Fe();
        Fe x6 = new Fe();
        Fe x9 = new Fe();
        Fe x11 = new Fe();
        Fe x22 = new Fe();
        Fe x44 = new Fe();
        Fe x88 = new Fe();
        Fe x176 = new Fe();
        Fe x220 = new Fe();
        Fe x223 = new Fe();
        Fe t = new Fe();
        sqr(x2, a);
        mul(x2, x2, a);
        sqr(x3, x2);
        mul(x3, x3, a);
        sqrN(x6, x3, 3);
        mul(x6, x6, x3);
        sqrN(x9, x6, 3);
        mul(x9, x9, x3);
        sqrN(x11, x9, 2);
        mul(x11, x11, x2);
        sqrN(x22, x11, 11);
        mul(x22, x22, x11);
        sqrN(x44, x22, 22);
        mul(x44, x44, x22);
        sqrN(x88, x44, 44);
        mul(x88, x88, x44);
        sqrN(x176, x88, 88);
        mul(x176, x176, x88);
        sqrN(x220, x176, 44);
        mul(x220, x220, x44);
        sqrN(x223, x220, 3);
        mul(x223, x223, x3);
        sqrN(t, x223, 23);
        mul(t, t, x22);
        sqrN(t, t, 5);
        mul(t, t, a);
        sqrN(t, t, 3);
        mul(t, t, x2);
        sqrN(t, t, 2);
        mul(r, t, a);
    }

    @Override
    public String toString() {
        return String.format("%016x%016x%016x%016x", v3, v2, v1, v0);
    }
}
