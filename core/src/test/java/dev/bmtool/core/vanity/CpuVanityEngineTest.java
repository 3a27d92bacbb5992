package dev.bmtool.core.vanity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class CpuVanityEngineTest {

    /** Independent derivation: BC point multiplication, JDK SHA-512, BC RIPEMD-160, own base58. */
    private static String deriveAddress(byte[] privSig, byte[] privEnc) throws Exception {
        ECPoint s = Curve.G.multiply(new BigInteger(1, privSig)).normalize();
        ECPoint e = Curve.G.multiply(new BigInteger(1, privEnc)).normalize();
        MessageDigest md = MessageDigest.getInstance("SHA-512");
        md.update(s.getEncoded(false));
        md.update(e.getEncoded(false));
        byte[] h = md.digest();
        RIPEMD160Digest r = new RIPEMD160Digest();
        r.update(h, 0, 64);
        byte[] ripe = new byte[20];
        r.doFinal(ripe, 0);
        return Codec.v4Address(ripe);
    }

    @Test
    void findsPrefixAddressesWithDistinctSigningKeys() throws Exception {
        VanityPattern p = VanityPattern.compile("V", 1, false);
        List<VanityResult> found = new CopyOnWriteArrayList<>();
        List<VanityResult> rs = new CpuVanityEngine(2).search(p, 3, new VanityListener() {
            @Override
            public void found(VanityResult r) {
                found.add(r);
            }
        });
        assertEquals(3, rs.size());
        assertEquals(3, found.size());
        for (VanityResult r : rs) {
            assertTrue(r.address().startsWith("BM-2cV") || r.zeroBytes() > 1, r.address());
            assertEquals(r.address(), deriveAddress(r.privateSigningKey(), r.privateEncryptionKey()));
            assertTrue(r.zeroBytes() >= 1);
            assertTrue(r.candidates() > 0);
        }
        assertFalse(java.util.Arrays.equals(rs.get(0).privateSigningKey(), rs.get(1).privateSigningKey()));
        assertFalse(java.util.Arrays.equals(rs.get(1).privateSigningKey(), rs.get(2).privateSigningKey()));
    }

    @Test
    void caseInsensitiveSearch() throws Exception {
        // after BM-2c only S..X occur, so a lower-case x can only match as X
        List<VanityResult> rs = new CpuVanityEngine(1).search(VanityPattern.compile("x", 1, true), 1, VanityListener.NONE);
        VanityResult r = rs.get(0);
        assertTrue(r.address().startsWith("BM-2cX") || r.zeroBytes() > 1, r.address());
        assertEquals(r.address(), deriveAddress(r.privateSigningKey(), r.privateEncryptionKey()));
    }

    @Test
    void zeroBytesSearchGivesShortAddresses() throws Exception {
        List<VanityResult> rs = new CpuVanityEngine(2).search(VanityPattern.zeroBytesOnly(2), 1, VanityListener.NONE);
        VanityResult r = rs.get(0);
        assertTrue(r.zeroBytes() >= 2);
        assertTrue(r.address().length() <= 3 + 32, r.address());
        assertEquals(r.address(), deriveAddress(r.privateSigningKey(), r.privateEncryptionKey()));
    }

    @Test
    void progressIsReported() throws Exception {
        List<VanityProgress> seen = new CopyOnWriteArrayList<>();
        new CpuVanityEngine(1, new java.security.SecureRandom(), 20).search(VanityPattern.compile("Vq", 1, false), 1,
                new VanityListener() {
                    @Override
                    public void progress(VanityProgress p) {
                        seen.add(p);
                    }
                });
        // about 90k candidates at the expected difficulty; at least the counters must be sane
        for (VanityProgress p : seen) {
            assertTrue(p.candidates() >= 0 && p.probability() >= 0 && p.probability() <= 1);
        }
    }

    @Test
    void keysDatSectionAndWifFollowPyBitmessage() {
        // vectors.md 4.3: [chan] bitmessage keys and address
        byte[] s = dev.bmtool.core.encoding.Hex.decode("a2e8b841a531c1c558ee0680c396789c7a2ea3ac4795ae3f000caf9fe367d144");
        byte[] e = dev.bmtool.core.encoding.Hex.decode("114ec0e2dca24a826a0eed064b0405b0ac148abc3b1d52729697f4d7b873fdc6");
        VanityResult r = VanityVerifier.verify(s, e, VanityPattern.compile("Wy7", 1, false), 1);
        assertEquals("BM-2cWy7cvHoq3f1rYMerRJp8PT653jjSuEdY", r.address());
        assertEquals("5K42shDERM5g7Kbi3JT5vsAWpXMqRhWZpX835M2pdSoqQQpJMYm", r.signingWif());
        assertEquals("5HwugVWm31gnxtoYcvcK7oywH2ezYTh6Y4tzRxsndAeMi6NHqpA", r.encryptionWif());
        String section = r.keysDatSection("test");
        assertTrue(section.startsWith("[BM-2cWy7cvHoq3f1rYMerRJp8PT653jjSuEdY]\nlabel = test\n"), section);
        assertTrue(section.contains("privsigningkey = 5K42shDERM5g7Kbi3JT5vsAWpXMqRhWZpX835M2pdSoqQQpJMYm\n"));
        assertTrue(section.contains("privencryptionkey = 5HwugVWm31gnxtoYcvcK7oywH2ezYTh6Y4tzRxsndAeMi6NHqpA\n"));
        assertArrayEquals(dev.bmtool.core.encoding.Hex.decode("00ce9a3d342173384ee4750a48f913049e466605"), r.ripe());
    }

    @Test
    void kernelStepFindsVerifiedMatchesWithFreshKeys() throws Exception {
        VanityKernel k = new VanityKernel(VanityPattern.zeroBytesOnly(1), new java.security.SecureRandom());
        List<VanityResult> rs = new java.util.ArrayList<>();
        for (int i = 0; i < 100 && rs.size() < 2; i++) {
            VanityResult r = k.batch();
            if (r != null) {
                rs.add(r);
            }
        }
        assertEquals(2, rs.size());
        for (VanityResult r : rs) {
            assertTrue(r.zeroBytes() >= 1);
            assertEquals(r.address(), deriveAddress(r.privateSigningKey(), r.privateEncryptionKey()));
        }
        assertFalse(java.util.Arrays.equals(rs.get(0).privateSigningKey(), rs.get(1).privateSigningKey()));
    }

    @Test
    void verifierRejectsKeysThatDoNotMatch() {
        byte[] s = dev.bmtool.core.encoding.Hex.decode("a2e8b841a531c1c558ee0680c396789c7a2ea3ac4795ae3f000caf9fe367d144");
        byte[] e = dev.bmtool.core.encoding.Hex.decode("114ec0e2dca24a826a0eed064b0405b0ac148abc3b1d52729697f4d7b873fdc6");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> VanityVerifier.verify(s, e, VanityPattern.compile("X", 1, false), 1));
    }
}
