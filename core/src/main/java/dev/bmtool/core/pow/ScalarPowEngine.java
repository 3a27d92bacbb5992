package dev.bmtool.core.pow;

import static dev.bmtool.core.pow.Sha512Pow.IV;
import static dev.bmtool.core.pow.Sha512Pow.K;
import static dev.bmtool.core.pow.Sha512Pow.PAD;
import static dev.bmtool.core.pow.Sha512Pow.s0;
import static dev.bmtool.core.pow.Sha512Pow.s1;

/**
 * Single-threaded CPU engine specialised for Bitmessage PoW: two SHA-512 compressions per trial
 * with the job-constant message words and schedule terms precomputed, no allocation in the
 * loop, and only the first word of the outer digest finished. One instance per thread.
 */
public final class ScalarPowEngine implements PowEngine {
    /** Trials between cancellation polls: under a millisecond of work once compiled. */
    static final int POLL_TRIALS = 1 << 10;

    private static final long OUTER_BITS = Sha512Pow.BLOCK2_BITS;
    private static final long OC17 = s1(OUTER_BITS);
    private static final long OC23 = s0(PAD);
    private static final long OC30 = s0(OUTER_BITS);

    private final long[] w = new long[80];
    private final long[] o = new long[80];
    private final long[] c = new long[80];
    private PowJob prepared;

    public ScalarPowEngine() {
        o[8] = PAD; // outer words 9..14 stay zero
        o[15] = OUTER_BITS;
    }

    @Override
    public String name() {
        return "scalar";
    }

    private void prepare(PowJob job) {
        if (job.equals(prepared)) {
            return;
        }
        Sha512Pow.Plan plan = Sha512Pow.Plan.of(job.initialHash());
        System.arraycopy(plan.w(), 0, w, 0, 80);
        System.arraycopy(plan.c(), 0, c, 0, 80);
        prepared = job;
    }

    @Override
    public PowResult search(PowJob job, NonceRange range, PowMonitor monitor) {
        prepare(job);
        long target = job.target();
        long n = range.start();
        long last = range.last();
        long trials = 0;
        while (true) {
            // chunk [n, end]; cancellation is polled after each chunk, so a search always tries
            // its first nonces (the multithreaded engine relies on that)
            long end = Long.compareUnsigned(last - n, POLL_TRIALS - 1) <= 0 ? last : n + POLL_TRIALS - 1;
            long x = n;
            while (true) {
                long t = trial(x);
                if (Long.compareUnsigned(t, target) <= 0) {
                    long done = x - n + 1;
                    monitor.addTrials(done);
                    return PowResult.found(x, t, trials + done);
                }
                if (x == end) {
                    break;
                }
                x++;
            }
            long done = end - n + 1;
            trials += done;
            monitor.addTrials(done);
            if (end == last) {
                return PowResult.exhausted(trials);
            }
            if (monitor.isCancelled()) {
                return PowResult.cancelled(trials);
            }
            n = end + 1;
        }
    }

    /** Trial value of one nonce for the prepared job. */
    long trial(long nonce) {
        final long[] w = this.w;
        final long[] c = this.c;
        w[0] = nonce;
        // block 1 schedule: only the nonce-dependent terms (see Sha512Pow.variableTerms)
        w[16] = c[16] + nonce;
        w[18] = s1(w[16]) + c[18];
        w[20] = s1(w[18]) + c[20];
        w[22] = s1(w[20]) + c[22];
        w[23] = w[16] + c[23];
        w[24] = s1(w[22]) + c[24];
        w[25] = s1(w[23]) + w[18] + c[25];
        w[26] = s1(w[24]) + c[26];
        w[27] = s1(w[25]) + w[20] + c[27];
        w[28] = s1(w[26]) + c[28];
        w[29] = s1(w[27]) + w[22] + c[29];
        w[30] = s1(w[28]) + w[23] + c[30];
        w[31] = s1(w[29]) + w[24] + s0(w[16]) + c[31];
        w[32] = s1(w[30]) + w[25] + w[16] + c[32];
        w[33] = s1(w[31]) + w[26] + s0(w[18]) + c[33];
        w[34] = s1(w[32]) + w[27] + w[18] + c[34];
        w[35] = s1(w[33]) + w[28] + s0(w[20]) + c[35];
        w[36] = s1(w[34]) + w[29] + w[20] + c[36];
        w[37] = s1(w[35]) + w[30] + s0(w[22]) + c[37];
        for (int t = 38; t < 80; t++) {
            w[t] = s1(w[t - 2]) + w[t - 7] + s0(w[t - 15]) + w[t - 16];
        }
        final long[] o = this.o;
        compress(w, o);
        for (int i = 0; i < 8; i++) {
            o[i] += IV[i];
        }
        // outer block: words 8..15 are the constant padding of a 64-byte message
        o[16] = s0(o[1]) + o[0];
        o[17] = OC17 + s0(o[2]) + o[1];
        o[18] = s1(o[16]) + s0(o[3]) + o[2];
        o[19] = s1(o[17]) + s0(o[4]) + o[3];
        o[20] = s1(o[18]) + s0(o[5]) + o[4];
        o[21] = s1(o[19]) + s0(o[6]) + o[5];
        o[22] = s1(o[20]) + OUTER_BITS + s0(o[7]) + o[6];
        o[23] = s1(o[21]) + o[16] + OC23 + o[7];
        o[24] = s1(o[22]) + o[17] + PAD;
        o[25] = s1(o[23]) + o[18];
        o[26] = s1(o[24]) + o[19];
        o[27] = s1(o[25]) + o[20];
        o[28] = s1(o[26]) + o[21];
        o[29] = s1(o[27]) + o[22];
        o[30] = s1(o[28]) + o[23] + OC30;
        o[31] = s1(o[29]) + o[24] + s0(o[16]) + OUTER_BITS;
        for (int t = 32; t < 80; t++) {
            o[t] = s1(o[t - 2]) + o[t - 7] + s0(o[t - 15]) + o[t - 16];
        }
        return IV[0] + firstWord(o);
    }

