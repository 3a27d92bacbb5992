/*
 * bmtool's native proof-of-work search: SHA512(SHA512(nonce || initialHash)) for LANES nonces
 * at once, one 64-bit lane per nonce. One source, compiled once per instruction set (see
 * build.sh): BM_AVX512 (8 lanes, with rotate and three-input logic instructions), BM_AVX2
 * (4 lanes, and a fifth nonce in general-purpose registers) or neither (1 lane, portable C).
 * pow.c picks the best one the CPU runs.
 */
#include <stddef.h>
#include <stdint.h>
#include "pow.h"

#if defined(BM_AVX512)
#include <immintrin.h>
typedef __m512i V;
#define LANES 8
#define SEARCH bm_search_avx512
#define ADD(a, b) _mm512_add_epi64(a, b)
#define SET1(c) _mm512_set1_epi64((long long) (c))
#define ROR(x, n) _mm512_ror_epi64(x, n)
#define SHR(x, n) _mm512_srli_epi64(x, n)
#define XOR3(a, b, c) _mm512_ternarylogic_epi64(a, b, c, 0x96)
#define CH(e, f, g) _mm512_ternarylogic_epi64(e, f, g, 0xCA)
#define MAJ(a, b, c) _mm512_ternarylogic_epi64(a, b, c, 0xE8)
#define STORE(p, v) _mm512_storeu_si512((void *) (p), v)
#define IOTA _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0)
#elif defined(BM_AVX2)
#include <immintrin.h>
typedef __m256i V;
#define LANES 4
#define SEARCH bm_search_avx2
#define ADD(a, b) _mm256_add_epi64(a, b)
#define SET1(c) _mm256_set1_epi64x((long long) (c))
#define ROR(x, n) _mm256_or_si256(_mm256_srli_epi64(x, n), _mm256_slli_epi64(x, 64 - (n)))
#define SHR(x, n) _mm256_srli_epi64(x, n)
#define XOR3(a, b, c) _mm256_xor_si256(_mm256_xor_si256(a, b), c)
#define CH(e, f, g) _mm256_xor_si256(g, _mm256_and_si256(e, _mm256_xor_si256(f, g)))
#define MAJ(a, b, c) _mm256_or_si256(_mm256_and_si256(a, b), _mm256_and_si256(c, _mm256_or_si256(a, b)))
#define STORE(p, v) _mm256_storeu_si256((__m256i *) (p), v)
#define IOTA _mm256_set_epi64x(3, 2, 1, 0)
#else
typedef uint64_t V;
#define LANES 1
#define SEARCH bm_search_generic
#define ADD(a, b) ((a) + (b))
#define SET1(c) ((uint64_t) (c))
#define ROR(x, n) (((x) >> (n)) | ((x) << (64 - (n))))
#define SHR(x, n) ((x) >> (n))
#define XOR3(a, b, c) ((a) ^ (b) ^ (c))
#define CH(e, f, g) ((g) ^ ((e) & ((f) ^ (g))))
#define MAJ(a, b, c) (((a) & (b)) | ((c) & ((a) | (b))))
#define STORE(p, v) (*(p) = (v))
#define IOTA ((uint64_t) 0)
#endif

#define BSIG0(x) XOR3(ROR(x, 28), ROR(x, 34), ROR(x, 39))
#define BSIG1(x) XOR3(ROR(x, 14), ROR(x, 18), ROR(x, 41))
#define SSIG0(x) XOR3(ROR(x, 1), ROR(x, 8), SHR(x, 7))
#define SSIG1(x) XOR3(ROR(x, 19), ROR(x, 61), SHR(x, 6))
/* The same in general-purpose registers (the AVX2 build's extra scalar lane). */
#define S_ROR(x, n) (((x) >> (n)) | ((x) << (64 - (n))))
#define S_BSIG0(x) (S_ROR(x, 28) ^ S_ROR(x, 34) ^ S_ROR(x, 39))
#define S_BSIG1(x) (S_ROR(x, 14) ^ S_ROR(x, 18) ^ S_ROR(x, 41))
#define S_SSIG0(x) (S_ROR(x, 1) ^ S_ROR(x, 8) ^ ((x) >> 7))
#define S_SSIG1(x) (S_ROR(x, 19) ^ S_ROR(x, 61) ^ ((x) >> 6))

