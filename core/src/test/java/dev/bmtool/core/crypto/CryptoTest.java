package dev.bmtool.core.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CryptoTest {
    private static final BigInteger N =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    private final SecureRandom rnd = new SecureRandom();

    @Test
    void privateKeyReducedModN() {
        byte[] nBytes = Hex.decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        assertThrows(ProtocolException.class, () -> PrivateKey.of(nBytes));
        assertThrows(ProtocolException.class, () -> PrivateKey.of(new byte[32]));
        assertThrows(ProtocolException.class, () -> PrivateKey.of(new byte[31]));
        byte[] nPlus5 = Hex.decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364146");
        PrivateKey k = PrivateKey.of(nPlus5);
        assertEquals(BigInteger.valueOf(5), k.scalar());
        assertArrayEquals(nPlus5, k.bytes()); // raw bytes kept for keys.dat round trips
        byte[] five = new byte[32];
        five[31] = 5;
        assertEquals(PrivateKey.of(five).publicKey(), k.publicKey());
        assertEquals(PrivateKey.ofReduced(nPlus5), PrivateKey.of(five));
        assertFalse(k.toString().contains("ff"));
    }

    @Test
    void fastBaseMultiplicationMatchesGeneric() {
        Random r = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] b = new byte[32];
            r.nextBytes(b);
            if (i < 4) {
                Arrays.fill(b, 0, 16 + 4 * i, (byte) 0); // small scalars too
            }
            BigInteger s = new BigInteger(1, b).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            var expected = Secp256k1.G.multiply(s).normalize();
            assertEquals(expected, Secp256k1.multiplyG(s));
        }
        assertEquals(Secp256k1.G.normalize(), Secp256k1.multiplyG(BigInteger.ONE));
        assertEquals(Secp256k1.G.negate().normalize(), Secp256k1.multiplyG(N.subtract(BigInteger.ONE)));
    }

    @Test
    void publicKeyValidation() {
        PublicKey p = PrivateKey.random(rnd).publicKey();
        assertEquals(p, PublicKey.of(p.bytes()));
        byte[] bad = p.bytes();
        bad[63] ^= 1;
        assertThrows(ProtocolException.class, () -> PublicKey.of(bad));
        assertThrows(ProtocolException.class, () -> PublicKey.of(new byte[64])); // (0,0) not on curve
        byte[] ff = new byte[64];
        Arrays.fill(ff, (byte) 0xff);
        assertThrows(ProtocolException.class, () -> PublicKey.of(ff)); // coordinates >= p
        assertThrows(ProtocolException.class, () -> PublicKey.of(new byte[65]));
        assertThrows(ProtocolException.class, () -> PublicKey.ofUncompressed(p.bytes()));
    }

    @Test
    void ecdhIsSymmetric() {
        PrivateKey a = PrivateKey.random(rnd);
        PrivateKey b = PrivateKey.random(rnd);
        assertArrayEquals(Ecdh.sharedX(a, b.publicKey()), Ecdh.sharedX(b, a.publicKey()));
        assertEquals(32, Ecdh.sharedX(a, b.publicKey()).length);
    }

    @Test
    void eciesRoundTripAllLengths() {
        PrivateKey k = PrivateKey.random(rnd);
        for (int len : new int[] {0, 1, 15, 16, 17, 100, 4096}) {
            byte[] msg = new byte[len];
            rnd.nextBytes(msg);
            byte[] blob = Ecies.encrypt(k.publicKey(), msg);
            assertEquals(16 + 70 + (len / 16 + 1) * 16 + 32, blob.length);
            assertArrayEquals(msg, Ecies.decrypt(k, blob));
        }
    }

    @Test
    void eciesRandomisedPerCall() {
        PrivateKey k = PrivateKey.random(rnd);
        byte[] msg = {1, 2, 3};
        assertNotEquals(Hex.encode(Ecies.encrypt(k.publicKey(), msg)), Hex.encode(Ecies.encrypt(k.publicKey(), msg)));
    }

    @Test
    void eciesMalformedBlobsFailTyped() {
        PrivateKey k = PrivateKey.random(rnd);
        byte[] blob = Ecies.encrypt(k.publicKey(), new byte[20]);
        // X length above 32
        byte[] t1 = blob.clone();
        t1[19] = 33;
        assertThrows(DecryptionException.class, () -> Ecies.decrypt(k, t1));
        // X length running past the end
        byte[] t2 = blob.clone();
        t2[18] = (byte) 0xff;
        assertThrows(DecryptionException.class, () -> Ecies.decrypt(k, t2));
        // R not on the curve
        byte[] t3 = blob.clone();
        t3[30] ^= 1;
        assertThrows(DecryptionException.class, () -> Ecies.decrypt(k, t3));
        // ciphertext not a block multiple
        byte[] t4 = Arrays.copyOf(blob, blob.length - 1);
        assertThrows(DecryptionException.class, () -> Ecies.decrypt(k, t4));
        for (int n = 0; n < 90; n += 7) {
            int len = n;
            assertThrows(DecryptionException.class, () -> Ecies.decrypt(k, Arrays.copyOf(blob, len)));
        }
        // random garbage never escapes as anything but DecryptionException
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] g = new byte[r.nextInt(200)];
            r.nextBytes(g);
            assertThrows(DecryptionException.class, () -> Ecies.decrypt(k, g));
        }
    }

    @Test
    void eciesBadPaddingWithValidMacFails() {
        // A blob whose MAC is right but whose padding is wrong. The 16 zero bytes encrypt to two
        // blocks, the second all padding (0x10 x 16). Flipping a byte of the FIRST block flips
        // the same byte of the second block's plaintext (CBC), so the last padding byte is 0x45
        // whatever the keys; flipping the last block instead would scramble it at random and
        // leave valid padding (...0x01) about one run in 256. Many keys show it is not luck.
        for (int run = 0; run < 32; run++) {
            PrivateKey k = PrivateKey.random(rnd);
            PrivateKey r = PrivateKey.random(rnd);
            byte[] good = Ecies.encrypt(k.publicKey(), new byte[16], new byte[16], r);
            assertEquals(16 + 70 + 2 * 16 + 32, good.length, "iv, R, two blocks, MAC");
            byte[][] keys = Ecies.deriveKeys(Ecdh.sharedX(r, k.publicKey()));
            byte[] bad = good.clone();
            bad[bad.length - 32 - 16 - 1] ^= 0x55;
            byte[] mac = Hashes.hmacSha256(keys[1], Arrays.copyOf(bad, bad.length - 32));
            System.arraycopy(mac, 0, bad, bad.length - 32, 32);
            assertThrows(DecryptionException.class, () -> Ecies.decrypt(k, bad));
        }
    }

    @Test
    void ecdsaRejectsMalformedSignatures() {
        PrivateKey k = PrivateKey.random(rnd);
        byte[] data = {1, 2, 3};
        byte[] sig = Ecdsa.sign(k, data);
        assertTrue(Ecdsa.verify(k.publicKey(), data, sig));
        assertFalse(Ecdsa.verify(k.publicKey(), data, new byte[0]));
        assertFalse(Ecdsa.verify(k.publicKey(), data, Arrays.copyOf(sig, sig.length - 1)));
        byte[] junk = new byte[72];
        junk[0] = 0x30;
        assertFalse(Ecdsa.verify(k.publicKey(), data, junk));
        // BER-style trailing data or a padded length is not strict DER
        byte[] trailing = Arrays.copyOf(sig, sig.length + 1);
        assertFalse(Ecdsa.verify(k.publicKey(), data, trailing));
        byte[] flipped = sig.clone();
        flipped[sig.length - 1] ^= 1;
        assertFalse(Ecdsa.verify(k.publicKey(), data, flipped));
    }
}
