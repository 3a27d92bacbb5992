package dev.bmtool.core.vanity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Random;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class CandidateHasherTest {

    private static BigInteger key(Random rnd) {
        return new BigInteger(255, rnd).add(BigInteger.ONE);
    }

    @Test
    void sha512AndRipeMatchJdkAndBouncyCastle() throws Exception {
        Random rnd = new Random(7);
        for (int i = 0; i < 40; i++) {
            byte[] sig = Curve.publicKey65(key(rnd));
            CandidateHasher h = new CandidateHasher(sig);
            for (int j = 0; j < 5; j++) {
                ECPoint e = Curve.multiply(key(rnd));
                byte[] enc = e.getEncoded(false);
                h.hash(Curve.x(e), Curve.y(e));
                MessageDigest md = MessageDigest.getInstance("SHA-512");
                md.update(sig);
                md.update(enc);
                assertArrayEquals(md.digest(), h.sha512Digest());
                assertArrayEquals(VanityVerifier.ripe(sig, enc), h.ripe());
            }
        }
    }

    @Test
    void pairedHashingMatchesSingle() {
        Random rnd = new Random(11);
        for (int i = 0; i < 20; i++) {
            byte[] sig = Curve.publicKey65(key(rnd));
            CandidateHasher h = new CandidateHasher(sig);
            ECPoint a = Curve.multiply(key(rnd));
            ECPoint b = Curve.multiply(key(rnd));
            h.hash2(Curve.x(a), Curve.y(a), Curve.x(b), Curve.y(b));
            byte[] first = VanityPattern.ripeBytes(h.r0, h.r1, h.r2, h.r3, h.r4);
            byte[] second = VanityPattern.ripeBytes(h.u0, h.u1, h.u2, h.u3, h.u4);
            assertArrayEquals(VanityVerifier.ripe(sig, a.getEncoded(false)), first);
            assertArrayEquals(VanityVerifier.ripe(sig, b.getEncoded(false)), second);
        }
    }

    @Test
    void ripemd160OfRandom64BytesMatchesBouncyCastle() {
        Random rnd = new Random(9);
        CandidateHasher h = new CandidateHasher(Curve.publicKey65(BigInteger.TWO));
        for (int i = 0; i < 200; i++) {
            byte[] msg = new byte[64];
            rnd.nextBytes(msg);
            long[] words = new long[8];
            for (int w = 0; w < 8; w++) {
                for (int b = 0; b < 8; b++) {
                    words[w] = (words[w] << 8) | (msg[8 * w + b] & 0xFF);
                }
            }
            h.ripemd160Of(words);
            RIPEMD160Digest d = new RIPEMD160Digest();
            d.update(msg, 0, 64);
            byte[] expect = new byte[20];
            d.doFinal(expect, 0);
            assertArrayEquals(expect, h.ripe());
        }
    }

    @Test
    void pyBitmessageSampleRipe() {
        // vectors.md 4.1: sample key pair -> ripe 003cd097...
        BigInteger s = new BigInteger("93d0b61371a54b53df143b954035d612f8efa8a3ed1cf842c2186bfd8f876665", 16);
        BigInteger e = new BigInteger("4b0b73a54e19b059dc274ab69df095fe699f43b17397bca26fdf40f4d7400a3a", 16);
        CandidateHasher h = new CandidateHasher(Curve.publicKey65(s));
        ECPoint p = Curve.multiply(e);
        h.hash(Curve.x(p), Curve.y(p));
        assertArrayEquals(dev.bmtool.core.encoding.Hex.decode("003cd097eb7f35c87b5dc8b4538c22cb55312a9f"), h.ripe());
    }
}