/* The same on one word, for what is the same in every lane (worked out once per call). */
static inline uint64_t ror1(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
static inline uint64_t bsig0(uint64_t x) { return ror1(x, 28) ^ ror1(x, 34) ^ ror1(x, 39); }
static inline uint64_t bsig1(uint64_t x) { return ror1(x, 14) ^ ror1(x, 18) ^ ror1(x, 41); }
static inline uint64_t ssig0(uint64_t x) { return ror1(x, 1) ^ ror1(x, 8) ^ (x >> 7); }
static inline uint64_t ssig1(uint64_t x) { return ror1(x, 19) ^ ror1(x, 61) ^ (x >> 6); }

/*
 * One round, with kw = K[i] + W[i] (one vector: a constant for the message words that are the
 * same in every lane). The caller rotates the names instead of moving eight registers.
 */
#define RND(a, b, c, d, e, f, g, h, kw) do { \
        V t1_ = ADD(ADD(h, BSIG1(e)), ADD(CH(e, f, g), kw)); \
        V t2_ = ADD(BSIG0(a), MAJ(a, b, c)); \
        d = ADD(d, t1_); \
        h = ADD(t1_, t2_); \
    } while (0)

#define ROUNDS8(kw, i) do { \
        RND(a, b, c, d, e, f, g, h, kw[(i)]); \
        RND(h, a, b, c, d, e, f, g, kw[(i) + 1]); \
        RND(g, h, a, b, c, d, e, f, kw[(i) + 2]); \
        RND(f, g, h, a, b, c, d, e, kw[(i) + 3]); \
        RND(e, f, g, h, a, b, c, d, kw[(i) + 4]); \
        RND(d, e, f, g, h, a, b, c, kw[(i) + 5]); \
        RND(c, d, e, f, g, h, a, b, kw[(i) + 6]); \
        RND(b, c, d, e, f, g, h, a, kw[(i) + 7]); \
    } while (0)

/* Digest words 1..7 (the IV added) from the final state, vector or scalar (the first word is returned). */
#define DIGEST_1_TO_7(out, b, c, d, e, f, g, h, ADD_, SET1_) do { \
        out[1] = ADD_(b, SET1_(bm_iv[1])); \
        out[2] = ADD_(c, SET1_(bm_iv[2])); \
        out[3] = ADD_(d, SET1_(bm_iv[3])); \
        out[4] = ADD_(e, SET1_(bm_iv[4])); \
        out[5] = ADD_(f, SET1_(bm_iv[5])); \
        out[6] = ADD_(g, SET1_(bm_iv[6])); \
        out[7] = ADD_(h, SET1_(bm_iv[7])); \
    } while (0)

/*
 * Rounds 1..79 from the state after round 0, whose only input that differs between lanes is
 * W[0]: with the IV as the state, round 0 adds W[0] to two constants (r0a, r0e; see SEARCH).
 * Returns the first state word; the other seven go to out[1..7] when out is not NULL.
 */
static inline V rounds_from_1(V w0, const uint64_t r0[2], const V *kw, V *out) {
    V a = SET1(bm_iv[0]), b = SET1(bm_iv[1]), c = SET1(bm_iv[2]), d = ADD(w0, SET1(r0[1]));
    V e = SET1(bm_iv[4]), f = SET1(bm_iv[5]), g = SET1(bm_iv[6]), h = ADD(w0, SET1(r0[0]));
    /* after round 0 the names are rotated by one: h holds the new a, d the new e */
    RND(h, a, b, c, d, e, f, g, kw[1]);
    RND(g, h, a, b, c, d, e, f, kw[2]);
    RND(f, g, h, a, b, c, d, e, kw[3]);
    RND(e, f, g, h, a, b, c, d, kw[4]);
    RND(d, e, f, g, h, a, b, c, kw[5]);
    RND(c, d, e, f, g, h, a, b, kw[6]);
    RND(b, c, d, e, f, g, h, a, kw[7]);
    for (int i = 8; i < 80; i += 8) {
        ROUNDS8(kw, i);
    }
    if (out) {
        DIGEST_1_TO_7(out, b, c, d, e, f, g, h, ADD, SET1);
    }
    return ADD(a, SET1(bm_iv[0]));
}