    private static long bs0(long x) {
        return Long.rotateRight(x, 28) ^ Long.rotateRight(x, 34) ^ Long.rotateRight(x, 39);
    }

    private static long bs1(long x) {
        return Long.rotateRight(x, 14) ^ Long.rotateRight(x, 18) ^ Long.rotateRight(x, 41);
    }

    private static long ch(long e, long f, long g) {
        return g ^ (e & (f ^ g));
    }

    private static long maj(long a, long b, long c) {
        return (a & b) | (c & (a | b));
    }

    /** Compresses schedule {@code w} from the IV; writes the 8 state words (without the IV) to out[0..7]. */
    private static void compress(long[] w, long[] out) {
        long a = IV[0], b = IV[1], c = IV[2], d = IV[3], e = IV[4], f = IV[5], g = IV[6], h = IV[7];
        for (int t = 0; t < 80; t += 8) {
            h += bs1(e) + ch(e, f, g) + K[t] + w[t]; d += h; h += bs0(a) + maj(a, b, c);
            g += bs1(d) + ch(d, e, f) + K[t + 1] + w[t + 1]; c += g; g += bs0(h) + maj(h, a, b);
            f += bs1(c) + ch(c, d, e) + K[t + 2] + w[t + 2]; b += f; f += bs0(g) + maj(g, h, a);
            e += bs1(b) + ch(b, c, d) + K[t + 3] + w[t + 3]; a += e; e += bs0(f) + maj(f, g, h);
            d += bs1(a) + ch(a, b, c) + K[t + 4] + w[t + 4]; h += d; d += bs0(e) + maj(e, f, g);
            c += bs1(h) + ch(h, a, b) + K[t + 5] + w[t + 5]; g += c; c += bs0(d) + maj(d, e, f);
            b += bs1(g) + ch(g, h, a) + K[t + 6] + w[t + 6]; f += b; b += bs0(c) + maj(c, d, e);
            a += bs1(f) + ch(f, g, h) + K[t + 7] + w[t + 7]; e += a; a += bs0(b) + maj(b, c, d);
        }
        out[0] = a; out[1] = b; out[2] = c; out[3] = d; out[4] = e; out[5] = f; out[6] = g; out[7] = h;
    }

    /** Compresses the outer schedule and returns only the final first state word (without the IV). */
    private static long firstWord(long[] w) {
        long a = IV[0], b = IV[1], c = IV[2], d = IV[3], e = IV[4], f = IV[5], g = IV[6], h = IV[7];
        for (int t = 0; t < 80; t += 8) {
            h += bs1(e) + ch(e, f, g) + K[t] + w[t]; d += h; h += bs0(a) + maj(a, b, c);
            g += bs1(d) + ch(d, e, f) + K[t + 1] + w[t + 1]; c += g; g += bs0(h) + maj(h, a, b);
            f += bs1(c) + ch(c, d, e) + K[t + 2] + w[t + 2]; b += f; f += bs0(g) + maj(g, h, a);
            e += bs1(b) + ch(b, c, d) + K[t + 3] + w[t + 3]; a += e; e += bs0(f) + maj(f, g, h);
            d += bs1(a) + ch(a, b, c) + K[t + 4] + w[t + 4]; h += d; d += bs0(e) + maj(e, f, g);
            c += bs1(h) + ch(h, a, b) + K[t + 5] + w[t + 5]; g += c; c += bs0(d) + maj(d, e, f);
            b += bs1(g) + ch(g, h, a) + K[t + 6] + w[t + 6]; f += b; b += bs0(c) + maj(c, d, e);
            a += bs1(f) + ch(f, g, h) + K[t + 7] + w[t + 7]; e += a; a += bs0(b) + maj(b, c, d);
        }
        return a;
    }
}
