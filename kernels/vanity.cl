/*
 * Vanity address search (bmtool address vanity --engine opencl): each work item walks its own
 * run of encryption keys around a centre C: the keys C-VHALF .. C+VHALF, then moves C on by
 * VBATCH = 2*VHALF+1. Same algorithm as the CPU engine (dev.bmtool.core.vanity.Walker):
 *
 *  - secp256k1 field on four 64-bit limbs (little-endian), reduction by p = 2^256 - 0x1000003D1;
 *  - points C +- i*G share the inverse of x(i*G) - x(C); the VHALF+1 differences (one more for the
 *    jump to the next centre) are inverted together with Montgomery's trick;
 *  - ripe = RIPEMD-160(SHA-512(signingKey65 || 04 || X || Y)); the host precomputes the SHA-512
 *    state after rounds 0..7 of block 1 (they see only the signing key) and the fixed words;
 *  - a candidate is reported when the ripe has exactly the wanted number of leading zero bytes
 *    and its stripped value lies in one of the prefix ranges (ends inclusive, the checksum is not
 *    looked at), or when it has more zero bytes; the host re-checks every report exactly.
 *
 * Buffers: pts (per work item: x[4], y[4] of C, updated), tab (VHALF entries i*G then VBATCH*G,
 * 8 ulongs each), sig (s8[8], w[0..7], w8tag), ranges (6 ulongs each: lo a,b,c then hi a,b,c,
 * where a = ripe bits 159..96, b = 95..32, c = 31..0), hits ([0] = count, then gid, offset pairs),
 * status (per work item: 1 when the batch touched the point at infinity; the host moves C).
 */

#ifndef VHALF
#define VHALF 32
#endif
#define VBATCH (2 * VHALF + 1)
#ifndef VMAXHITS
#define VMAXHITS 64
#endif

typedef struct { ulong v[4]; } fe;

#define FE_C 0x1000003D1UL

inline void fe_reduce(fe *r, ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7) {
    ulong lo, hi, c, k;
    lo = t4 * FE_C; hi = mul_hi(t4, FE_C);
    ulong r0 = t0 + lo; c = hi + (r0 < lo);
    lo = t5 * FE_C; hi = mul_hi(t5, FE_C);
    ulong r1 = t1 + c; k = (r1 < c); r1 += lo; c = hi + k + (r1 < lo);
    lo = t6 * FE_C; hi = mul_hi(t6, FE_C);
    ulong r2 = t2 + c; k = (r2 < c); r2 += lo; c = hi + k + (r2 < lo);
    lo = t7 * FE_C; hi = mul_hi(t7, FE_C);
    ulong r3 = t3 + c; k = (r3 < c); r3 += lo; c = hi + k + (r3 < lo);
    lo = c * FE_C; hi = mul_hi(c, FE_C);
    r0 += lo; c = hi + (r0 < lo);
    r1 += c; c = (r1 < c);
    r2 += c; c = (r2 < c);
    r3 += c; c = (r3 < c);
    lo = c * FE_C;
    r0 += lo; r1 += (r0 < lo);
    r->v[0] = r0; r->v[1] = r1; r->v[2] = r2; r->v[3] = r3;
}

#define MAC(x, y) { ulong lo_ = (x) * (y); ulong hi_ = mul_hi((x), (y)); c0 += lo_; hi_ += (c0 < lo_); c1 += hi_; c2 += (c1 < hi_); }
#define SHIFT(t) { t = c0; c0 = c1; c1 = c2; c2 = 0; }

inline void fe_mul(fe *r, const fe *a, const fe *b) {
    ulong a0 = a->v[0], a1 = a->v[1], a2 = a->v[2], a3 = a->v[3];
    ulong b0 = b->v[0], b1 = b->v[1], b2 = b->v[2], b3 = b->v[3];
    ulong c0 = 0, c1 = 0, c2 = 0, t0, t1, t2, t3, t4, t5, t6;
    MAC(a0, b0); SHIFT(t0);
    MAC(a0, b1); MAC(a1, b0); SHIFT(t1);
    MAC(a0, b2); MAC(a1, b1); MAC(a2, b0); SHIFT(t2);
    MAC(a0, b3); MAC(a1, b2); MAC(a2, b1); MAC(a3, b0); SHIFT(t3);
    MAC(a1, b3); MAC(a2, b2); MAC(a3, b1); SHIFT(t4);
    MAC(a2, b3); MAC(a3, b2); SHIFT(t5);
    MAC(a3, b3); SHIFT(t6);
    fe_reduce(r, t0, t1, t2, t3, t4, t5, t6, c0);
}

