package dev.bmtool.vectors.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.crypto.DecryptionException;
import dev.bmtool.core.crypto.Ecdh;
import dev.bmtool.core.crypto.Ecdsa;
import dev.bmtool.core.crypto.Ecies;
import dev.bmtool.core.crypto.Hashes;
import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.crypto.PublicKey;
import dev.bmtool.core.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** vectors.md sections 5, 5.1 and 6. */
class EciesSignatureVectorsTest {
    private static final String K = "0409d4e5c0ab3d25fe048c64c9da1a242c7f19417e9517cd266950d72c755713585c6178e97fe092fc897c9a1f1720d5770ae8eaad2fa8fcbd08e9324a5dde1857";
    private static final String BLOB5 = """
            bddb7c2829b08038753084a2f399168102ca00200293213dcf1388b61c2ae5cf
            80fee6ffffc049a2f9fe7365fe3867813ca812920020df94686c6afb565ac614
            9b153d61b3b287ee2c7f997c14238796c12b43a3865a64203d5b24688e2547bb
            a345fa139a5a1d962220d4d48a0cf3b1572c0d95b61643a6f9a0d75af7eacc1b
            d957147bf723f2526d61b4851fb23409863826fd206165edc021368c7946571c
            ead69046e619""";
    private static final String BLOB51_PADDED = """
            000102030405060708090a0b0c0d0e0f02ca0020003239a873989e5e2619260a
            96899d962fbe13a6ddf83c2aba3e07c3883b72b5002019eb60ded15a85921bf7
            c0071a4cd98f95b965350f70509498ff158706963ca72fb31a1842e2543115b5
            69129118d52c86bc24912aadfc9ac999f6c039408228b619989e034bbb56b1fe
            799a747afb6e84ab01c548e2fd2bdda7cd203071902d""";
    private static final String BLOB51_STRIPPED = """
            000102030405060708090a0b0c0d0e0f02ca001f3239a873989e5e2619260a96
            899d962fbe13a6ddf83c2aba3e07c3883b72b5002019eb60ded15a85921bf7c0
            071a4cd98f95b965350f70509498ff158706963ca72fb31a1842e2543115b569
            129118d52c86bc24912aadfc9ac999f6c0394082280ab72d9b6fc73dec804537
            39226133d566a853f70f9ace1e4c1b9fb99c91a874""";
    private static final PrivateKey K51 =
            PrivateKey.of(Hex.decode("4b0b73a54e19b059dc274ab69df095fe699f43b17397bca26fdf40f4d7400a3a"));
    private static final byte[] HELLO_BM = "Hello Bitmessage".getBytes(StandardCharsets.US_ASCII);

    @Test
    void workedExampleEncrypt() {
        PublicKey k = PublicKey.ofUncompressed(Hex.decode(K));
        PrivateKey r = PrivateKey.of(Hex.decode("5be6facd941b76e9d3ead03029fbdb6b6e0809293f7fb197d0c51f84e96b8ba4"));
        assertEquals("040293213dcf1388b61c2ae5cf80fee6ffffc049a2f9fe7365fe3867813ca81292df94686c6afb565ac6149b153d61b3b287ee2c7f997c14238796c12b43a3865a",
                Hex.encode(r.publicKey().uncompressed()));
        byte[] px = Ecdh.sharedX(r, k);
        assertEquals("0db8e3ad8c0cd73fa2b34671b7b247729b101141579d199e0dc0bd024eaefd89", Hex.encode(px));
        byte[] h = Hashes.sha512(px);
        assertEquals("170543828267867105263d4828efff82d9d59cbf08743b696bcc5d69fa1897b4", Hex.encode(Arrays.copyOf(h, 32)));
        assertEquals("f83f1e9cc5d6b8448d39dc6a9d5f5b7f460e4a78e9286ee8d91ce1660a53eacd",
                Hex.encode(Arrays.copyOfRange(h, 32, 64)));
        byte[] blob = Ecies.encrypt(k, "The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII),
                Hex.decode("bddb7c2829b08038753084a2f3991681"), r);
        assertEquals(Hex.encode(Hex.decode(BLOB5)), Hex.encode(blob));
        assertEquals(166, blob.length);
        assertEquals(r.publicKey(), Ecies.ephemeralKey(blob));
    }

    @Test
    void leadingZeroCoordinateBothForms() {
        PrivateKey r = PrivateKey.of(Hex.decode("fa4385ff344f5fd2da848cfcde15932d0d9daa846b26731e868f27cef7f18a28"));
        assertArrayEquals(Arrays.copyOf(Hashes.sha512("bmtool-ecies-151".getBytes(StandardCharsets.US_ASCII)), 32),
                r.bytes());
        assertEquals("b30c3ec69dfc4760033c8d15ee9a5347204e2e22ce775860ee4b977a286ab612",
                Hex.encode(Ecdh.sharedX(r, K51.publicKey())));
        // we write the padded form
        byte[] ours = Ecies.encrypt(K51.publicKey(), HELLO_BM, Hex.decode("000102030405060708090a0b0c0d0e0f"), r);
        assertEquals(Hex.encode(Hex.decode(BLOB51_PADDED)), Hex.encode(ours));
        // and read both
        assertArrayEquals(HELLO_BM, Ecies.decrypt(K51, Hex.decode(BLOB51_PADDED)));
        assertArrayEquals(HELLO_BM, Ecies.decrypt(K51, Hex.decode(BLOB51_STRIPPED)));
        assertEquals(149, Hex.decode(BLOB51_STRIPPED).length);
    }