static inline void general_schedule(V *w, V *kw, int from) {
    for (int t = from; t < 80; t++) {
        w[t] = ADD(ADD(SSIG1(w[t - 2]), w[t - 7]), ADD(SSIG0(w[t - 15]), w[t - 16]));
        kw[t] = ADD(w[t], SET1(bm_k[t]));
    }
}

/*
 * The lane-dependent parts of the two schedules and their K + W words, written once for the
 * vector lanes and once more (AVX2) for the scalar lane: ADD_, SET1_, SSIG1_ and SSIG0_ are the
 * vector or the scalar operations. Inner words 16..37 from the nonce n_ and the constants
 * c16..c37 of SEARCH (words 17, 19 and 21 are constant, their kw set once per call); outer words
 * 16..31 and 1..7, where words 8..15 are the padding.
 */
#define INNER_HEAD(w, kw, n_, ADD_, SET1_, SSIG1_, SSIG0_) do { \
        w[16] = ADD_(n_, SET1_(c16)); \
        w[18] = ADD_(SSIG1_(w[16]), SET1_(c18)); \
        w[20] = ADD_(SSIG1_(w[18]), SET1_(c20)); \
        w[22] = ADD_(SSIG1_(w[20]), SET1_(c22)); \
        w[23] = ADD_(w[16], SET1_(c23)); \
        w[24] = ADD_(SSIG1_(w[22]), SET1_(c24)); \
        w[25] = ADD_(ADD_(SSIG1_(w[23]), w[18]), SET1_(c25)); \
        w[26] = ADD_(SSIG1_(w[24]), SET1_(c26)); \
        w[27] = ADD_(ADD_(SSIG1_(w[25]), w[20]), SET1_(c27)); \
        w[28] = ADD_(SSIG1_(w[26]), SET1_(c28)); \
        w[29] = ADD_(ADD_(SSIG1_(w[27]), w[22]), SET1_(c29)); \
        w[30] = ADD_(ADD_(SSIG1_(w[28]), w[23]), SET1_(c30)); \
        w[31] = ADD_(ADD_(SSIG1_(w[29]), w[24]), ADD_(SSIG0_(w[16]), SET1_(c31))); \
        w[32] = ADD_(ADD_(SSIG1_(w[30]), w[25]), ADD_(w[16], SET1_(c32))); \
        w[33] = ADD_(ADD_(SSIG1_(w[31]), w[26]), ADD_(SSIG0_(w[18]), SET1_(c33))); \
        w[34] = ADD_(ADD_(SSIG1_(w[32]), w[27]), ADD_(w[18], SET1_(c34))); \
        w[35] = ADD_(ADD_(SSIG1_(w[33]), w[28]), ADD_(SSIG0_(w[20]), SET1_(c35))); \
        w[36] = ADD_(ADD_(SSIG1_(w[34]), w[29]), ADD_(w[20], SET1_(c36))); \
        w[37] = ADD_(ADD_(SSIG1_(w[35]), w[30]), ADD_(SSIG0_(w[22]), SET1_(c37))); \
        kw[16] = ADD_(w[16], SET1_(bm_k[16])); \
        kw[18] = ADD_(w[18], SET1_(bm_k[18])); \
        kw[20] = ADD_(w[20], SET1_(bm_k[20])); \
        for (int t_ = 22; t_ < 38; t_++) { \
            kw[t_] = ADD_(w[t_], SET1_(bm_k[t_])); \
        } \
    } while (0)
