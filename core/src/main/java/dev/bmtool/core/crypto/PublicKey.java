package dev.bmtool.core.crypto;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A secp256k1 public key. On the wire it is 64 bytes X||Y; for hashing (ripe) the 65-byte
 * uncompressed form 04||X||Y is used. Always a valid point on the curve (checked on read).
 */
public final class PublicKey {
    private final ECPoint point;
    private final byte[] encoded64;

    private PublicKey(ECPoint point, byte[] encoded64) {
        this.point = point;
        this.encoded64 = encoded64;
    }

    static PublicKey fromPoint(ECPoint p) {
        ECPoint n = p.normalize();
        byte[] e = new byte[64];
        System.arraycopy(n.getAffineXCoord().getEncoded(), 0, e, 0, 32);
        System.arraycopy(n.getAffineYCoord().getEncoded(), 0, e, 32, 32);
        return new PublicKey(n, e);
    }

    /** From coordinates given as unsigned big-endian bytes of any length up to 32. */
    public static PublicKey fromCoordinates(byte[] x, byte[] y) {
        if (x.length > 32 || y.length > 32) {
            throw new ProtocolException.BadValue("public key coordinate longer than 32 bytes");
        }
        BigInteger bx = new BigInteger(1, x);
        BigInteger by = new BigInteger(1, y);
        ECPoint p;
        try {
            p = Secp256k1.CURVE.createPoint(bx, by);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException.BadValue("public key coordinate out of range");
        }
        if (p.isInfinity() || !p.isValid()) {
            throw new ProtocolException.BadValue("public key is not on secp256k1");
        }
        return fromPoint(p);
    }

    /** 64 bytes X||Y (wire form). */
    public static PublicKey of(byte[] xy64) {
        if (xy64.length != 64) {
            throw new ProtocolException.BadValue("public key must be 64 bytes, got " + xy64.length);
        }
        return fromCoordinates(Arrays.copyOfRange(xy64, 0, 32), Arrays.copyOfRange(xy64, 32, 64));
    }

    /** 65 bytes 04||X||Y. */
    public static PublicKey ofUncompressed(byte[] b65) {
        if (b65.length != 65 || b65[0] != 4) {
            throw new ProtocolException.BadValue("uncompressed public key must be 65 bytes starting with 04");
        }
        return of(Arrays.copyOfRange(b65, 1, 65));
    }

    /** 64 bytes X||Y. */
    public byte[] bytes() {
        return encoded64.clone();
    }

    /** 65 bytes 04||X||Y, as hashed into ripe. */
    public byte[] uncompressed() {
        byte[] out = new byte[65];
        out[0] = 4;
        System.arraycopy(encoded64, 0, out, 1, 64);
        return out;
    }

    public byte[] x() {
        return Arrays.copyOfRange(encoded64, 0, 32);
    }

    public byte[] y() {
        return Arrays.copyOfRange(encoded64, 32, 64);
    }

    ECPoint point() {
        return point;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey k && Arrays.equals(k.encoded64, encoded64);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded64);
    }

    @Override
    public String toString() {
        return "PublicKey[" + Hex.encode(encoded64) + "]";
    }
}
