package dev.bmtool.core.crypto;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/** secp256k1 domain parameters (Bouncy Castle's optimised custom curve). */
final class Secp256k1 {
    static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    static final ECCurve CURVE = PARAMS.getCurve();
    static final ECPoint G = PARAMS.getG();
    static final BigInteger N = PARAMS.getN();
    static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE, G, N, PARAMS.getH(), PARAMS.getSeed());

    private Secp256k1() {
    }

    /**
     * k*G, normalised, with a table of j * 256^i * G (32 x 256 affine points, built on first use,
     * about 1 MB): 32 point additions and no doublings, about 4 times faster than Bouncy Castle's
     * comb. Deterministic address search needs ~10^5 of these (vectors.md 4.2 eighteenByteRipe).
     * Variable time; bmtool only derives keys locally.
     */
    static ECPoint multiplyG(BigInteger k) {
        ECPoint[][] t = Table.TABLE;
        byte[] b = to32(k.mod(N));
        ECPoint acc = CURVE.getInfinity();
        for (int i = 0; i < 32; i++) {
            int v = b[31 - i] & 0xFF;
            if (v != 0) {
                acc = acc.add(t[i][v]);
            }
        }
        return acc.normalize();
    }

    /** Lazy holder of the fixed-base table. */
    private static final class Table {
        static final ECPoint[][] TABLE = build();

        private static ECPoint[][] build() {
            ECPoint[][] t = new ECPoint[32][256];
            ECPoint base = G;
            for (int i = 0; i < 32; i++) {
                t[i][0] = CURVE.getInfinity();
                ECPoint acc = base;
                for (int j = 1; j < 256; j++) {
                    t[i][j] = acc;
                    acc = acc.add(base);
                }
                CURVE.normalizeAll(t[i]);
                base = acc.normalize(); // 256 * previous base
            }
            return t;
        }
    }

    /** Left-pads or checks a non-negative integer into exactly 32 bytes. */
    static byte[] to32(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b.length == 32) {
            return b;
        }
        byte[] out = new byte[32];
        if (b.length > 32) {
            // leading sign byte only
            System.arraycopy(b, b.length - 32, out, 0, 32);
        } else {
            System.arraycopy(b, 0, out, 32 - b.length, b.length);
        }
        return out;
    }
}