#define OUTER_HEAD(o, okw, ADD_, SET1_, SSIG1_, SSIG0_) do { \
        o[16] = ADD_(SSIG0_(o[1]), o[0]); \
        o[17] = ADD_(ADD_(SSIG0_(o[2]), o[1]), SET1_(oc17)); \
        o[18] = ADD_(ADD_(SSIG1_(o[16]), SSIG0_(o[3])), o[2]); \
        o[19] = ADD_(ADD_(SSIG1_(o[17]), SSIG0_(o[4])), o[3]); \
        o[20] = ADD_(ADD_(SSIG1_(o[18]), SSIG0_(o[5])), o[4]); \
        o[21] = ADD_(ADD_(SSIG1_(o[19]), SSIG0_(o[6])), o[5]); \
        o[22] = ADD_(ADD_(SSIG1_(o[20]), SSIG0_(o[7])), ADD_(o[6], SET1_(bits))); \
        o[23] = ADD_(ADD_(SSIG1_(o[21]), o[16]), ADD_(o[7], SET1_(oc23))); \
        o[24] = ADD_(ADD_(SSIG1_(o[22]), o[17]), SET1_(pad)); \
        o[25] = ADD_(SSIG1_(o[23]), o[18]); \
        o[26] = ADD_(SSIG1_(o[24]), o[19]); \
        o[27] = ADD_(SSIG1_(o[25]), o[20]); \
        o[28] = ADD_(SSIG1_(o[26]), o[21]); \
        o[29] = ADD_(SSIG1_(o[27]), o[22]); \
        o[30] = ADD_(ADD_(SSIG1_(o[28]), o[23]), SET1_(oc30)); \
        o[31] = ADD_(ADD_(SSIG1_(o[29]), o[24]), ADD_(SSIG0_(o[16]), SET1_(bits))); \
        for (int t_ = 1; t_ < 8; t_++) { \
            okw[t_] = ADD_(o[t_], SET1_(bm_k[t_])); \
        } \
        for (int t_ = 16; t_ < 32; t_++) { \
            okw[t_] = ADD_(o[t_], SET1_(bm_k[t_])); \
        } \
    } while (0)

#if defined(BM_AVX2)
#define PASS (LANES + 1) /* nonces per pass: the vector lanes and one scalar lane */
#define S_ADD(a, b) ((a) + (b))
#define S_SET1(c) ((uint64_t) (c))

static inline void h_general_schedule(V *w, V *kw, uint64_t *sw, uint64_t *skw, int from) {
    for (int t = from; t < 80; t++) {
        w[t] = ADD(ADD(SSIG1(w[t - 2]), w[t - 7]), ADD(SSIG0(w[t - 15]), w[t - 16]));
        sw[t] = S_SSIG1(sw[t - 2]) + sw[t - 7] + S_SSIG0(sw[t - 15]) + sw[t - 16];
        kw[t] = ADD(w[t], SET1(bm_k[t]));
        skw[t] = sw[t] + bm_k[t];
    }
}
#else
#define PASS LANES
#endif


#if defined(BM_AVX2)
/*
 * AVX2 has no 64-bit rotate and no three-input logic, so a vector round takes about three times
 * the instructions of the AVX-512 one and leaves the scalar ALUs idle. The hybrid search runs one
 * more nonce per pass in general-purpose registers, interleaved round by round with the four
 * vector lanes, so both kinds of execution unit work at once.
 */
#define S_RND(a, b, c, d, e, f, g, h, kw) do { \
        uint64_t t1_ = h + S_BSIG1(e) + ((g) ^ ((e) & ((f) ^ (g)))) + (kw); \
        uint64_t t2_ = S_BSIG0(a) + (((a) & (b)) | ((c) & ((a) | (b)))); \
        d += t1_; \
        h = t1_ + t2_; \
    } while (0)
#define H_RND(a, b, c, d, e, f, g, h, sa, sb, sc, sd, se, sf, sg, sh, i) do { \
        RND(a, b, c, d, e, f, g, h, kw[i]); \
        S_RND(sa, sb, sc, sd, se, sf, sg, sh, skw[i]); \
    } while (0)