inline void fe_sqr(fe *r, const fe *a) {
    fe_mul(r, a, a);
}

inline void fe_set(fe *r, const fe *a) {
    r->v[0] = a->v[0]; r->v[1] = a->v[1]; r->v[2] = a->v[2]; r->v[3] = a->v[3];
}

/* adds carry * C twice so the value fits 256 bits */
inline void fe_fold(fe *r, ulong s0, ulong s1, ulong s2, ulong s3, ulong carry) {
    for (int k = 0; k < 2; k++) {
        ulong m = carry * FE_C;
        s0 += m; ulong x = (s0 < m);
        s1 += x; x = (s1 < x);
        s2 += x; x = (s2 < x);
        s3 += x; carry = (s3 < x);
    }
    r->v[0] = s0; r->v[1] = s1; r->v[2] = s2; r->v[3] = s3;
}

inline void fe_add(fe *r, const fe *a, const fe *b) {
    ulong s0 = a->v[0] + b->v[0]; ulong c = (s0 < a->v[0]);
    ulong s1 = a->v[1] + b->v[1]; ulong c1 = (s1 < a->v[1]); s1 += c; c = c1 + (s1 < c);
    ulong s2 = a->v[2] + b->v[2]; ulong c2 = (s2 < a->v[2]); s2 += c; c = c2 + (s2 < c);
    ulong s3 = a->v[3] + b->v[3]; ulong c3 = (s3 < a->v[3]); s3 += c; c = c3 + (s3 < c);
    fe_fold(r, s0, s1, s2, s3, c);
}

inline void fe_sub(fe *r, const fe *a, const fe *b) {
    ulong d0 = a->v[0] - b->v[0]; ulong bw = (a->v[0] < b->v[0]);
    ulong d1 = a->v[1] - b->v[1]; ulong bw1 = (a->v[1] < b->v[1]); bw1 += (d1 < bw); d1 -= bw;
    ulong d2 = a->v[2] - b->v[2]; ulong bw2 = (a->v[2] < b->v[2]); bw2 += (d2 < bw1); d2 -= bw1;
    ulong d3 = a->v[3] - b->v[3]; ulong bw3 = (a->v[3] < b->v[3]); bw3 += (d3 < bw2); d3 -= bw2;
    for (int k = 0; k < 2; k++) {
        ulong s = bw3 ? FE_C : 0;
        ulong x = (d0 < s); d0 -= s;
        ulong y = (d1 < x); d1 -= x;
        x = (d2 < y); d2 -= y;
        y = (d3 < x); d3 -= x;
        bw3 = y;
    }
    r->v[0] = d0; r->v[1] = d1; r->v[2] = d2; r->v[3] = d3;
}

/* into [0, p) */
inline void fe_norm(fe *r) {
    ulong s0 = r->v[0] + FE_C; ulong c = (s0 < FE_C);
    ulong s1 = r->v[1] + c; c = (s1 < c);
    ulong s2 = r->v[2] + c; c = (s2 < c);
    ulong s3 = r->v[3] + c; c = (s3 < c);
    if (c) { r->v[0] = s0; r->v[1] = s1; r->v[2] = s2; r->v[3] = s3; }
}

inline void fe_sqrn(fe *r, const fe *a, int n) {
    fe_sqr(r, a);
    for (int i = 1; i < n; i++) fe_sqr(r, r);
}

