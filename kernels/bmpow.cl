/*
 * Bitmessage proof of work: trial = first 8 bytes of SHA512(SHA512(nonce || initialHash)),
 * searched for trial <= target (unsigned). Written for this one job:
 *
 *  - Block 1 of the inner hash is nonce(8) || initialHash(64) || 0x80 || 0.. || 576 (bits).
 *    Only word 0 (the nonce) changes between work items, so the host precomputes per job
 *    (bm_job record below): K[t]+W[t] for rounds 1..8, and every constant part of the message
 *    schedule W16..W32. Round 0 depends only on the IV and the nonce, so it is folded here at
 *    compile time (state after round 0 = constants + nonce).
 *  - Block 2 (outer hash) is digest(64) || 0x80 || 0.. || 512: its padding words are literal
 *    constants, so the compiler folds every schedule term that involves them.
 *  - Only word 0 of the outer digest is needed: the last round computes just "a".
 *
 * Compile-time options (-D):
 *   BM_NPI     nonces per work item (default 1)
 *   BM_ROT     1 = rotate() builtin, 2 = shifts on ulong, 3 = 32-bit funnel shifts on halves
 */

#ifndef BM_NPI
#define BM_NPI 1
#endif
#ifndef BM_ROT
#define BM_ROT 2
#endif

#if BM_ROT == 1
/* OpenCL's rotate() turns left */
#define ROTR(x, n) rotate((ulong)(x), (ulong)(64 - (n)))
#elif BM_ROT == 3
/* rotate right by n on the two 32-bit halves: maps onto 32-bit funnel-shift instructions */
inline ulong bm_rotr_lo(ulong x, uint n) { /* 0 < n < 32 */
    uint2 v = as_uint2(x); /* .x = low word, .y = high word (little-endian devices) */
    uint2 r;
    r.x = (v.x >> n) | (v.y << (32 - n));
    r.y = (v.y >> n) | (v.x << (32 - n));
    return as_ulong(r);
}
inline ulong bm_rotr_hi(ulong x, uint n) { /* 32 < n < 64 */
    uint2 v = as_uint2(x);
    uint2 r;
    r.x = (v.y >> (n - 32)) | (v.x << (64 - n));
    r.y = (v.x >> (n - 32)) | (v.y << (64 - n));
    return as_ulong(r);
}
#define ROTR(x, n) ((n) < 32 ? bm_rotr_lo((x), (n)) : bm_rotr_hi((x), (n)))
#else
#define ROTR(x, n) (((ulong)(x) >> (n)) | ((ulong)(x) << (64 - (n))))
#endif

#define BSIG0(a) (ROTR(a, 28) ^ ROTR(a, 34) ^ ROTR(a, 39))
#define BSIG1(e) (ROTR(e, 14) ^ ROTR(e, 18) ^ ROTR(e, 41))
#define SSIG0(w) (ROTR(w, 1) ^ ROTR(w, 8) ^ ((w) >> 7))
#define SSIG1(w) (ROTR(w, 19) ^ ROTR(w, 61) ^ ((w) >> 6))
#define CH(e, f, g) bitselect((g), (f), (e))
#define MAJ(a, b, c) bitselect((b), (c), (a) ^ (b))

/* One round; the caller rotates the variable names. kw = K[t] + W[t]. */
#define RND(a, b, c, d, e, f, g, h, kw) { \
    ulong t1_ = (h) + BSIG1(e) + CH(e, f, g) + (kw); \
    (d) += t1_; \
    (h) = t1_ + BSIG0(a) + MAJ(a, b, c); }

