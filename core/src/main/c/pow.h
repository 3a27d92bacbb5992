/* bmtool's native proof-of-work search: the interface pow_jni.c gives Java. */
#ifndef BMTOOL_POW_H
#define BMTOOL_POW_H
#include <stdint.h>

/* Implementations, best last. */
#define BM_IMPL_GENERIC 1
#define BM_IMPL_AVX2 2
#define BM_IMPL_AVX512 3

/* The best implementation this CPU runs. */
int bm_pow_best(void);
/* Nonces one pass of impl hashes at once (0 for an unknown or unavailable impl). */
int bm_pow_lanes(int impl);
/*
 * Searches the nonces start, start + 1, ... (count of them, wrapping at 2^64) for the first whose
 * trial value, the first 8 bytes of SHA512(SHA512(nonce || initialHash)) read big-endian, is
 * <= target. Returns its offset from start and stores its trial value in *value, or returns -1.
 * impl must be one bm_pow_lanes says is available; initial_hash is 64 bytes.
 */
int64_t bm_pow_search(int impl, const uint8_t *initial_hash, uint64_t target, uint64_t start,
                      uint64_t count, uint64_t *value);

/* Shared by the per-instruction-set objects. */
extern const uint64_t bm_k[80];
extern const uint64_t bm_iv[8];
int64_t bm_search_generic(const uint64_t ih[8], uint64_t target, uint64_t start, uint64_t count, uint64_t *value);
int64_t bm_search_avx2(const uint64_t ih[8], uint64_t target, uint64_t start, uint64_t count, uint64_t *value);
int64_t bm_search_avx512(const uint64_t ih[8], uint64_t target, uint64_t start, uint64_t count, uint64_t *value);
#endif