    @Test
    void reserialisedEphemeralKeyFailsMac() {
        byte[] padded = Hex.decode(BLOB51_PADDED);
        byte[] stripped = Hex.decode(BLOB51_STRIPPED);
        // padded R with the stripped blob's MAC, and vice versa: MAC covers R as serialised
        byte[] paddedWithOtherMac = padded.clone();
        System.arraycopy(stripped, stripped.length - 32, paddedWithOtherMac, padded.length - 32, 32);
        byte[] strippedWithOtherMac = stripped.clone();
        System.arraycopy(padded, padded.length - 32, strippedWithOtherMac, stripped.length - 32, 32);
        assertThrows(DecryptionException.class, () -> Ecies.decrypt(K51, paddedWithOtherMac));
        assertThrows(DecryptionException.class, () -> Ecies.decrypt(K51, strippedWithOtherMac));
    }

    @Test
    void wrongKeyAndTamperingFailCleanly() {
        byte[] blob = Hex.decode(BLOB51_PADDED);
        PrivateKey other = PrivateKey.of(Hex.decode("93d0b61371a54b53df143b954035d612f8efa8a3ed1cf842c2186bfd8f876665"));
        assertThrows(DecryptionException.class, () -> Ecies.decrypt(other, blob));
        for (int i : new int[] {0, 20, 60, 100, blob.length - 1}) {
            byte[] t = blob.clone();
            t[i] ^= 1;
            assertThrows(DecryptionException.class, () -> Ecies.decrypt(K51, t), "byte " + i);
        }
        assertThrows(DecryptionException.class, () -> Ecies.decrypt(K51, Arrays.copyOf(blob, 40)));
    }

    // ---- section 6 ----
    private static final byte[] SIGNED = Hex.decode("0592a10584ffabf96539f3d780d776828c67da1ab5b169e9e8aed838aaecc9ed36d49ff1423c55f019e050c66c6324f53588be88894fef4dcffdb74b98e2b200");
    private static final byte[] SIG256 = Hex.decode("304402202302475351db6b822de15d922e29397541f10d8a19780ba2ca4a920b1035f07502205e5bba40d5f07a24c23a89ba5f01a3828371dfbb685dd5375fa1c29095fd232b");
    private static final byte[] SIG1 = Hex.decode("30460221008ad234687d1bdc259932e28ea6ee091b88b0900d8134902aa8c2fd7f016b96ed022100dafb94e28322c2fa88878f9dcbf0c2d33270466ab3bbffaec3dca0a2d1ef9354");
    private static final PrivateKey SIGNER =
            PrivateKey.of(Hex.decode("93d0b61371a54b53df143b954035d612f8efa8a3ed1cf842c2186bfd8f876665"));

    @Test
    void sampleSignatures() {
        PublicKey pub = SIGNER.publicKey();
        assertArrayEquals(SIGNED, Hashes.dsha512("hello".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(Ecdsa.verify(pub, SIGNED, SIG256, Ecdsa.Digest.SHA256));
        assertFalse(Ecdsa.verify(pub, SIGNED, SIG256, Ecdsa.Digest.SHA1));
        assertTrue(Ecdsa.verify(pub, SIGNED, SIG1, Ecdsa.Digest.SHA1));
        assertFalse(Ecdsa.verify(pub, SIGNED, SIG1, Ecdsa.Digest.SHA256));
        assertTrue(Ecdsa.verify(pub, SIGNED, SIG256));
        assertTrue(Ecdsa.verify(pub, SIGNED, SIG1));
        byte[] other = SIGNED.clone();
        other[0] ^= 1;
        assertFalse(Ecdsa.verify(pub, other, SIG256));
        assertFalse(Ecdsa.verify(pub, other, SIG1));
    }

    @Test
    void newSignaturesVerify() {
        byte[] sig = Ecdsa.sign(SIGNER, SIGNED);
        assertEquals(0x30, sig[0] & 0xFF);
        assertTrue(Ecdsa.verify(SIGNER.publicKey(), SIGNED, sig, Ecdsa.Digest.SHA256));
        assertTrue(Ecdsa.verify(SIGNER.publicKey(), SIGNED, sig));
        assertFalse(Ecdsa.verify(K51.publicKey(), SIGNED, sig));
        byte[] sha1sig = Ecdsa.sign(SIGNER, SIGNED, Ecdsa.Digest.SHA1);
        assertTrue(Ecdsa.verify(SIGNER.publicKey(), SIGNED, sha1sig, Ecdsa.Digest.SHA1));
        assertTrue(Ecdsa.verify(SIGNER.publicKey(), SIGNED, sha1sig));
    }
}