/* rounds_from_1 for the vector lanes and the scalar one together. */
static inline V h_rounds_from_1(V w0, uint64_t sw0, const uint64_t r0[2], const V *kw, const uint64_t *skw,
                                V *out, uint64_t *sout, uint64_t *sfirst) {
    V a = SET1(bm_iv[0]), b = SET1(bm_iv[1]), c = SET1(bm_iv[2]), d = ADD(w0, SET1(r0[1]));
    V e = SET1(bm_iv[4]), f = SET1(bm_iv[5]), g = SET1(bm_iv[6]), h = ADD(w0, SET1(r0[0]));
    uint64_t sa = bm_iv[0], sb = bm_iv[1], sc = bm_iv[2], sd = sw0 + r0[1];
    uint64_t se = bm_iv[4], sf = bm_iv[5], sg = bm_iv[6], sh = sw0 + r0[0];
    H_RND(h, a, b, c, d, e, f, g, sh, sa, sb, sc, sd, se, sf, sg, 1);
    H_RND(g, h, a, b, c, d, e, f, sg, sh, sa, sb, sc, sd, se, sf, 2);
    H_RND(f, g, h, a, b, c, d, e, sf, sg, sh, sa, sb, sc, sd, se, 3);
    H_RND(e, f, g, h, a, b, c, d, se, sf, sg, sh, sa, sb, sc, sd, 4);
    H_RND(d, e, f, g, h, a, b, c, sd, se, sf, sg, sh, sa, sb, sc, 5);
    H_RND(c, d, e, f, g, h, a, b, sc, sd, se, sf, sg, sh, sa, sb, 6);
    H_RND(b, c, d, e, f, g, h, a, sb, sc, sd, se, sf, sg, sh, sa, 7);
    for (int i = 8; i < 80; i += 8) {
        H_RND(a, b, c, d, e, f, g, h, sa, sb, sc, sd, se, sf, sg, sh, i);
        H_RND(h, a, b, c, d, e, f, g, sh, sa, sb, sc, sd, se, sf, sg, i + 1);
        H_RND(g, h, a, b, c, d, e, f, sg, sh, sa, sb, sc, sd, se, sf, i + 2);
        H_RND(f, g, h, a, b, c, d, e, sf, sg, sh, sa, sb, sc, sd, se, i + 3);
        H_RND(e, f, g, h, a, b, c, d, se, sf, sg, sh, sa, sb, sc, sd, i + 4);
        H_RND(d, e, f, g, h, a, b, c, sd, se, sf, sg, sh, sa, sb, sc, i + 5);
        H_RND(c, d, e, f, g, h, a, b, sc, sd, se, sf, sg, sh, sa, sb, i + 6);
        H_RND(b, c, d, e, f, g, h, a, sb, sc, sd, se, sf, sg, sh, sa, i + 7);
    }
    if (out) {
        DIGEST_1_TO_7(out, b, c, d, e, f, g, h, ADD, SET1);
        DIGEST_1_TO_7(sout, sb, sc, sd, se, sf, sg, sh, S_ADD, S_SET1);
    }
    *sfirst = sa + bm_iv[0];
    return ADD(a, SET1(bm_iv[0]));
}
#endif

