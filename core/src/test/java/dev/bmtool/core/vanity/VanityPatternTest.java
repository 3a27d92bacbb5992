package dev.bmtool.core.vanity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.Hex;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VanityPatternTest {

    @Test
    void fixedPartsFollowTheRipeLength() {
        assertEquals("87", VanityPattern.fixedPart(20));
        assertEquals("2c", VanityPattern.fixedPart(19));
        assertEquals("N", VanityPattern.fixedPart(18));
        assertEquals("STUVWX", VanityPattern.nextCharacters(19));
        assertEquals("ABC", VanityPattern.nextCharacters(18));
        assertEquals(34, VanityPattern.addressLength(19));
        assertEquals(32, VanityPattern.addressLength(18));
        assertEquals(35, VanityPattern.addressLength(20));
    }

    @Test
    void knownAddressesMatch() {
        // vectors.md 4.1: ripe 003cd097... is BM-2cTxU7btjgxEDMA38KVK8B5M6dZYNgaeF5 as v4
        byte[] ripe = Hex.decode("003cd097eb7f35c87b5dc8b4538c22cb55312a9f");
        assertEquals("BM-2cTxU7btjgxEDMA38KVK8B5M6dZYNgaeF5", Codec.v4Address(ripe));
        assertTrue(VanityPattern.compile("T", 1, false).matchesRipe(ripe));
        assertTrue(VanityPattern.compile("Tx", 1, false).matchesRipe(ripe));
        assertTrue(VanityPattern.compile("TxU7btj", 1, false).matchesRipe(ripe));
        assertFalse(VanityPattern.compile("TX", 1, false).matchesRipe(ripe));
        assertTrue(VanityPattern.compile("TX", 1, true).matchesRipe(ripe));
        assertTrue(VanityPattern.compile("txu7BTJ", 1, true).matchesRipe(ripe));
        assertTrue(VanityPattern.compile("BM-2cTx", 1, false).matchesRipe(ripe));
        assertTrue(VanityPattern.compile("", 1, false).matchesRipe(ripe));
        assertFalse(VanityPattern.compile("", 2, false).matchesRipe(ripe));
        assertFalse(VanityPattern.compile("U", 1, false).matchesRipe(ripe));
        // eighteen-byte ripe (vectors.md 4.2)
        byte[] r18 = Hex.decode("0000d91c55d6a75df8f760d809d1e7ee0f446154");
        assertEquals("BM-NBvB8veZ4mseHY6sfE7Z2LzX2jyzBggw", Codec.v4Address(r18));
        assertTrue(VanityPattern.compile("Bv", 2, false).matchesRipe(r18));
        // one zero byte asked, two present: the shorter address also counts
        assertTrue(VanityPattern.compile("", 1, false).matchesRipe(r18));
        // a full 20-byte ripe (no zero byte): BM-87...
        byte[] r20 = Hex.decode("ffeeddccbbaa99887766554433221100ffeeddcc");
        String a20 = Codec.v4Address(r20);
        assertTrue(a20.startsWith("BM-87"), a20);
        assertTrue(VanityPattern.compile(a20.substring(5, 8), 0, false).matchesRipe(r20));
        assertFalse(VanityPattern.compile("", 1, false).matchesRipe(r20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "O", "I", "l", "ab0", "x-y", "é"})
    void charactersOutsideBase58AreRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VanityPattern.compile(text, 1, false));
        assertTrue(e.getMessage().contains("base58"), e.getMessage());
    }

    @Test
    void caseInsensitiveAcceptsLettersWithAValidOtherCase() {
        // O -> o, I -> i, l -> L are fine when case does not matter; 0 never is
        VanityPattern.compile("SOIl", 1, true);
        assertThrows(IllegalArgumentException.class, () -> VanityPattern.compile("S0", 1, true));
    }

    @ParameterizedTest
    @CsvSource({"A,1", "Z,1", "a,1", "2,1", "D,2", "BM-2d,1", "BM-3,1"})
    void impossiblePrefixesAreRejected(String text, int zero) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VanityPattern.compile(text, zero, false));
        assertTrue(e.getMessage().contains("next character is one of") || e.getMessage().contains("followed by one of"),
                e.getMessage());
    }

    @Test
    void prefixLongerThanTheAddressIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VanityPattern.compile("V" + "a".repeat(40), 1, false));
        assertTrue(e.getMessage().contains("is too long"), e.getMessage());
        assertTrue(e.getMessage().contains("34 characters"), e.getMessage());
    }

    @Test
    void impossibleFullPrefixNamesAWorkingZeroByteCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VanityPattern.compile("BM-NB", 1, false));
        assertTrue(e.getMessage().contains("--zero-bytes 2"), e.getMessage());
    }

    @Test
    void probabilityReflectsTheRangeWidth() {
        double p0 = VanityPattern.zeroBytesOnly(1).probability();
        assertEquals(1.0 / 256, p0, 1e-6);
        double p2 = VanityPattern.zeroBytesOnly(2).probability();
        assertEquals(1.0 / 65536, p2, 1e-8);
        double pv = VanityPattern.compile("V", 1, false).probability();
        assertTrue(pv > p0 / 10 && pv < p0 / 2, "V after 2c is one of six: " + pv);
        double pvv = VanityPattern.compile("Vv", 1, false).probability();
        assertEquals(pv / 58, pvv, pv / 58 * 0.05);
        double ci = VanityPattern.compile("Vv", 1, true).probability();
        assertEquals(2 * pvv, ci, pvv * 0.1);
    }

    /** The numeric test agrees with the string test on random ripes, near range ends too. */
    @ParameterizedTest
    @CsvSource({"V,1,false", "Vq,1,false", "vQ,1,true", "X,1,false", "S,1,false", "B,2,false", "C3,2,true", ",1,false",
            "BM-2cW,1,false", "BM-87k,0,false", "q,0,false"})
    void numericMatchAgreesWithAddressText(String text, int zero, boolean ci) {
        VanityPattern p = VanityPattern.compile(text == null ? "" : text, zero, ci);
        Random rnd = new Random(text == null ? 1 : text.hashCode());
        int hits = 0;
        for (int i = 0; i < 4000; i++) {
            byte[] ripe = new byte[20];
            rnd.nextBytes(ripe);
            int z = rnd.nextInt(4) == 0 ? zero + 1 : zero;
            for (int j = 0; j < z; j++) {
                ripe[j] = 0;
            }
            if (z < 20 && ripe[z] == 0) {
                ripe[z] = 1;
            }
            hits += check(p, ripe) ? 1 : 0;
        }
        assertTrue(hits > 0, "some random ripes match " + p);
        // values right at and around each range end
        for (int len = 4; len <= 20 - zero; len++) {
            VanityPattern.Range[] rs = rangesOf(p, len);
            if (rs == null) {
                continue;
            }
            for (VanityPattern.Range r : rs) {
                for (BigInteger v : new BigInteger[] {r.lo(), r.hi()}) {
                    for (int d = -2; d <= 2; d++) {
                        BigInteger x = v.add(BigInteger.valueOf(d));
                        if (x.signum() > 0 && x.bitLength() <= 8 * len && x.bitLength() > 8 * (len - 1)) {
                            check(p, toRipe(x));
                        }
                    }
                }
            }
        }
    }

    private static VanityPattern.Range[] rangesOf(VanityPattern p, int len) {
        try {
            var f = VanityPattern.class.getDeclaredField("ranges");
            f.setAccessible(true);
            return ((VanityPattern.Range[][]) f.get(p))[len];
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] toRipe(BigInteger x) {
        byte[] raw = x.toByteArray();
        byte[] out = new byte[20];
        int n = Math.min(20, raw.length);
        System.arraycopy(raw, raw.length - n, out, 20 - n, n);
        return out;
    }

    private static boolean check(VanityPattern p, byte[] ripe) {
        String address = Codec.v4Address(ripe);
        int z = 0;
        while (ripe[z] == 0) {
            z++;
        }
        boolean expect = p.matchesAddress(address, 20 - z);
        assertEquals(expect, p.matchesRipe(ripe), address + " vs " + p);
        return expect;
    }
}
