package dev.bmtool.core.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.Hex;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AddressTest {
    @Test
    void roundTripAllVersionsAndStrippingRules() {
        Random r = new Random(1);
        for (int v = 2; v <= 4; v++) {
            for (int zeros = 0; zeros <= 3; zeros++) {
                byte[] ripe = new byte[20];
                r.nextBytes(ripe);
                for (int i = 0; i < 20; i++) {
                    if (i < zeros) {
                        ripe[i] = 0;
                    } else if (ripe[i] == 0) {
                        ripe[i] = 1;
                    }
                }
                for (long stream : new long[] {1, 2, 300}) {
                    Address a = Address.of(v, stream, ripe);
                    Address back = Address.decode(a.encode());
                    assertEquals(a, back, a.describe());
                }
            }
        }
    }

    @Test
    void addressLengths() {
        byte[] ripe = Hex.decode("00cfb69416ae76f68a81c459de4e13460c7d17eb");
        assertEquals(34, Address.of(4, 1, ripe).encode().length() - 3);
        assertEquals(32, Address.decode("BM-NBvB8veZ4mseHY6sfE7Z2LzX2jyzBggw").encode().length() - 3);
        assertEquals(35, Address.decode("BM-87hJ99tPAXxtetvnje7Z491YSvbEtBJVc5e").encode().length() - 3);
    }

    @Test
    void v4RipeWithTooManyZerosCannotBeEncoded() {
        byte[] ripe = new byte[20];
        ripe[19] = 1;
        assertThrows(IllegalArgumentException.class, () -> Address.of(4, 1, ripe));
    }

    @Test
    void garbageDecodesToTypedErrors() {
        Random r = new Random(3);
        String alphabet = Base58.ALPHABET + "0OIl-_ ";
        for (int i = 0; i < 500; i++) {
            StringBuilder sb = new StringBuilder("BM-");
            int n = r.nextInt(40);
            for (int j = 0; j < n; j++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            try {
                Address.decode(sb.toString());
            } catch (AddressException e) {
                assertTrue(e.getMessage() != null);
            }
        }
        assertThrows(AddressException.class, () -> Address.decode(""));
        assertThrows(AddressException.class, () -> Address.decode("BM-"));
        assertThrows(AddressException.class, () -> Address.decode("BM-1"));
    }

    @Test
    void base58BigIntegerSemantics() {
        assertEquals("1", Base58.encode(new byte[] {0}));
        assertEquals("2", Base58.encode(new byte[] {0, 1}));
        assertEquals(BigInteger.valueOf(57), Base58.decodeToNumber("z"));
        assertEquals(BigInteger.ONE.negate(), Base58.decodeToNumber("0"));
        Random r = new Random(5);
        for (int i = 0; i < 100; i++) {
            byte[] b = new byte[1 + r.nextInt(40)];
            r.nextBytes(b);
            b[0] |= 1;
            assertEquals(Hex.encode(b), Hex.encode(Base58.decode(Base58.encode(b))));
        }
    }

    @Test
    void randomIdentitiesHaveRequiredZeroBytes() {
        SecureRandom rnd = new SecureRandom();
        Identity id = AddressGenerator.random("x", 4, 1, 1, rnd);
        assertEquals(0, id.address().ripe()[0]);
        assertEquals(4, id.address().version());
        assertEquals("x", id.label());
        assertEquals(1000, id.nonceTrialsPerByte());
        Identity v3 = AddressGenerator.random("y", 3, 1, 1, rnd);
        assertEquals(3, v3.address().version());
        assertTrue(v3.address().encode().startsWith("BM-2D"));
    }

    @Test
    void wifRoundTrip() {
        var k = dev.bmtool.core.crypto.PrivateKey.random(new SecureRandom());
        String w = Wif.encode(k);
        assertEquals(51, w.length());
        assertTrue(w.startsWith("5"));
        assertEquals(k, Wif.decode(w));
        assertThrows(AddressException.class, () -> Wif.decode("5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvy0J"));
        assertThrows(AddressException.class, () -> Wif.decode(""));
        // base58check of a 0x81-prefixed key: right length and checksum, wrong prefix
        byte[] payload = new byte[33];
        payload[0] = (byte) 0x81;
        payload[32] = 1;
        byte[] check = java.util.Arrays.copyOf(dev.bmtool.core.crypto.Hashes.dsha256(payload), 4);
        String wrongPrefix = Base58.encode(Address.concat(payload, check));
        assertThrows(AddressException.class, () -> Wif.decode(wrongPrefix));
    }

    @Test
    void identityRejectsForeignKeys() {
        SecureRandom rnd = new SecureRandom();
        Identity a = AddressGenerator.random("a", 4, 1, 1, rnd);
        Identity b = AddressGenerator.random("b", 4, 1, 1, rnd);
        assertThrows(IllegalArgumentException.class, () -> new Identity("x", a.address(), b.signingKey(),
                b.encryptionKey(), 1000, 1000, false, true, null));
    }
}
