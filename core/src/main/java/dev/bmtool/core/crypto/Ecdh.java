package dev.bmtool.core.crypto;

import org.bouncycastle.math.ec.ECPoint;

/** Elliptic-curve Diffie-Hellman as OpenSSL's ECDH_compute_key: the X coordinate of k*K. */
public final class Ecdh {
    private Ecdh() {
    }

    /** X of {@code k * K}, 32 bytes left-padded. */
    public static byte[] sharedX(PrivateKey k, PublicKey pub) {
        ECPoint p = pub.point().multiply(k.scalar()).normalize();
        if (p.isInfinity()) {
            throw new DecryptionException("ECDH result is the point at infinity");
        }
        return p.getAffineXCoord().getEncoded();
    }
}
