package dev.bmtool.core.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** The hash functions Bitmessage uses. All methods are thread-safe and return fresh arrays. */
public final class Hashes {
    private Hashes() {
    }

    private static MessageDigest md(String alg) {
        try {
            return MessageDigest.getInstance(alg);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(alg + " missing from the JDK", e);
        }
    }

    public static byte[] sha512(byte[] data) {
        return md("SHA-512").digest(data);
    }

    /** SHA-512 of several parts concatenated, without building the concatenation. */
    public static byte[] sha512(byte[]... parts) {
        MessageDigest d = md("SHA-512");
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }

    /** sha512(sha512(data)). */
    public static byte[] dsha512(byte[] data) {
        MessageDigest d = md("SHA-512");
        return d.digest(d.digest(data));
    }

    public static byte[] sha256(byte[] data) {
        return md("SHA-256").digest(data);
    }

    /** sha256(sha256(data)) (WIF checksum). */
    public static byte[] dsha256(byte[] data) {
        MessageDigest d = md("SHA-256");
        return d.digest(d.digest(data));
    }

    public static byte[] sha1(byte[] data) {
        return md("SHA-1").digest(data);
    }

    /** RIPEMD-160 (Bouncy Castle: the JDK has none). */
    public static byte[] ripemd160(byte[] data) {
        RIPEMD160Digest d = new RIPEMD160Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[20];
        d.doFinal(out, 0);
        return out;
    }

    /** ripemd160(sha512(data)): the Bitmessage address hash. */
    public static byte[] bm160(byte[] data) {
        return ripemd160(sha512(data));
    }

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** First {@code n} bytes of {@code h}. */
    static byte[] head(byte[] h, int n) {
        return Arrays.copyOf(h, n);
    }
}
