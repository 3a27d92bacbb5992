/*
 * bmtool's native proof-of-work search: SHA512(SHA512(nonce || initialHash)) for LANES nonces
 * at once, one 64-bit lane per nonce. One source, compiled once per instruction set (see
 * build.sh): BM_AVX512 (8 lanes, with rotate and three-input logic instructions), BM_AVX2
 * (4 lanes) or neither (1 lane, portable C). pow.c picks the best one the CPU runs.
 */
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

/* One round; the caller rotates the names instead of moving eight registers. */
#define RND(a, b, c, d, e, f, g, h, i) do { \
        V t1_ = ADD(ADD(ADD(h, BSIG1(e)), ADD(CH(e, f, g), SET1(bm_k[i]))), w[i]); \
        V t2_ = ADD(BSIG0(a), MAJ(a, b, c)); \
        d = ADD(d, t1_); \
        h = ADD(t1_, t2_); \
    } while (0)

#define ROUNDS8(i) do { \
        RND(a, b, c, d, e, f, g, h, (i)); \
        RND(h, a, b, c, d, e, f, g, (i) + 1); \
        RND(g, h, a, b, c, d, e, f, (i) + 2); \
        RND(f, g, h, a, b, c, d, e, (i) + 3); \
        RND(e, f, g, h, a, b, c, d, (i) + 4); \
        RND(d, e, f, g, h, a, b, c, (i) + 5); \
        RND(c, d, e, f, g, h, a, b, (i) + 6); \
        RND(b, c, d, e, f, g, h, a, (i) + 7); \
    } while (0)

static inline void schedule(V *w) {
    for (int t = 16; t < 80; t++) {
        w[t] = ADD(ADD(SSIG1(w[t - 2]), w[t - 7]), ADD(SSIG0(w[t - 15]), w[t - 16]));
    }
}

/* Compresses w (a full 80-word schedule) from the IV into out[0..7] (IV added). */
static inline void compress(const V *w, V *out) {
    V a = SET1(bm_iv[0]), b = SET1(bm_iv[1]), c = SET1(bm_iv[2]), d = SET1(bm_iv[3]);
    V e = SET1(bm_iv[4]), f = SET1(bm_iv[5]), g = SET1(bm_iv[6]), h = SET1(bm_iv[7]);
    for (int i = 0; i < 80; i += 8) {
        ROUNDS8(i);
    }
    out[0] = ADD(a, SET1(bm_iv[0]));
    out[1] = ADD(b, SET1(bm_iv[1]));
    out[2] = ADD(c, SET1(bm_iv[2]));
    out[3] = ADD(d, SET1(bm_iv[3]));
    out[4] = ADD(e, SET1(bm_iv[4]));
    out[5] = ADD(f, SET1(bm_iv[5]));
    out[6] = ADD(g, SET1(bm_iv[6]));
    out[7] = ADD(h, SET1(bm_iv[7]));
}

/* As compress, but only the first digest word: all the trial value needs. */
static inline V first_word(const V *w) {
    V a = SET1(bm_iv[0]), b = SET1(bm_iv[1]), c = SET1(bm_iv[2]), d = SET1(bm_iv[3]);
    V e = SET1(bm_iv[4]), f = SET1(bm_iv[5]), g = SET1(bm_iv[6]), h = SET1(bm_iv[7]);
    for (int i = 0; i < 80; i += 8) {
        ROUNDS8(i);
    }
    return ADD(a, SET1(bm_iv[0]));
}

int64_t SEARCH(const uint64_t ih[8], uint64_t target, uint64_t start, uint64_t count, uint64_t *value) {
    V w[80], o[80];
    /* inner block: nonce, the 8 words of the initial hash, padding, length 72 bytes */
    for (int t = 1; t <= 8; t++) {
        w[t] = SET1(ih[t - 1]);
    }
    w[9] = SET1(0x8000000000000000ULL);
    for (int t = 10; t < 15; t++) {
        w[t] = SET1(0);
    }
    w[15] = SET1(72 * 8);
    /* outer block: the 8 digest words, padding, length 64 bytes */
    o[8] = SET1(0x8000000000000000ULL);
    for (int t = 9; t < 15; t++) {
        o[t] = SET1(0);
    }
    o[15] = SET1(64 * 8);
    uint64_t lanes[LANES];
    for (uint64_t done = 0; done < count; done += LANES) {
        w[0] = ADD(SET1(start + done), IOTA);
        schedule(w);
        compress(w, o);
        schedule(o);
        STORE(lanes, first_word(o));
        uint64_t left = count - done;
        int valid = left < LANES ? (int) left : LANES;
        for (int i = 0; i < valid; i++) {
            if (lanes[i] <= target) {
                *value = lanes[i];
                return (int64_t) (done + (uint64_t) i);
            }
        }
    }
    return -1;
}