int64_t SEARCH(const uint64_t ih[8], uint64_t target, uint64_t start, uint64_t count, uint64_t *value) {
    /* Inner block: nonce, the 8 words of the initial hash, padding, length 72 bytes. Words
     * 1..15 are the same in every lane, and so are parts of words 16..37: c[t] below. */
    uint64_t m[16] = {0};
    for (int t = 1; t <= 8; t++) {
        m[t] = ih[t - 1];
    }
    m[9] = 0x8000000000000000ULL;
    m[15] = 72 * 8;
    uint64_t w17 = ssig1(m[15]) + m[10] + ssig0(m[2]) + m[1];
    uint64_t w19 = ssig1(w17) + m[12] + ssig0(m[4]) + m[3];
    uint64_t w21 = ssig1(w19) + m[14] + ssig0(m[6]) + m[5];
    uint64_t c16 = ssig1(m[14]) + m[9] + ssig0(m[1]);
    uint64_t c18 = m[11] + ssig0(m[3]) + m[2];
    uint64_t c20 = m[13] + ssig0(m[5]) + m[4];
    uint64_t c22 = m[15] + ssig0(m[7]) + m[6];
    uint64_t c23 = ssig1(w21) + ssig0(m[8]) + m[7];
    uint64_t c24 = w17 + ssig0(m[9]) + m[8];
    uint64_t c25 = ssig0(m[10]) + m[9];
    uint64_t c26 = w19 + ssig0(m[11]) + m[10];
    uint64_t c27 = ssig0(m[12]) + m[11];
    uint64_t c28 = w21 + ssig0(m[13]) + m[12];
    uint64_t c29 = ssig0(m[14]) + m[13];
    uint64_t c30 = ssig0(m[15]) + m[14];
    uint64_t c31 = m[15];
    uint64_t c32 = ssig0(w17);
    uint64_t c33 = w17;
    uint64_t c34 = ssig0(w19);
    uint64_t c35 = w19;
    uint64_t c36 = ssig0(w21);
    uint64_t c37 = w21;

    /* Round 0 from the IV: t1 = IV7 + S1(IV4) + Ch(IV4, IV5, IV6) + K0 + W0, t2 = S0(IV0) + Maj(IV0..2);
     * new a = t1 + t2, new e = IV3 + t1. The same for the outer block. */
    uint64_t t1c = bm_iv[7] + bsig1(bm_iv[4]) + ((bm_iv[4] & bm_iv[5]) ^ (~bm_iv[4] & bm_iv[6])) + bm_k[0];
    uint64_t t2c = bsig0(bm_iv[0]) + ((bm_iv[0] & bm_iv[1]) ^ (bm_iv[0] & bm_iv[2]) ^ (bm_iv[1] & bm_iv[2]));
    uint64_t r0[2] = {t1c + t2c, bm_iv[3] + t1c};

    V w[80], kw[80], o[80], okw[80];
    for (int t = 1; t < 16; t++) {
        kw[t] = SET1(bm_k[t] + m[t]);
    }
    kw[17] = SET1(bm_k[17] + w17);
    kw[19] = SET1(bm_k[19] + w19);
    kw[21] = SET1(bm_k[21] + w21);
#if defined(BM_AVX2)
    uint64_t sw[80], skw[80], so[80], sokw[80];
    for (int t = 1; t < 16; t++) {
        skw[t] = bm_k[t] + m[t];
    }
    skw[17] = bm_k[17] + w17;
    skw[19] = bm_k[19] + w19;
    skw[21] = bm_k[21] + w21;
#endif

    /* Outer block: the 8 digest words, then padding and length 64 bytes, the same in every lane. */
    const uint64_t pad = 0x8000000000000000ULL, bits = 64 * 8;
    okw[8] = SET1(bm_k[8] + pad);
    for (int t = 9; t < 15; t++) {
        okw[t] = SET1(bm_k[t]);
    }
    okw[15] = SET1(bm_k[15] + bits);
#if defined(BM_AVX2)
    sokw[8] = bm_k[8] + pad;
    for (int t = 9; t < 15; t++) {
        sokw[t] = bm_k[t];
    }
    sokw[15] = bm_k[15] + bits;
#endif
    const uint64_t oc17 = ssig1(bits), oc23 = ssig0(pad), oc30 = ssig0(bits);

    uint64_t lanes[PASS];
    for (uint64_t done = 0; done < count; done += PASS) {
        V n = ADD(SET1(start + done), IOTA);
#if defined(BM_AVX2)
        uint64_t sn = start + done + LANES; /* the scalar lane: the nonce after the vector's */
        INNER_HEAD(sw, skw, sn, S_ADD, S_SET1, S_SSIG1, S_SSIG0);
#endif
        INNER_HEAD(w, kw, n, ADD, SET1, SSIG1, SSIG0);
        /* general_schedule reads w[t-15] and w[t-16] down to t = 38: words 22..37 only */
#if defined(BM_AVX2)
        h_general_schedule(w, kw, sw, skw, 38);
        o[0] = h_rounds_from_1(n, sn, r0, kw, skw, o, so, &so[0]);
        OUTER_HEAD(so, sokw, S_ADD, S_SET1, S_SSIG1, S_SSIG0);
#else
        general_schedule(w, kw, 38);
        o[0] = rounds_from_1(n, r0, kw, o);
#endif

        OUTER_HEAD(o, okw, ADD, SET1, SSIG1, SSIG0);
#if defined(BM_AVX2)
        h_general_schedule(o, okw, so, sokw, 32);
        STORE(lanes, h_rounds_from_1(o[0], so[0], r0, okw, sokw, NULL, NULL, &lanes[LANES]));
#else
        general_schedule(o, okw, 32);
        STORE(lanes, rounds_from_1(o[0], r0, okw, NULL));
#endif

        uint64_t left = count - done;
        int valid = left < PASS ? (int) left : PASS;
        for (int i = 0; i < valid; i++) {
            if (lanes[i] <= target) {
                *value = lanes[i];
                return (int64_t) (done + (uint64_t) i);
            }
        }
    }
    return -1;
}
