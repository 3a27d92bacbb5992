package dev.bmtool.core.crypto;

import dev.bmtool.core.encoding.ProtocolException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A secp256k1 private key: 32 bytes big-endian. Any 32-byte value is accepted and used modulo the
 * curve order n, as OpenSSL (and so PyBitmessage) effectively does for deterministic keys; the
 * original bytes are kept so keys.dat round-trips. A value that is 0 mod n is rejected.
 */
public final class PrivateKey {
    private final byte[] bytes;
    private final BigInteger scalar;
    private volatile PublicKey publicKey;

    private PrivateKey(byte[] bytes, BigInteger scalar) {
        this.bytes = bytes;
        this.scalar = scalar;
    }

    /** Exactly 32 bytes; reduced mod n for arithmetic. */
    public static PrivateKey of(byte[] key32) {
        if (key32.length != 32) {
            throw new ProtocolException.BadValue("private key must be 32 bytes, got " + key32.length);
        }
        BigInteger s = new BigInteger(1, key32).mod(Secp256k1.N);
        if (s.signum() == 0) {
            throw new ProtocolException.BadValue("private key is zero modulo the curve order");
        }
        return new PrivateKey(key32.clone(), s);
    }

    /**
     * A big-endian value of any length (e.g. the 64-byte keys of old Jabit files), reduced mod n
     * to a canonical 32-byte key.
     */
    public static PrivateKey ofReduced(byte[] anyLength) {
        BigInteger s = new BigInteger(1, anyLength).mod(Secp256k1.N);
        if (s.signum() == 0) {
            throw new ProtocolException.BadValue("private key is zero modulo the curve order");
        }
        return new PrivateKey(Secp256k1.to32(s), s);
    }

    public static PrivateKey random(SecureRandom rnd) {
        byte[] b = new byte[32];
        while (true) {
            rnd.nextBytes(b);
            BigInteger s = new BigInteger(1, b);
            if (s.signum() > 0 && s.compareTo(Secp256k1.N) < 0) {
                return new PrivateKey(b.clone(), s);
            }
        }
    }

    /** The 32 bytes as given (not reduced). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The scalar in [1, n-1]. */
    public BigInteger scalar() {
        return scalar;
    }

    public PublicKey publicKey() {
        PublicKey p = publicKey;
        if (p == null) {
            p = PublicKey.fromPoint(Secp256k1.multiplyG(scalar));
            publicKey = p;
        }
        return p;
    }

    public KeyPair keyPair() {
        return new KeyPair(this, publicKey());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrivateKey k && MessageDigest.isEqual(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Never prints the key material. */
    @Override
    public String toString() {
        return "PrivateKey[secp256k1]";
    }
}
