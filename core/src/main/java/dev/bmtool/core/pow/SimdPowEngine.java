package dev.bmtool.core.pow;

import static dev.bmtool.core.pow.Sha512Pow.IV;
import static dev.bmtool.core.pow.Sha512Pow.K;
import static dev.bmtool.core.pow.Sha512Pow.PAD;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.ULE;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The scalar engine's algorithm on the Vector API: one nonce per 64-bit lane (8 lanes with
 * AVX-512, 4 with AVX2), so one pass hashes {@link #lanes()} nonces at once.
 *
 * <p>Touching this class needs the {@code jdk.incubator.vector} module in the boot layer; use
 * {@link CpuEngines} which checks that first and falls back to {@link ScalarPowEngine}.
 */
final class SimdPowEngine implements PowEngine {
    static final VectorSpecies<Long> S = LongVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** Trials between cancellation polls (a multiple of the lane count). */
    static final int POLL_TRIALS = 512;

    private static final long OUTER_BITS = Sha512Pow.BLOCK2_BITS;
    private static final long OC17 = Sha512Pow.s1(OUTER_BITS);
    private static final long OC23 = Sha512Pow.s0(PAD);
    private static final long OC30 = Sha512Pow.s0(OUTER_BITS);

    /** Block-1 schedule, word t of lane i at {@code t * L + i}. */
    private final long[] w = new long[80 * L];
    /** Outer schedule, same layout. */
    private final long[] o = new long[80 * L];
    private final long[] c = new long[80];
    private final long[] lanesOut = new long[L];
    private PowJob prepared;

    SimdPowEngine() {
        if (L < 2) {
            throw new IllegalStateException("no SIMD: preferred vector has " + L + " long lane(s)");
        }
        LongVector.broadcast(S, PAD).intoArray(o, 8 * L);
        LongVector.broadcast(S, OUTER_BITS).intoArray(o, 15 * L);
    }

    /** Lanes per vector on this machine. */
    static int lanes() {
        return L;
    }

    @Override
    public String name() {
        return "simd-" + L + "x64";
    }

    private void prepare(PowJob job) {
        if (job.equals(prepared)) {
            return;
        }
        Sha512Pow.Plan plan = Sha512Pow.Plan.of(job.initialHash());
        for (int t = 1; t < 38; t++) {
            LongVector.broadcast(S, plan.w()[t]).intoArray(w, t * L); // 0 for nonce-dependent words
        }
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
        // poll often: a poll costs far less than one vector of hashes, and while the JIT has not
        // compiled this code yet (the first second) a vector takes a thousand times longer
        final int poll = POLL_TRIALS;
        while (true) {
            // chunk [n, end] as in the scalar engine; the last vector of the range is masked
            long end = Long.compareUnsigned(last - n, poll - 1) <= 0 ? last : n + poll - 1;
            long x = n;
            while (true) {
                long left = end - x; // nonces after x in this chunk; lanes past them are masked
                int valid = Long.compareUnsigned(left, L - 1) < 0 ? (int) left + 1 : L;
                int lane = trials(x, target, valid);
                if (lane < L) {
                    long nonce = x + lane;
                    long done = nonce - n + 1;
                    monitor.addTrials(done);
                    return PowResult.found(nonce, lanesOut[lane], trials + done);
                }
                if (valid < L || left == L - 1) {
                    break;
                }
                x += L;
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

    private static LongVector s0(LongVector x) {
        return x.lanewise(ROR, 1).lanewise(XOR_OP, x.lanewise(ROR, 8)).lanewise(XOR_OP, x.lanewise(LSHR, 7));
    }

    private static LongVector s1(LongVector x) {
        return x.lanewise(ROR, 19).lanewise(XOR_OP, x.lanewise(ROR, 61)).lanewise(XOR_OP, x.lanewise(LSHR, 6));
    }

    private static final jdk.incubator.vector.VectorOperators.Associative XOR_OP =
            jdk.incubator.vector.VectorOperators.XOR;

    private static LongVector bs0(LongVector x) {
        return x.lanewise(ROR, 28).lanewise(XOR_OP, x.lanewise(ROR, 34)).lanewise(XOR_OP, x.lanewise(ROR, 39));
    }

    private static LongVector bs1(LongVector x) {
        return x.lanewise(ROR, 14).lanewise(XOR_OP, x.lanewise(ROR, 18)).lanewise(XOR_OP, x.lanewise(ROR, 41));
    }

    private static LongVector ch(LongVector e, LongVector f, LongVector g) {
        return g.lanewise(XOR_OP, e.and(f.lanewise(XOR_OP, g)));
    }

    private static LongVector maj(LongVector a, LongVector b, LongVector c) {
        return a.and(b).or(c.and(a.or(b)));
    }

    private static LongVector ld(long[] a, int t) {
        return LongVector.fromArray(S, a, t * L);
    }

    private static LongVector k(long v) {
        return LongVector.broadcast(S, v);
    }

    /*
     * C2 turns Vector API code into plain SIMD instructions only when the whole chain inlines;
     * where it stops inlining (node-count budget of a long straight-line method) every
     * intermediate vector gets boxed on the heap and the engine runs ~20x slower. So vectors
     * never cross a method boundary (steps talk through the lane arrays), rounds are a
     * one-round loop, and the straight-line schedule heads are split into small steps.
     */

    /**
     * Hashes the {@code L} nonces {@code x, x+1, ...}; returns the first lane below {@code valid}
     * whose trial value meets the target, or {@code L} when none does.
     */
    private int trials(long x, long target, int valid) {
        LongVector.broadcast(S, x).add(LongVector.fromArray(S, IOTA, 0)).intoArray(w, 0);
        block1Head(w, c);
        schedule(w, 38);
        compress(w, o);
        outerHead(o);
        schedule(o, 32);
        firstWord(o, lanesOut);
        VectorMask<Long> ok = LongVector.fromArray(S, lanesOut, 0).compare(ULE, target);
        if (valid < L) {
            ok = ok.and(S.indexInRange(0, valid));
        }
        return ok.firstTrue();
    }

    private static final long[] IOTA = new long[L];

    static {
        for (int i = 0; i < L; i++) {
            IOTA[i] = i;
        }
    }

    /** w[t] = sigma1(w[t-2]) + c. */
    private static void sc(long[] w, int t, long c) {
        s1(ld(w, t - 2)).add(c).intoArray(w, t * L);
    }

    /** w[t] = sigma1(w[t-2]) + w[t-7] + c. */
    private static void s7c(long[] w, int t, long c) {
        s1(ld(w, t - 2)).add(ld(w, t - 7)).add(c).intoArray(w, t * L);
    }

    /** w[t] = sigma1(w[t-2]) + w[t-7] + sigma0(w[t-15]) + c. */
    private static void s7s15c(long[] w, int t, long c) {
        s1(ld(w, t - 2)).add(ld(w, t - 7)).add(s0(ld(w, t - 15))).add(c).intoArray(w, t * L);
    }

    /** w[t] = sigma1(w[t-2]) + w[t-7] + w[t-16] + c. */
    private static void s7w16c(long[] w, int t, long c) {
        s1(ld(w, t - 2)).add(ld(w, t - 7)).add(ld(w, t - 16)).add(c).intoArray(w, t * L);
    }

    /** w[t] = sigma0(w[t-15]) + w[t-16] + c (outer words 16..22 and their sigma1 terms). */
    private static void s1s15w16c(long[] w, int t, long c, boolean sigma1) {
        LongVector v = s0(ld(w, t - 15)).add(ld(w, t - 16)).add(c);
        if (sigma1) {
            v = v.add(s1(ld(w, t - 2)));
        }
        v.intoArray(w, t * L);
    }

    /** Block-1 schedule words 16..37: only their nonce-dependent terms (Sha512Pow.variableTerms). */
    private static void block1Head(long[] w, long[] c) {
        ld(w, 0).add(c[16]).intoArray(w, 16 * L);
        sc(w, 18, c[18]);
        sc(w, 20, c[20]);
        sc(w, 22, c[22]);
        ld(w, 16).add(c[23]).intoArray(w, 23 * L);
        sc(w, 24, c[24]);
        s7c(w, 25, c[25]);
        sc(w, 26, c[26]);
        s7c(w, 27, c[27]);
        sc(w, 28, c[28]);
        s7c(w, 29, c[29]);
        s7c(w, 30, c[30]);
        s7s15c(w, 31, c[31]);
        s7w16c(w, 32, c[32]);
        s7s15c(w, 33, c[33]);
        s7w16c(w, 34, c[34]);
        s7s15c(w, 35, c[35]);
        s7w16c(w, 36, c[36]);
        s7s15c(w, 37, c[37]);
    }

    /** Outer schedule words 16..31, where words 8..15 are the constant padding. */
    private static void outerHead(long[] o) {
        s1s15w16c(o, 16, 0, false);
        s1s15w16c(o, 17, OC17, false);
        s1s15w16c(o, 18, 0, true);
        s1s15w16c(o, 19, 0, true);
        s1s15w16c(o, 20, 0, true);
        s1s15w16c(o, 21, 0, true);
        s1s15w16c(o, 22, OUTER_BITS, true);
        s7w16c(o, 23, OC23);
        s7c(o, 24, PAD);
        s7c(o, 25, 0);
        s7c(o, 26, 0);
        s7c(o, 27, 0);
        s7c(o, 28, 0);
        s7c(o, 29, 0);
        s7c(o, 30, OC30);
        s7s15c(o, 31, OUTER_BITS);
    }

    private static void schedule(long[] w, int from) {
        for (int t = from; t < 80; t++) {
            s1(ld(w, t - 2)).add(ld(w, t - 7)).add(s0(ld(w, t - 15))).add(ld(w, t - 16)).intoArray(w, t * L);
        }
    }

    /** Compresses {@code w} from the IV and writes the digest words (IV added) to out[0..7]. */
    private static void compress(long[] w, long[] out) {
        LongVector a = k(IV[0]), b = k(IV[1]), c = k(IV[2]), d = k(IV[3]);
        LongVector e = k(IV[4]), f = k(IV[5]), g = k(IV[6]), h = k(IV[7]);
        for (int t = 0; t < 80; t++) {
            LongVector t1 = h.add(bs1(e)).add(ch(e, f, g)).add(K[t]).add(ld(w, t));
            LongVector t2 = bs0(a).add(maj(a, b, c));
            h = g;
            g = f;
            f = e;
            e = d.add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.add(t2);
        }
        a.add(IV[0]).intoArray(out, 0);
        b.add(IV[1]).intoArray(out, L);
        c.add(IV[2]).intoArray(out, 2 * L);
        d.add(IV[3]).intoArray(out, 3 * L);
        e.add(IV[4]).intoArray(out, 4 * L);
        f.add(IV[5]).intoArray(out, 5 * L);
        g.add(IV[6]).intoArray(out, 6 * L);
        h.add(IV[7]).intoArray(out, 7 * L);
    }

    /** Compresses the outer schedule; writes only the first digest word (IV added) to out. */
    private static void firstWord(long[] w, long[] out) {
        LongVector a = k(IV[0]), b = k(IV[1]), c = k(IV[2]), d = k(IV[3]);
        LongVector e = k(IV[4]), f = k(IV[5]), g = k(IV[6]), h = k(IV[7]);
        for (int t = 0; t < 80; t++) {
            LongVector t1 = h.add(bs1(e)).add(ch(e, f, g)).add(K[t]).add(ld(w, t));
            LongVector t2 = bs0(a).add(maj(a, b, c));
            h = g;
            g = f;
            f = e;
            e = d.add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.add(t2);
        }
        a.add(IV[0]).intoArray(out, 0);
    }
}
