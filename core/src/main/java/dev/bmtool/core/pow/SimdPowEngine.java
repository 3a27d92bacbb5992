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
        LongVector iota = LongVector.zero(S).addIndex(1);
        long n = range.start();
        long last = range.last();
        long trials = 0;
        final int poll = ScalarPowEngine.POLL_TRIALS;
        while (true) {
            // chunk [n, end] as in the scalar engine; the last vector of the range is masked
            long end = Long.compareUnsigned(last - n, poll - 1) <= 0 ? last : n + poll - 1;
            long x = n;
            while (true) {
                long left = end - x; // lanes beyond it are past the chunk
                VectorMask<Long> ok = trials(LongVector.broadcast(S, x).add(iota), target);
                if (Long.compareUnsigned(left, L - 1) < 0) {
                    ok = ok.and(S.indexInRange(0, (int) left + 1));
                }
                if (ok.anyTrue()) {
                    int lane = ok.firstTrue();
                    long nonce = x + lane;
                    long done = nonce - n + 1;
                    monitor.addTrials(done);
                    return PowResult.found(nonce, lanesOut[lane] , trials + done);
                }
                if (Long.compareUnsigned(left, L - 1) <= 0) {
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

    private LongVector ld(long[] a, int t) {
        return LongVector.fromArray(S, a, t * L);
    }

    private static LongVector k(long v) {
        return LongVector.broadcast(S, v);
    }

    /** Hashes one vector of nonces; lanes whose trial value meets the target are set. */
    private VectorMask<Long> trials(LongVector nonce, long target) {
        final long[] w = this.w;
        final long[] c = this.c;
        nonce.intoArray(w, 0);
        LongVector w16 = nonce.add(c[16]);
        w16.intoArray(w, 16 * L);
        LongVector w18 = s1(w16).add(c[18]);
        w18.intoArray(w, 18 * L);
        LongVector w20 = s1(w18).add(c[20]);
        w20.intoArray(w, 20 * L);
        LongVector w22 = s1(w20).add(c[22]);
        w22.intoArray(w, 22 * L);
        LongVector w23 = w16.add(c[23]);
        w23.intoArray(w, 23 * L);
        LongVector w24 = s1(w22).add(c[24]);
        w24.intoArray(w, 24 * L);
        LongVector w25 = s1(w23).add(w18).add(c[25]);
        w25.intoArray(w, 25 * L);
        LongVector w26 = s1(w24).add(c[26]);
        w26.intoArray(w, 26 * L);
        LongVector w27 = s1(w25).add(w20).add(c[27]);
        w27.intoArray(w, 27 * L);
        LongVector w28 = s1(w26).add(c[28]);
        w28.intoArray(w, 28 * L);
        LongVector w29 = s1(w27).add(w22).add(c[29]);
        w29.intoArray(w, 29 * L);
        LongVector w30 = s1(w28).add(w23).add(c[30]);
        w30.intoArray(w, 30 * L);
        LongVector w31 = s1(w29).add(w24).add(s0(w16)).add(c[31]);
        w31.intoArray(w, 31 * L);
        LongVector w32 = s1(w30).add(w25).add(w16).add(c[32]);
        w32.intoArray(w, 32 * L);
        LongVector w33 = s1(w31).add(w26).add(s0(w18)).add(c[33]);
        w33.intoArray(w, 33 * L);
        LongVector w34 = s1(w32).add(w27).add(w18).add(c[34]);
        w34.intoArray(w, 34 * L);
        LongVector w35 = s1(w33).add(w28).add(s0(w20)).add(c[35]);
        w35.intoArray(w, 35 * L);
        LongVector w36 = s1(w34).add(w29).add(w20).add(c[36]);
        w36.intoArray(w, 36 * L);
        LongVector w37 = s1(w35).add(w30).add(s0(w22)).add(c[37]);
        w37.intoArray(w, 37 * L);
        schedule(w, 38);
        final long[] o = this.o;
        compress(w, o);
        for (int i = 0; i < 8; i++) {
            ld(o, i).add(IV[i]).intoArray(o, i * L);
        }
        LongVector o0 = ld(o, 0), o1 = ld(o, 1), o2 = ld(o, 2), o3 = ld(o, 3);
        LongVector o4 = ld(o, 4), o5 = ld(o, 5), o6 = ld(o, 6), o7 = ld(o, 7);
        LongVector o16 = s0(o1).add(o0);
        LongVector o17 = s0(o2).add(o1).add(OC17);
        LongVector o18 = s1(o16).add(s0(o3)).add(o2);
        LongVector o19 = s1(o17).add(s0(o4)).add(o3);
        LongVector o20 = s1(o18).add(s0(o5)).add(o4);
        LongVector o21 = s1(o19).add(s0(o6)).add(o5);
        LongVector o22 = s1(o20).add(s0(o7)).add(o6).add(OUTER_BITS);
        LongVector o23 = s1(o21).add(o16).add(o7).add(OC23);
        LongVector o24 = s1(o22).add(o17).add(PAD);
        LongVector o25 = s1(o23).add(o18);
        LongVector o26 = s1(o24).add(o19);
        LongVector o27 = s1(o25).add(o20);
        LongVector o28 = s1(o26).add(o21);
        LongVector o29 = s1(o27).add(o22);
        LongVector o30 = s1(o28).add(o23).add(OC30);
        LongVector o31 = s1(o29).add(o24).add(s0(o16)).add(OUTER_BITS);
        o16.intoArray(o, 16 * L);
        o17.intoArray(o, 17 * L);
        o18.intoArray(o, 18 * L);
        o19.intoArray(o, 19 * L);
        o20.intoArray(o, 20 * L);
        o21.intoArray(o, 21 * L);
        o22.intoArray(o, 22 * L);
        o23.intoArray(o, 23 * L);
        o24.intoArray(o, 24 * L);
        o25.intoArray(o, 25 * L);
        o26.intoArray(o, 26 * L);
        o27.intoArray(o, 27 * L);
        o28.intoArray(o, 28 * L);
        o29.intoArray(o, 29 * L);
        o30.intoArray(o, 30 * L);
        o31.intoArray(o, 31 * L);
        schedule(o, 32);
        LongVector v = firstWord(o).add(IV[0]);
        v.intoArray(lanesOut, 0);
        return v.compare(ULE, target);
    }

    private void schedule(long[] w, int from) {
        for (int t = from; t < 80; t++) {
            s1(ld(w, t - 2)).add(ld(w, t - 7)).add(s0(ld(w, t - 15))).add(ld(w, t - 16)).intoArray(w, t * L);
        }
    }

    private void compress(long[] w, long[] out) {
        LongVector a = k(IV[0]), b = k(IV[1]), c = k(IV[2]), d = k(IV[3]);
        LongVector e = k(IV[4]), f = k(IV[5]), g = k(IV[6]), h = k(IV[7]);
        for (int t = 0; t < 80; t += 8) {
            h = h.add(bs1(e)).add(ch(e, f, g)).add(K[t]).add(ld(w, t)); d = d.add(h); h = h.add(bs0(a)).add(maj(a, b, c));
            g = g.add(bs1(d)).add(ch(d, e, f)).add(K[t + 1]).add(ld(w, t + 1)); c = c.add(g); g = g.add(bs0(h)).add(maj(h, a, b));
            f = f.add(bs1(c)).add(ch(c, d, e)).add(K[t + 2]).add(ld(w, t + 2)); b = b.add(f); f = f.add(bs0(g)).add(maj(g, h, a));
            e = e.add(bs1(b)).add(ch(b, c, d)).add(K[t + 3]).add(ld(w, t + 3)); a = a.add(e); e = e.add(bs0(f)).add(maj(f, g, h));
            d = d.add(bs1(a)).add(ch(a, b, c)).add(K[t + 4]).add(ld(w, t + 4)); h = h.add(d); d = d.add(bs0(e)).add(maj(e, f, g));
            c = c.add(bs1(h)).add(ch(h, a, b)).add(K[t + 5]).add(ld(w, t + 5)); g = g.add(c); c = c.add(bs0(d)).add(maj(d, e, f));
            b = b.add(bs1(g)).add(ch(g, h, a)).add(K[t + 6]).add(ld(w, t + 6)); f = f.add(b); b = b.add(bs0(c)).add(maj(c, d, e));
            a = a.add(bs1(f)).add(ch(f, g, h)).add(K[t + 7]).add(ld(w, t + 7)); e = e.add(a); a = a.add(bs0(b)).add(maj(b, c, d));
        }
        a.intoArray(out, 0);
        b.intoArray(out, L);
        c.intoArray(out, 2 * L);
        d.intoArray(out, 3 * L);
        e.intoArray(out, 4 * L);
        f.intoArray(out, 5 * L);
        g.intoArray(out, 6 * L);
        h.intoArray(out, 7 * L);
    }

    private LongVector firstWord(long[] w) {
        LongVector a = k(IV[0]), b = k(IV[1]), c = k(IV[2]), d = k(IV[3]);
        LongVector e = k(IV[4]), f = k(IV[5]), g = k(IV[6]), h = k(IV[7]);
        for (int t = 0; t < 80; t += 8) {
            h = h.add(bs1(e)).add(ch(e, f, g)).add(K[t]).add(ld(w, t)); d = d.add(h); h = h.add(bs0(a)).add(maj(a, b, c));
            g = g.add(bs1(d)).add(ch(d, e, f)).add(K[t + 1]).add(ld(w, t + 1)); c = c.add(g); g = g.add(bs0(h)).add(maj(h, a, b));
            f = f.add(bs1(c)).add(ch(c, d, e)).add(K[t + 2]).add(ld(w, t + 2)); b = b.add(f); f = f.add(bs0(g)).add(maj(g, h, a));
            e = e.add(bs1(b)).add(ch(b, c, d)).add(K[t + 3]).add(ld(w, t + 3)); a = a.add(e); e = e.add(bs0(f)).add(maj(f, g, h));
            d = d.add(bs1(a)).add(ch(a, b, c)).add(K[t + 4]).add(ld(w, t + 4)); h = h.add(d); d = d.add(bs0(e)).add(maj(e, f, g));
            c = c.add(bs1(h)).add(ch(h, a, b)).add(K[t + 5]).add(ld(w, t + 5)); g = g.add(c); c = c.add(bs0(d)).add(maj(d, e, f));
            b = b.add(bs1(g)).add(ch(g, h, a)).add(K[t + 6]).add(ld(w, t + 6)); f = f.add(b); b = b.add(bs0(c)).add(maj(c, d, e));
            a = a.add(bs1(f)).add(ch(f, g, h)).add(K[t + 7]).add(ld(w, t + 7)); e = e.add(a); a = a.add(bs0(b)).add(maj(b, c, d));
        }
        return a;
    }
}
