package dev.bmtool.core.vanity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeTest {
    private static final BigInteger P = Fe.P;
    private static final BigInteger TWO256 = BigInteger.ONE.shiftLeft(256);

    /** Random values plus edge cases, including unreduced limbs in [p, 2^256). */
    private static List<BigInteger> values() {
        Random rnd = new Random(42);
        List<BigInteger> v = new ArrayList<>();
        for (BigInteger e : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, P.subtract(BigInteger.ONE),
                P, P.add(BigInteger.ONE), TWO256.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(255),
                BigInteger.valueOf(Fe.C), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)}) {
            v.add(e);
        }
        for (int i = 0; i < 300; i++) {
            v.add(new BigInteger(256, rnd));
            // small and sparse values exercise the carry chains
            v.add(new BigInteger(1 + rnd.nextInt(256), rnd));
            v.add(TWO256.subtract(BigInteger.ONE).subtract(new BigInteger(40, rnd)));
        }
        return v;
    }

    private static Fe raw(BigInteger x) {
        Fe f = new Fe();
        f.v0 = x.longValue();
        f.v1 = x.shiftRight(64).longValue();
        f.v2 = x.shiftRight(128).longValue();
        f.v3 = x.shiftRight(192).longValue();
        return f;
    }

    private static BigInteger value(Fe f) {
        Fe c = new Fe(f);
        Fe.normalize(c);
        BigInteger v = c.toBigInteger();
        assertEquals(true, v.compareTo(P) < 0, "normalized value below p");
        return v;
    }

    @Test
    void arithmeticMatchesBigInteger() {
        List<BigInteger> vs = values();
        Fe r = new Fe();
        for (int i = 0; i < vs.size(); i++) {
            BigInteger a = vs.get(i);
            BigInteger b = vs.get((i * 7 + 3) % vs.size());
            Fe fa = raw(a);
            Fe fb = raw(b);
            Fe.mul(r, fa, fb);
            assertEquals(a.multiply(b).mod(P), value(r), "mul " + a + " " + b);
            Fe.sqr(r, fa);
            assertEquals(a.multiply(a).mod(P), value(r), "sqr " + a);
            Fe.add(r, fa, fb);
            assertEquals(a.add(b).mod(P), value(r), "add " + a + " " + b);
            Fe.sub(r, fa, fb);
            assertEquals(a.subtract(b).mod(P), value(r), "sub " + a + " " + b);
            Fe.sub(r, fb, fa);
            assertEquals(b.subtract(a).mod(P), value(r), "sub " + b + " " + a);
        }
    }

    @Test
    void inverseMatchesBigInteger() {
        List<BigInteger> vs = values();
        Fe r = new Fe();
        for (int i = 0; i < 60; i++) {
            BigInteger a = vs.get(i * 13 % vs.size());
            Fe.inv(r, raw(a));
            BigInteger expect = a.mod(P).signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
            assertEquals(expect, value(r), "inv " + a);
        }
    }

    @Test
    void aliasedOperandsWork() {
        BigInteger a = new BigInteger("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", 16);
        Fe f = Fe.of(a);
        Fe.mul(f, f, f);
        assertEquals(a.multiply(a).mod(P), value(f));
        Fe g = Fe.of(a);
        Fe.sub(g, g, g);
        assertEquals(BigInteger.ZERO, value(g));
    }

    @Test
    void bytesAreBigEndian() {
        BigInteger a = new BigInteger("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", 16);
        byte[] out = new byte[32];
        Fe.of(a).putBigEndian(out, 0);
        for (int i = 0; i < 32; i++) {
            assertEquals(i + 1, out[i]);
        }
    }
}
