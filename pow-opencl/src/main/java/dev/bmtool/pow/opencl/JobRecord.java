package dev.bmtool.pow.opencl;

import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowJob;

/**
 * The per-job record the kernel reads ({@code BM_REC} ulongs, layout as the {@code J_*}
 * defines in {@code bmpow.cl}): the target, the range, and everything of the first SHA-512
 * block that depends only on the initial hash, computed once per job here instead of once
 * per nonce on the device.
 */
final class JobRecord {
    /** ulongs per record; must match BM_REC in the kernel. */
    static final int LONGS = 32;
    static final int BYTES = LONGS * Long.BYTES;

    static final int TARGET = 0;
    static final int START = 1;
    static final int LAST = 2;
    static final int KW1 = 4;
    static final int C16 = 12;
    static final int W17 = 13;
    static final int C18 = 14;
    static final int W19 = 15;
    static final int C20 = 16;
    static final int W21 = 17;
    static final int C22 = 18;
    static final int C23 = 19;
    static final int C24 = 20;
    static final int S0W17 = 21;

    static final long[] K = {
        0x428a2f98d728ae22L, 0x7137449123ef65cdL, 0xb5c0fbcfec4d3b2fL, 0xe9b5dba58189dbbcL,
        0x3956c25bf348b538L, 0x59f111f1b605d019L, 0x923f82a4af194f9bL, 0xab1c5ed5da6d8118L,
        0xd807aa98a3030242L, 0x12835b0145706fbeL,
    };

    private JobRecord() {
    }

    static long s0(long w) {
        return Long.rotateRight(w, 1) ^ Long.rotateRight(w, 8) ^ (w >>> 7);
    }

    static long s1(long w) {
        return Long.rotateRight(w, 19) ^ Long.rotateRight(w, 61) ^ (w >>> 6);
    }

    /** The record for {@code job} searched over {@code range}. */
    static long[] of(PowJob job, NonceRange range) {
        long[] r = new long[LONGS];
        write(r, 0, job, range);
        return r;
    }

    /** Writes the record into {@code dst} at {@code off} (for batches). */
    static void write(long[] dst, int off, PowJob job, NonceRange range) {
        byte[] ih = job.initialHash();
        // W[1..8] = the initial hash as big-endian words; W9 = 0x80.. padding, W10..14 = 0, W15 = 576
        long[] w = new long[16];
        for (int i = 0; i < 8; i++) {
            long v = 0;
            for (int j = 0; j < 8; j++) {
                v = (v << 8) | (ih[8 * i + j] & 0xFF);
            }
            w[1 + i] = v;
        }
        w[9] = 0x8000000000000000L;
        w[15] = 576;
        dst[off + TARGET] = job.target();
        dst[off + START] = range.start();
        dst[off + LAST] = range.size() - 1; // unsigned: size 0 (all 2^64) -> 2^64-1; never past 2^64-1
        for (int t = 1; t <= 8; t++) {
            dst[off + KW1 + t - 1] = K[t] + w[t];
        }
        long w17 = s1(w[15]) + w[10] + s0(w[2]) + w[1];
        long w19 = s1(w17) + w[12] + s0(w[4]) + w[3];
        long w21 = s1(w19) + w[14] + s0(w[6]) + w[5];
        dst[off + C16] = s1(w[14]) + w[9] + s0(w[1]);
        dst[off + W17] = w17;
        dst[off + C18] = w[11] + s0(w[3]) + w[2];
        dst[off + W19] = w19;
        dst[off + C20] = w[13] + s0(w[5]) + w[4];
        dst[off + W21] = w21;
        dst[off + C22] = w[15] + s0(w[7]) + w[6];
        dst[off + C23] = s1(w21) + s0(w[8]) + w[7];
        dst[off + C24] = w17 + s0(w[9]) + w[8];
        dst[off + S0W17] = s0(w17);
    }
}