/* 1/a = a^(p-2), libsecp256k1's addition chain */
inline void fe_inv(fe *r, const fe *a) {
    fe x2, x3, x6, x9, x11, x22, x44, x88, x176, x220, x223, t;
    fe_sqr(&x2, a); fe_mul(&x2, &x2, a);
    fe_sqr(&x3, &x2); fe_mul(&x3, &x3, a);
    fe_sqrn(&x6, &x3, 3); fe_mul(&x6, &x6, &x3);
    fe_sqrn(&x9, &x6, 3); fe_mul(&x9, &x9, &x3);
    fe_sqrn(&x11, &x9, 2); fe_mul(&x11, &x11, &x2);
    fe_sqrn(&x22, &x11, 11); fe_mul(&x22, &x22, &x11);
    fe_sqrn(&x44, &x22, 22); fe_mul(&x44, &x44, &x22);
    fe_sqrn(&x88, &x44, 44); fe_mul(&x88, &x88, &x44);
    fe_sqrn(&x176, &x88, 88); fe_mul(&x176, &x176, &x88);
    fe_sqrn(&x220, &x176, 44); fe_mul(&x220, &x220, &x44);
    fe_sqrn(&x223, &x220, 3); fe_mul(&x223, &x223, &x3);
    fe_sqrn(&t, &x223, 23); fe_mul(&t, &t, &x22);
    fe_sqrn(&t, &t, 5); fe_mul(&t, &t, a);
    fe_sqrn(&t, &t, 3); fe_mul(&t, &t, &x2);
    fe_sqrn(&t, &t, 2); fe_mul(r, &t, a);
}

/* ---------------- SHA-512 */

__constant ulong VK[80] = {
    0x428a2f98d728ae22UL, 0x7137449123ef65cdUL, 0xb5c0fbcfec4d3b2fUL, 0xe9b5dba58189dbbcUL,
    0x3956c25bf348b538UL, 0x59f111f1b605d019UL, 0x923f82a4af194f9bUL, 0xab1c5ed5da6d8118UL,
    0xd807aa98a3030242UL, 0x12835b0145706fbeUL, 0x243185be4ee4b28cUL, 0x550c7dc3d5ffb4e2UL,
    0x72be5d74f27b896fUL, 0x80deb1fe3b1696b1UL, 0x9bdc06a725c71235UL, 0xc19bf174cf692694UL,
    0xe49b69c19ef14ad2UL, 0xefbe4786384f25e3UL, 0x0fc19dc68b8cd5b5UL, 0x240ca1cc77ac9c65UL,
    0x2de92c6f592b0275UL, 0x4a7484aa6ea6e483UL, 0x5cb0a9dcbd41fbd4UL, 0x76f988da831153b5UL,
    0x983e5152ee66dfabUL, 0xa831c66d2db43210UL, 0xb00327c898fb213fUL, 0xbf597fc7beef0ee4UL,
    0xc6e00bf33da88fc2UL, 0xd5a79147930aa725UL, 0x06ca6351e003826fUL, 0x142929670a0e6e70UL,
    0x27b70a8546d22ffcUL, 0x2e1b21385c26c926UL, 0x4d2c6dfc5ac42aedUL, 0x53380d139d95b3dfUL,
    0x650a73548baf63deUL, 0x766a0abb3c77b2a8UL, 0x81c2c92e47edaee6UL, 0x92722c851482353bUL,
    0xa2bfe8a14cf10364UL, 0xa81a664bbc423001UL, 0xc24b8b70d0f89791UL, 0xc76c51a30654be30UL,
    0xd192e819d6ef5218UL, 0xd69906245565a910UL, 0xf40e35855771202aUL, 0x106aa07032bbd1b8UL,
    0x19a4c116b8d2d0c8UL, 0x1e376c085141ab53UL, 0x2748774cdf8eeb99UL, 0x34b0bcb5e19b48a8UL,
    0x391c0cb3c5c95a63UL, 0x4ed8aa4ae3418acbUL, 0x5b9cca4f7763e373UL, 0x682e6ff3d6b2b8a3UL,
    0x748f82ee5defb2fcUL, 0x78a5636f43172f60UL, 0x84c87814a1f0ab72UL, 0x8cc702081a6439ecUL,
    0x90befffa23631e28UL, 0xa4506cebde82bde9UL, 0xbef9a3f7b2c67915UL, 0xc67178f2e372532bUL,
    0xca273eceea26619cUL, 0xd186b8c721c0c207UL, 0xeada7dd6cde0eb1eUL, 0xf57d4f7fee6ed178UL,
    0x06f067aa72176fbaUL, 0x0a637dc5a2c898a6UL, 0x113f9804bef90daeUL, 0x1b710b35131c471bUL,
    0x28db77f523047d84UL, 0x32caab7b40c72493UL, 0x3c9ebe0a15c9bebcUL, 0x431d67c49c100d4cUL,
    0x4cc5d4becb3e42b6UL, 0x597f299cfc657e2aUL, 0x5fcb6fab3ad6faecUL, 0x6c44198c4a475817UL
};

