package dev.bmtool.core.crypto;

import dev.bmtool.core.encoding.ByteWriter;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bitmessage ECIES (protocol brief section 9): IV(16) || 02CA || len X || len Y || AES-256-CBC
 * ciphertext || HMAC-SHA256. Encrypts with 32-byte padded coordinates; decrypts any coordinate
 * length up to 32 and MACs the bytes exactly as received.
 */
public final class Ecies {
    /** OpenSSL NID of secp256k1, written as the curve type. */
    public static final int CURVE_TYPE = 0x02CA;
    private static final int IV_LEN = 16;
    private static final int MAC_LEN = 32;
    /** IV, curve, two lengths, one ciphertext block and the MAC: anything shorter cannot be valid. */
    public static final int MIN_BLOB_LENGTH = IV_LEN + 2 + 2 + 2 + 16 + MAC_LEN;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ecies() {
    }

    public static byte[] encrypt(PublicKey recipient, byte[] plaintext) {
        byte[] iv = new byte[IV_LEN];
        RANDOM.nextBytes(iv);
        return encrypt(recipient, plaintext, iv, PrivateKey.random(RANDOM));
    }

    /** Deterministic form for tests: the caller supplies the IV and the ephemeral key r. */
    public static byte[] encrypt(PublicKey recipient, byte[] plaintext, byte[] iv, PrivateKey ephemeral) {
        if (iv.length != IV_LEN) {
            throw new IllegalArgumentException("IV must be 16 bytes");
        }
        byte[][] keys = deriveKeys(Ecdh.sharedX(ephemeral, recipient));
        byte[] ciphertext = aes(Cipher.ENCRYPT_MODE, keys[0], iv, plaintext);
        PublicKey r = ephemeral.publicKey();
        ByteWriter w = new ByteWriter(IV_LEN + 70 + ciphertext.length + MAC_LEN);
        w.writeBytes(iv).writeUInt16(CURVE_TYPE)
                .writeUInt16(32).writeBytes(r.x())
                .writeUInt16(32).writeBytes(r.y())
                .writeBytes(ciphertext);
        byte[] body = w.toByteArray();
        byte[] mac = Hashes.hmacSha256(keys[1], body);
        w.writeBytes(mac);
        return w.toByteArray();
    }

    /** key_e = sha512(Px)[0:32], key_m = sha512(Px)[32:64]. */
    static byte[][] deriveKeys(byte[] sharedX) {
        byte[] h = Hashes.sha512(sharedX);
        return new byte[][] {Arrays.copyOfRange(h, 0, 32), Arrays.copyOfRange(h, 32, 64)};
    }

    /** The ephemeral public key R as found in a blob (coordinates left-padded). */
    public static PublicKey ephemeralKey(byte[] blob) {
        return parse(blob).r;
    }

    private record Parsed(PublicKey r, int cipherStart, int cipherEnd) {
    }

    private static Parsed parse(byte[] blob) {
        if (blob.length < MIN_BLOB_LENGTH) {
            throw new DecryptionException("encrypted blob too short (" + blob.length + " bytes)");
        }
        int pos = IV_LEN + 2; // curve type is not checked, as in PyBitmessage
        int xlen = u16(blob, pos);
        pos += 2;
        if (xlen > 32 || pos + xlen + 2 > blob.length) {
            throw new DecryptionException("bad ephemeral key X length " + xlen);
        }
        byte[] x = Arrays.copyOfRange(blob, pos, pos + xlen);
        pos += xlen;
        int ylen = u16(blob, pos);
        pos += 2;
        if (ylen > 32 || pos + ylen > blob.length) {
            throw new DecryptionException("bad ephemeral key Y length " + ylen);
        }
        byte[] y = Arrays.copyOfRange(blob, pos, pos + ylen);
        pos += ylen;
        int cipherEnd = blob.length - MAC_LEN;
        int clen = cipherEnd - pos;
        if (clen < 16 || clen % 16 != 0) {
            throw new DecryptionException("ciphertext length " + clen + " is not a positive multiple of 16");
        }
        PublicKey r;
        try {
            r = PublicKey.fromCoordinates(x, y);
        } catch (RuntimeException e) {
            throw new DecryptionException("ephemeral key is not a valid curve point");
        }
        return new Parsed(r, pos, cipherEnd);
    }

    /** Decrypts with private key k; any failure is a {@link DecryptionException}. */
    public static byte[] decrypt(PrivateKey k, byte[] blob) {
        Parsed p = parse(blob);
        byte[][] keys = deriveKeys(Ecdh.sharedX(k, p.r));
        byte[] expected = hmac(keys[1], blob, p.cipherEnd);
        byte[] got = Arrays.copyOfRange(blob, p.cipherEnd, blob.length);
        if (!MessageDigest.isEqual(expected, got)) {
            throw new DecryptionException("MAC mismatch (not encrypted to this key, or corrupted)");
        }
        byte[] iv = Arrays.copyOfRange(blob, 0, IV_LEN);
        return aes(Cipher.DECRYPT_MODE, keys[0], iv, Arrays.copyOfRange(blob, p.cipherStart, p.cipherEnd));
    }

    private static byte[] hmac(byte[] key, byte[] data, int len) {
        return Hashes.hmacSha256(key, Arrays.copyOf(data, len));
    }

    private static int u16(byte[] b, int pos) {
        return ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
    }

    private static byte[] aes(int mode, byte[] key, byte[] iv, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (BadPaddingException | IllegalBlockSizeException e) {
            throw new DecryptionException("bad padding after decryption");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC unavailable", e);
        }
    }
}