#define RND8(i, w0, w1, w2, w3, w4, w5, w6, w7) \
    RND(a, b, c, d, e, f, g, h, K##i##0 + (w0)) \
    RND(h, a, b, c, d, e, f, g, K##i##1 + (w1)) \
    RND(g, h, a, b, c, d, e, f, K##i##2 + (w2)) \
    RND(f, g, h, a, b, c, d, e, K##i##3 + (w3)) \
    RND(e, f, g, h, a, b, c, d, K##i##4 + (w4)) \
    RND(d, e, f, g, h, a, b, c, K##i##5 + (w5)) \
    RND(c, d, e, f, g, h, a, b, K##i##6 + (w6)) \
    RND(b, c, d, e, f, g, h, a, K##i##7 + (w7))

/* schedule step on a ring of 16 words: w[t] = s1(w[t-2]) + w[t-7] + s0(w[t-15]) + w[t-16] */
#define SCHED(t0, t2, t7, t15) ((t0) += SSIG1(t2) + (t7) + SSIG0(t15))

/* 16 schedule steps on the ring x0..xf, then 16 rounds with them */
#define SCHED16(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, xa, xb, xc, xd, xe, xf) \
    SCHED(x0, xe, x9, x1); SCHED(x1, xf, xa, x2); SCHED(x2, x0, xb, x3); SCHED(x3, x1, xc, x4); \
    SCHED(x4, x2, xd, x5); SCHED(x5, x3, xe, x6); SCHED(x6, x4, xf, x7); SCHED(x7, x5, x0, x8); \
    SCHED(x8, x6, x1, x9); SCHED(x9, x7, x2, xa); SCHED(xa, x8, x3, xb); SCHED(xb, x9, x4, xc); \
    SCHED(xc, xa, x5, xd); SCHED(xd, xb, x6, xe); SCHED(xe, xc, x7, xf); SCHED(xf, xd, x8, x0);

#define K00 0x428a2f98d728ae22UL
#define K01 0x7137449123ef65cdUL
#define K02 0xb5c0fbcfec4d3b2fUL
#define K03 0xe9b5dba58189dbbcUL
#define K04 0x3956c25bf348b538UL
#define K05 0x59f111f1b605d019UL
#define K06 0x923f82a4af194f9bUL
#define K07 0xab1c5ed5da6d8118UL
#define K10 0xd807aa98a3030242UL
#define K11 0x12835b0145706fbeUL
#define K12 0x243185be4ee4b28cUL
#define K13 0x550c7dc3d5ffb4e2UL
#define K14 0x72be5d74f27b896fUL
#define K15 0x80deb1fe3b1696b1UL
#define K16 0x9bdc06a725c71235UL
#define K17 0xc19bf174cf692694UL
#define K20 0xe49b69c19ef14ad2UL
#define K21 0xefbe4786384f25e3UL
#define K22 0x0fc19dc68b8cd5b5UL
#define K23 0x240ca1cc77ac9c65UL
#define K24 0x2de92c6f592b0275UL
#define K25 0x4a7484aa6ea6e483UL
#define K26 0x5cb0a9dcbd41fbd4UL
#define K27 0x76f988da831153b5UL
#define K30 0x983e5152ee66dfabUL
#define K31 0xa831c66d2db43210UL
#define K32 0xb00327c898fb213fUL
#define K33 0xbf597fc7beef0ee4UL
#define K34 0xc6e00bf33da88fc2UL
#define K35 0xd5a79147930aa725UL
#define K36 0x06ca6351e003826fUL
#define K37 0x142929670a0e6e70UL
#define K40 0x27b70a8546d22ffcUL
#define K41 0x2e1b21385c26c926UL
#define K42 0x4d2c6dfc5ac42aedUL
#define K43 0x53380d139d95b3dfUL
#define K44 0x650a73548baf63deUL
#define K45 0x766a0abb3c77b2a8UL
#define K46 0x81c2c92e47edaee6UL
#define K47 0x92722c851482353bUL
#define K50 0xa2bfe8a14cf10364UL
#define K51 0xa81a664bbc423001UL
#define K52 0xc24b8b70d0f89791UL
#define K53 0xc76c51a30654be30UL
#define K54 0xd192e819d6ef5218UL
#define K55 0xd69906245565a910UL
#define K56 0xf40e35855771202aUL
#define K57 0x106aa07032bbd1b8UL
#define K60 0x19a4c116b8d2d0c8UL
#define K61 0x1e376c085141ab53UL
#define K62 0x2748774cdf8eeb99UL
#define K63 0x34b0bcb5e19b48a8UL
#define K64 0x391c0cb3c5c95a63UL
#define K65 0x4ed8aa4ae3418acbUL
#define K66 0x5b9cca4f7763e373UL
#define K67 0x682e6ff3d6b2b8a3UL
#define K70 0x748f82ee5defb2fcUL
#define K71 0x78a5636f43172f60UL
#define K72 0x84c87814a1f0ab72UL
#define K73 0x8cc702081a6439ecUL
#define K74 0x90befffa23631e28UL
#define K75 0xa4506cebde82bde9UL
#define K76 0xbef9a3f7b2c67915UL
#define K77 0xc67178f2e372532bUL
#define K80 0xca273eceea26619cUL
#define K81 0xd186b8c721c0c207UL
#define K82 0xeada7dd6cde0eb1eUL
#define K83 0xf57d4f7fee6ed178UL
#define K84 0x06f067aa72176fbaUL
#define K85 0x0a637dc5a2c898a6UL
#define K86 0x113f9804bef90daeUL
#define K87 0x1b710b35131c471bUL
#define K90 0x28db77f523047d84UL
#define K91 0x32caab7b40c72493UL
#define K92 0x3c9ebe0a15c9bebcUL
#define K93 0x431d67c49c100d4cUL
#define K94 0x4cc5d4becb3e42b6UL
#define K95 0x597f299cfc657e2aUL
#define K96 0x5fcb6fab3ad6faecUL
#define K97 0x6c44198c4a475817UL

#define IV0 0x6a09e667f3bcc908UL
#define IV1 0xbb67ae8584caa73bUL
#define IV2 0x3c6ef372fe94f82bUL
#define IV3 0xa54ff53a5f1d36f1UL
#define IV4 0x510e527fade682d1UL
#define IV5 0x9b05688c2b3e6c1fUL
#define IV6 0x1f83d9abfb41bd6bUL
#define IV7 0x5be0cd19137e2179UL

/* round 0 of block 1 with the IV: t1 = R0C + nonce */
#define R0C (IV7 + BSIG1(IV4) + CH(IV4, IV5, IV6) + K00)

/* Per-job record written by the host (OpenClKernel.jobRecord), BM_REC ulongs. */
#define BM_REC 32
#define J_TARGET 0
#define J_START 1
#define J_LAST 2   /* index of the last nonce of the job's range: count - 1 (unsigned) */
#define J_KW1 4    /* 4..11: K[t] + W[t], t = 1..8 */
#define J_C16 12   /* W16 = C16 + nonce */
#define J_W17 13
#define J_C18 14   /* W18 = s1(W16) + C18 */
#define J_W19 15
#define J_C20 16   /* W20 = s1(W18) + C20 */
#define J_W21 17
#define J_C22 18   /* W22 = s1(W20) + C22 */
#define J_C23 19   /* W23 = W16 + C23 */
#define J_C24 20   /* W24 = s1(W22) + C24 */
#define J_S0W17 21 /* s0(W17) */

/* SCHED16 with the first step (W32 = s1(W30) + W25 + s0(W17) + W16) using the host's s0(W17) */
#define SCHED16_FIRST(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, xa, xb, xc, xd, xe, xf, s0w17) \
    (x0) += SSIG1(xe) + (x9) + (s0w17);                                                        \
    SCHED(x1, xf, xa, x2); SCHED(x2, x0, xb, x3); SCHED(x3, x1, xc, x4);                      \
    SCHED(x4, x2, xd, x5); SCHED(x5, x3, xe, x6); SCHED(x6, x4, xf, x7); SCHED(x7, x5, x0, x8); \
    SCHED(x8, x6, x1, x9); SCHED(x9, x7, x2, xa); SCHED(xa, x8, x3, xb); SCHED(xb, x9, x4, xc); \
    SCHED(xc, xa, x5, xd); SCHED(xd, xb, x6, xe); SCHED(xe, xc, x7, xf); SCHED(xf, xd, x8, x0);

/* The trial value of one nonce (the first 64-bit word of the outer digest). */
inline ulong bm_trial(const ulong nonce, __constant const ulong *J)
{
    ulong a, b, c, d, e, f, g, h;

    /* ---------------- block 1: nonce || initialHash || padding (576 bits) ---------------- */
    /* Round 0 depends only on the IV and the nonce: RND(a..h) would leave the new "a" in h
     * and the new "e" in d; do that here with the constants folded. */
    {
        const ulong t1 = R0C + nonce;
        h = t1 + (BSIG0(IV0) + MAJ(IV0, IV1, IV2));
        d = IV3 + t1;
        a = IV0; b = IV1; c = IV2; e = IV4; f = IV5; g = IV6;
    }
    /* rounds 1..7: K[t] + W[t] precomputed by the host */
    RND(h, a, b, c, d, e, f, g, J[J_KW1 + 0])
    RND(g, h, a, b, c, d, e, f, J[J_KW1 + 1])
    RND(f, g, h, a, b, c, d, e, J[J_KW1 + 2])
    RND(e, f, g, h, a, b, c, d, J[J_KW1 + 3])
    RND(d, e, f, g, h, a, b, c, J[J_KW1 + 4])
    RND(c, d, e, f, g, h, a, b, J[J_KW1 + 5])
    RND(b, c, d, e, f, g, h, a, J[J_KW1 + 6])
    /* round 8 (host K+W), rounds 9..15: W9 = 0x80.., W10..W14 = 0, W15 = 576, all literal */
    RND(a, b, c, d, e, f, g, h, J[J_KW1 + 7])
    RND(h, a, b, c, d, e, f, g, K11 + 0x8000000000000000UL)
    RND(g, h, a, b, c, d, e, f, K12)
    RND(f, g, h, a, b, c, d, e, K13)
    RND(e, f, g, h, a, b, c, d, K14)
    RND(d, e, f, g, h, a, b, c, K15)
    RND(c, d, e, f, g, h, a, b, K16)
    RND(b, c, d, e, f, g, h, a, K17 + 576UL)

    /* schedule words 16..31 with the host's constant parts */
    ulong w0 = J[J_C16] + nonce;                   /* W16 = s0(W1) + W0 (+ s1(W14) + W9) */
    ulong w1 = J[J_W17];                           /* W17: no nonce in it */
    ulong w2 = SSIG1(w0) + J[J_C18];               /* W18 */
    ulong w3 = J[J_W19];                           /* W19 */
    ulong w4 = SSIG1(w2) + J[J_C20];               /* W20 */
    ulong w5 = J[J_W21];                           /* W21 */
    ulong w6 = SSIG1(w4) + J[J_C22];               /* W22 */
    ulong w7 = w0 + J[J_C23];                      /* W23 */
    ulong w8 = SSIG1(w6) + J[J_C24];               /* W24 */
    ulong w9 = SSIG1(w7) + w2 + 0x8000000000000000UL; /* W25 = s1(W23) + W18 + s0(W10) + W9 */
    ulong wa = SSIG1(w8) + w3;                     /* W26 = s1(W24) + W19 + s0(W11) + W10 */
    ulong wb = SSIG1(w9) + w4;                     /* W27 */
    ulong wc = SSIG1(wa) + w5;                     /* W28 */
    ulong wd = SSIG1(wb) + w6;                     /* W29 */
    ulong we = SSIG1(wc) + w7 + SSIG0(576UL);      /* W30 = s1(W28) + W23 + s0(W15) + W14 */
    ulong wf = SSIG1(wd) + w8 + SSIG0(w0) + 576UL; /* W31 = s1(W29) + W24 + s0(W16) + W15 */
    RND8(2, w0, w1, w2, w3, w4, w5, w6, w7)
    RND8(3, w8, w9, wa, wb, wc, wd, we, wf)
    SCHED16_FIRST(w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, wa, wb, wc, wd, we, wf, J[J_S0W17])
    RND8(4, w0, w1, w2, w3, w4, w5, w6, w7)
    RND8(5, w8, w9, wa, wb, wc, wd, we, wf)
    SCHED16(w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, wa, wb, wc, wd, we, wf)
    RND8(6, w0, w1, w2, w3, w4, w5, w6, w7)
    RND8(7, w8, w9, wa, wb, wc, wd, we, wf)
    SCHED16(w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, wa, wb, wc, wd, we, wf)
    RND8(8, w0, w1, w2, w3, w4, w5, w6, w7)
    RND8(9, w8, w9, wa, wb, wc, wd, we, wf)

    /* ---------------- block 2: digest || 0x80 || 0.. || 512 ---------------- */
    w0 = IV0 + a; w1 = IV1 + b; w2 = IV2 + c; w3 = IV3 + d;
    w4 = IV4 + e; w5 = IV5 + f; w6 = IV6 + g; w7 = IV7 + h;
    w8 = 0x8000000000000000UL; w9 = 0; wa = 0; wb = 0; wc = 0; wd = 0; we = 0; wf = 512UL;
    a = IV0; b = IV1; c = IV2; d = IV3; e = IV4; f = IV5; g = IV6; h = IV7;
    RND8(0, w0, w1, w2, w3, w4, w5, w6, w7)
    RND8(1, w8, w9, wa, wb, wc, wd, we, wf)
    SCHED16(w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, wa, wb, wc, wd, we, wf)
    RND8(2, w0, w1, w2, w3, w4, w5, w6, w7)
    RND8(3, w8, w9, wa, wb, wc, wd, we, wf)
    SCHED16(w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, wa, wb, wc, wd, we, wf)
    RND8(4, w0, w1, w2, w3, w4, w5, w6, w7)
    RND8(5, w8, w9, wa, wb, wc, wd, we, wf)
    SCHED16(w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, wa, wb, wc, wd, we, wf)
    RND8(6, w0, w1, w2, w3, w4, w5, w6, w7)
    RND8(7, w8, w9, wa, wb, wc, wd, we, wf)
    SCHED16(w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, wa, wb, wc, wd, we, wf)
    RND8(8, w0, w1, w2, w3, w4, w5, w6, w7)
    /* rounds 72..78 in full; round 79 computes only the new "a" (its "e" feeds no output word
     * we read, and the other digest words are never formed) */
    RND(a, b, c, d, e, f, g, h, K90 + w8)
    RND(h, a, b, c, d, e, f, g, K91 + w9)
    RND(g, h, a, b, c, d, e, f, K92 + wa)
    RND(f, g, h, a, b, c, d, e, K93 + wb)
    RND(e, f, g, h, a, b, c, d, K94 + wc)
    RND(d, e, f, g, h, a, b, c, K95 + wd)
    RND(c, d, e, f, g, h, a, b, K96 + we)
    {
        const ulong t1 = a + BSIG1(f) + CH(f, g, h) + K97 + wf;
        return IV0 + t1 + BSIG0(b) + MAJ(b, c, d);
    }
}

/*
 * Search kernels. Work item i tests the range indexes offset + i*BM_NPI .. + BM_NPI-1 (the
 * nonce is start + index), skipping indexes past J_LAST. A winner does two 32-bit atomics on
 * its job's result pair res[(resBase + job)*2 ..]: atomic_inc on the hit count and atomic_min
 * on its index relative to this launch's offset. So nonce 0 works, several winners are fine
 * and the host gets the smallest winning index of the launch. The host alternates two result
 * areas (resBase) between consecutive launches and refills an area ({0, 0xffffffff}) only
 * after it has read that area's previous launch: with an in-order queue and at most two
 * launches in flight, no reset can race a kernel. Launches cover fewer than 2^32 nonces.
 */
#define BM_SEARCH_BODY(JOB, J)                                                     \
    const ulong target = (J)[J_TARGET];                                            \
    const ulong last = (J)[J_LAST];                                                \
    const ulong start = (J)[J_START];                                              \
    const uint rel0 = (uint)get_global_id(0) * BM_NPI;                             \
    for (uint i_ = 0; i_ < BM_NPI; i_++) {                                         \
        const uint rel = rel0 + i_;                                                \
        const ulong idx = offset + rel;                                            \
        if (idx <= last) {                                                         \
            if (bm_trial(start + idx, (J)) <= target) {                            \
                __global uint *r_ = res + 2 * (resBase + (JOB));                   \
                atomic_min(r_ + 1, rel);                                           \
                atomic_inc(r_);                                                    \
                BM_ON_HIT(JOB)                                                     \
            }                                                                      \
        }                                                                          \
    }

/* one job */
#define BM_ON_HIT(JOB)
__kernel void bm_search(__constant const ulong *job, const ulong offset, const uint resBase,
                        __global uint *res)
{
    BM_SEARCH_BODY(0, job)
}
#undef BM_ON_HIT

/* many jobs in one launch: dimension 1 is the job index; solved jobs return at once (the
 * flag is set by the kernel itself and cleared by the host only between batches) */
#define BM_ON_HIT(JOB) solved[(JOB)] = 1;
__kernel void bm_search_batch(__constant const ulong *jobs, const ulong offset, const uint resBase,
                              __global uint *res, __global uint *solved)
{
    const uint j = (uint)get_global_id(1);
    if (solved[j] != 0) {
        return;
    }
    __constant const ulong *J = jobs + (ulong)j * BM_REC;
    BM_SEARCH_BODY(j, J)
}
#undef BM_ON_HIT

/* test/diagnostic kernel: the trial value of nonce start + i, for i < n */
__kernel void bm_trials(__constant const ulong *job, const uint n, __global ulong *out)
{
    const uint i = (uint)get_global_id(0);
    if (i < n) {
        out[i] = bm_trial(job[J_START] + i, job);
    }
}