#define ROTR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))
#define S0(a) (ROTR64(a, 28) ^ ROTR64(a, 34) ^ ROTR64(a, 39))
#define S1(e) (ROTR64(e, 14) ^ ROTR64(e, 18) ^ ROTR64(e, 41))
#define s0(w) (ROTR64(w, 1) ^ ROTR64(w, 8) ^ ((w) >> 7))
#define s1(w) (ROTR64(w, 19) ^ ROTR64(w, 61) ^ ((w) >> 6))

/* rounds first..79 on state s with the 16 message words w (the schedule is expanded in place) */
inline void sha512_rounds(ulong *s, ulong *w, int first) {
    ulong a = s[0], b = s[1], c = s[2], d = s[3], e = s[4], f = s[5], g = s[6], h = s[7];
    for (int t = first; t < 80; t++) {
        ulong wt;
        if (t < 16) {
            wt = w[t];
        } else {
            wt = s1(w[(t - 2) & 15]) + w[(t - 7) & 15] + s0(w[(t - 15) & 15]) + w[t & 15];
            w[t & 15] = wt;
        }
        ulong t1 = h + S1(e) + ((e & f) ^ (~e & g)) + VK[t] + wt;
        ulong t2 = S0(a) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    s[0] = a; s[1] = b; s[2] = c; s[3] = d; s[4] = e; s[5] = f; s[6] = g; s[7] = h;
}

/* ---------------- RIPEMD-160 */

#define ROL32(x, n) rotate((uint)(x), (uint)(n))
#define F1(x, y, z) ((x) ^ (y) ^ (z))
#define F2(x, y, z) (((x) & (y)) | (~(x) & (z)))
#define F3(x, y, z) (((x) | ~(y)) ^ (z))
#define F4(x, y, z) (((x) & (z)) | ((y) & ~(z)))
#define F5(x, y, z) ((x) ^ ((y) | ~(z)))

__constant uchar RL[80] = {
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
    3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12,
    1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2,
    4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13};
__constant uchar RR[80] = {
    5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12,
    6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2,
    15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13,
    8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14,
    12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11};
__constant uchar SL[80] = {
    11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8,
    7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12,
    11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5,
    11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12,
    9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6};
__constant uchar SR[80] = {
    8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6,
    9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11,
    9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5,
    15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8,
    8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11};

inline uint rmd_f(int j, uint x, uint y, uint z) {
    switch (j >> 4) {
        case 0: return F1(x, y, z);
        case 1: return F2(x, y, z);
        case 2: return F3(x, y, z);
        case 3: return F4(x, y, z);
        default: return F5(x, y, z);
    }
}

__constant uint KLC[5] = {0x00000000u, 0x5A827999u, 0x6ED9EBA1u, 0x8F1BBCDCu, 0xA953FD4Eu};
__constant uint KRC[5] = {0x50A28BE6u, 0x5C4DD124u, 0x6D703EF3u, 0x7A6D76E9u, 0x00000000u};

inline void rmd_block(uint *h, const uint *x) {
    uint al = h[0], bl = h[1], cl = h[2], dl = h[3], el = h[4];
    uint ar = al, br = bl, cr = cl, dr = dl, er = el;
    for (int j = 0; j < 80; j++) {
        uint t = ROL32(al + rmd_f(j, bl, cl, dl) + x[RL[j]] + KLC[j >> 4], SL[j]) + el;
        al = el; el = dl; dl = ROL32(cl, 10); cl = bl; bl = t;
        t = ROL32(ar + rmd_f(79 - j, br, cr, dr) + x[RR[j]] + KRC[j >> 4], SR[j]) + er;
        ar = er; er = dr; dr = ROL32(cr, 10); cr = br; br = t;
    }
    uint t = h[1] + cl + dr;
    h[1] = h[2] + dl + er;
    h[2] = h[3] + el + ar;
    h[3] = h[4] + al + br;
    h[4] = h[0] + bl + cr;
    h[0] = t;
}

/* ripe words (little-endian bytes) of the candidate (x, y), both normalized */
inline void candidate_ripe(__global const ulong *sig, const fe *x, const fe *y, uint *r) {
    ulong w[16];
    ulong s[8];
    for (int i = 0; i < 8; i++) { w[i] = sig[8 + i]; s[i] = sig[i]; }
    ulong x3 = x->v[3], x2 = x->v[2], x1 = x->v[1], x0 = x->v[0];
    ulong y3 = y->v[3], y2 = y->v[2], y1 = y->v[1], y0 = y->v[0];
    w[8] = sig[16] | (x3 >> 16);
    w[9] = (x3 << 48) | (x2 >> 16);
    w[10] = (x2 << 48) | (x1 >> 16);
    w[11] = (x1 << 48) | (x0 >> 16);
    w[12] = (x0 << 48) | (y3 >> 16);
    w[13] = (y3 << 48) | (y2 >> 16);
    w[14] = (y2 << 48) | (y1 >> 16);
    w[15] = (y1 << 48) | (y0 >> 16);
    sha512_rounds(s, w, 8);
    ulong m[8];
    /* SHA-512 IV */
    m[0] = s[0] + 0x6a09e667f3bcc908UL; m[1] = s[1] + 0xbb67ae8584caa73bUL;
    m[2] = s[2] + 0x3c6ef372fe94f82bUL; m[3] = s[3] + 0xa54ff53a5f1d36f1UL;
    m[4] = s[4] + 0x510e527fade682d1UL; m[5] = s[5] + 0x9b05688c2b3e6c1fUL;
    m[6] = s[6] + 0x1f83d9abfb41bd6bUL; m[7] = s[7] + 0x5be0cd19137e2179UL;
    w[0] = (y0 << 48) | 0x0000800000000000UL;
    for (int i = 1; i < 15; i++) w[i] = 0;
    w[15] = 130 * 8;
    for (int i = 0; i < 8; i++) s[i] = m[i];
    sha512_rounds(s, w, 0);
    uint xm[16];
    for (int i = 0; i < 8; i++) {
        ulong d = m[i] + s[i];
        xm[2 * i] = as_uint(as_uchar4((uint)(d >> 32)).wzyx);
        xm[2 * i + 1] = as_uint(as_uchar4((uint) d).wzyx);
    }
    r[0] = 0x67452301u; r[1] = 0xefcdab89u; r[2] = 0x98badcfeu; r[3] = 0x10325476u; r[4] = 0xc3d2e1f0u;
    rmd_block(r, xm);
    uint pad[16];
    for (int i = 0; i < 16; i++) pad[i] = 0;
    pad[0] = 0x80u;
    pad[14] = 512u;
    rmd_block(r, pad);
}

inline uint bswap32(uint v) {
    return as_uint(as_uchar4(v).wzyx);
}

inline int cmp3(ulong a1, ulong b1, ulong c1, ulong a2, ulong b2, ulong c2) {
    if (a1 != a2) return a1 < a2 ? -1 : 1;
    if (b1 != b2) return b1 < b2 ? -1 : 1;
    if (c1 != c2) return c1 < c2 ? -1 : 1;
    return 0;
}

/* 1 when the candidate should go to the host */
inline int candidate_test(const uint *r, uint zeroBytes, __global const ulong *ranges, uint nranges) {
    ulong q0 = bswap32(r[0]), q1 = bswap32(r[1]), q2 = bswap32(r[2]), q3 = bswap32(r[3]);
    ulong c = bswap32(r[4]);
    ulong a = (q0 << 32) | q1;
    ulong b = (q2 << 32) | q3;
    uint zero = a != 0 ? (uint) clz(a) >> 3 : b != 0 ? 8 + ((uint) clz(b) >> 3) : 16 + (((uint) clz(c) - 32) >> 3);
    if (zero < zeroBytes) return 0;
    if (zero > zeroBytes || nranges == 0) return 1;
    for (uint i = 0; i < nranges; i++) {
        __global const ulong *g = ranges + 6 * i;
        if (cmp3(a, b, c, g[0], g[1], g[2]) >= 0 && cmp3(a, b, c, g[3], g[4], g[5]) <= 0) return 1;
    }
    return 0;
}

inline void report(__global uint *hits, uint gid, int offset) {
    uint slot = atomic_inc(hits);
    if (slot < VMAXHITS) {
        hits[1 + 2 * slot] = gid;
        hits[2 + 2 * slot] = (uint) offset;
    }
}

inline void load_fe(fe *r, __global const ulong *p) {
    r->v[0] = p[0]; r->v[1] = p[1]; r->v[2] = p[2]; r->v[3] = p[3];
}

__kernel void vanity_walk(__global ulong *pts, __global const ulong *tab, __global const ulong *sig,
        __global const ulong *ranges, uint nranges, uint zeroBytes, __global uint *hits, __global int *status) {
    uint gid = get_global_id(0);
    fe px, py;
    load_fe(&px, pts + 8 * gid);
    load_fe(&py, pts + 8 * gid + 4);
    fe dx[VHALF + 1];
    fe acc[VHALF + 1];
    fe t, u, lam, x3, y3, tx, ty;
    for (int i = 0; i <= VHALF; i++) {
        load_fe(&tx, tab + 8 * i);
        fe_sub(&dx[i], &tx, &px);
    }
    fe_set(&acc[0], &dx[0]);
    for (int i = 1; i <= VHALF; i++) fe_mul(&acc[i], &acc[i - 1], &dx[i]);
    fe_set(&t, &acc[VHALF]);
    fe_norm(&t);
    if ((t.v[0] | t.v[1] | t.v[2] | t.v[3]) == 0) {
        status[gid] = 1;
        return;
    }
    status[gid] = 0;
    fe_inv(&t, &t);
    for (int i = VHALF; i >= 1; i--) {
        fe_mul(&u, &t, &acc[i - 1]);
        fe_mul(&t, &t, &dx[i]);
        fe_set(&dx[i], &u);
    }
    fe_set(&dx[0], &t);
    uint r[5];
    candidate_ripe(sig, &px, &py, r);
    if (candidate_test(r, zeroBytes, ranges, nranges)) report(hits, gid, 0);
    for (int i = 0; i < VHALF; i++) {
        load_fe(&tx, tab + 8 * i);
        load_fe(&ty, tab + 8 * i + 4);
        /* C + (i+1)G */
        fe_sub(&u, &ty, &py);
        fe_mul(&lam, &u, &dx[i]);
        fe_sqr(&x3, &lam);
        fe_sub(&x3, &x3, &px);
        fe_sub(&x3, &x3, &tx);
        fe_sub(&u, &px, &x3);
        fe_mul(&y3, &lam, &u);
        fe_sub(&y3, &y3, &py);
        fe_norm(&x3);
        fe_norm(&y3);
        candidate_ripe(sig, &x3, &y3, r);
        if (candidate_test(r, zeroBytes, ranges, nranges)) report(hits, gid, i + 1);
        /* C - (i+1)G */
        fe_add(&u, &ty, &py);
        fe_mul(&lam, &u, &dx[i]);
        fe_sqr(&x3, &lam);
        fe_sub(&x3, &x3, &px);
        fe_sub(&x3, &x3, &tx);
        fe_sub(&u, &x3, &px);
        fe_mul(&y3, &lam, &u);
        fe_sub(&y3, &y3, &py);
        fe_norm(&x3);
        fe_norm(&y3);
        candidate_ripe(sig, &x3, &y3, r);
        if (candidate_test(r, zeroBytes, ranges, nranges)) report(hits, gid, -(i + 1));
    }
    /* jump to C + VBATCH*G */
    load_fe(&tx, tab + 8 * VHALF);
    load_fe(&ty, tab + 8 * VHALF + 4);
    fe_sub(&u, &ty, &py);
    fe_mul(&lam, &u, &dx[VHALF]);
    fe_sqr(&x3, &lam);
    fe_sub(&x3, &x3, &px);
    fe_sub(&x3, &x3, &tx);
    fe_sub(&u, &px, &x3);
    fe_mul(&y3, &lam, &u);
    fe_sub(&y3, &y3, &py);
    fe_norm(&x3);
    fe_norm(&y3);
    __global ulong *out = pts + 8 * gid;
    for (int i = 0; i < 4; i++) { out[i] = x3.v[i]; out[4 + i] = y3.v[i]; }
}
