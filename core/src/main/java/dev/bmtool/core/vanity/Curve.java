package dev.bmtool.core.vanity;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/** secp256k1 through Bouncy Castle: used only off the hot path (start points, tables, verification). */
final class Curve {
    static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    static final ECPoint G = PARAMS.getG();
    static final BigInteger N = PARAMS.getN();

    private Curve() {
    }

    /** k*G, normalized. */
    static ECPoint multiply(BigInteger k) {
        return G.multiply(k.mod(N)).normalize();
    }

    /** 04 || X || Y of k*G. */
    static byte[] publicKey65(BigInteger k) {
        return multiply(k).getEncoded(false);
    }

    static Fe x(ECPoint p) {
        return Fe.of(p.normalize().getAffineXCoord().toBigInteger());
    }

    static Fe y(ECPoint p) {
        return Fe.of(p.normalize().getAffineYCoord().toBigInteger());
    }

    /** 32-byte big-endian encoding of a scalar in [0, n). */
    static byte[] scalarBytes(BigInteger k) {
        byte[] raw = k.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }
}
