package dev.bmtool.vectors.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.AddressException;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Base58;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.Wif;
import dev.bmtool.core.crypto.Hashes;
import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.crypto.PublicKey;
import dev.bmtool.core.encoding.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** vectors.md sections 4.1 - 4.5. */
class KeyAddressVectorsTest {
    static final String PRIV_SIG = "93d0b61371a54b53df143b954035d612f8efa8a3ed1cf842c2186bfd8f876665";
    static final String PRIV_ENC = "4b0b73a54e19b059dc274ab69df095fe699f43b17397bca26fdf40f4d7400a3a";
    static final String PUB_SIG = "044a367f049ec16cb6b6118eb734a9962d10b8db59c890cd08f210c43ff08bdf"
            + "09d16f502ca26cd0713f38988a1237f1fc8fa07b15653c996dc4013af6d15505ce";
    static final String PUB_ENC = "044597d59177fc1d89555d38915f581b5ff2286b39d022ca0283d2bdd5c36be5"
            + "d3ce7b9b97792327851a562752e4b79475d1f51f5a71352482b241227f45ed36a9";
    static final String TIGER = "TIGER, tiger, burning bright. In the forests of the night";

    @Test
    void samplePublicKeysAndRipe() {
        PrivateKey sig = PrivateKey.of(Hex.decode(PRIV_SIG));
        PrivateKey enc = PrivateKey.of(Hex.decode(PRIV_ENC));
        assertEquals(PUB_SIG, Hex.encode(sig.publicKey().uncompressed()));
        assertEquals(PUB_ENC, Hex.encode(enc.publicKey().uncompressed()));
        byte[] ripe = Address.ripe(sig.publicKey(), enc.publicKey());
        assertEquals("003cd097eb7f35c87b5dc8b4538c22cb55312a9f", Hex.encode(ripe));
        assertEquals("BM-onkVu1KKL2UaUss5Upg9vXmqd3esTmV79", Address.of(2, 1, ripe).encode());
        assertEquals("BM-2D8MV1Jc2WVMPv1x6u9ze3oZU8Jbc63RY8", Address.of(3, 1, ripe).encode());
        assertEquals("BM-2cTxU7btjgxEDMA38KVK8B5M6dZYNgaeF5", Address.of(4, 1, ripe).encode());
        // pyelliptic sample_factor / sample_point
        assertEquals(new BigInteger("66858749573256452658262553961707680376751171096153613379801854825275240965733"),
                sig.scalar());
        assertEquals(new BigInteger("33567437183004486938355437500683826356288335339807546987348409590129959362313"),
                new BigInteger(1, sig.publicKey().x()));
        assertEquals(new BigInteger("94730058721143827257669456336351159718085716196507891067256111928318063085006"),
                new BigInteger(1, sig.publicKey().y()));
        // wire form round trip, curve check
        assertEquals(sig.publicKey(), PublicKey.of(sig.publicKey().bytes()));
        assertEquals(sig.publicKey(), PublicKey.ofUncompressed(Hex.decode(PUB_SIG)));
    }

    @Test
    void deterministicFromPassphrase() {
        byte[] pass = TIGER.getBytes(StandardCharsets.US_ASCII);
        assertEquals("37544905ef96a24caf78bc06e3e7406818669c2d21a58303ff79398dd16b09f3",
                Hex.encode(Arrays.copyOf(Hashes.sha512(pass, new byte[] {0x2a}), 32)));
        AddressGenerator.Deterministic d = new AddressGenerator.Deterministic(pass);
        Identity first = d.next("", 4, 1, 1);
        assertEquals(44, d.signingNonce()); // nonces 42/43 succeeded, step 22
        assertEquals("37544905ef96a24caf78bc06e3e7406818669c2d21a58303ff79398dd16b09f3",
                Hex.encode(first.signingKey().bytes()));
        assertEquals("7b8c34ca5d3a53190dce6911a425c5c08ecabe5ac9fb2dc6209e487561d0e39c",
                Hex.encode(first.encryptionKey().bytes()));
        assertEquals("5JEetjBX7JyNyJASzUxhR28xuz6QQBYvWM8hFt1aFL5XW6M1bux", Wif.encode(first.signingKey()));
        assertEquals("5JkhSYR36DSB95Y7eoPzt3AWGKPqNsPXZxrZHZCw5Vx7bkSGCJh", Wif.encode(first.encryptionKey()));
        assertEquals("00cfb69416ae76f68a81c459de4e13460c7d17eb", Hex.encode(first.address().ripe()));
        assertEquals("BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK", first.address().encode());
        assertEquals("BM-2DBPTgeSawWYZceFD69AbDT5q4iUWtj1ZN",
                Address.of(3, 1, first.address().ripe()).encode());
        assertEquals(new BigInteger("18875720106589866286514488037355423395410802084648916523381"),
                Base58.decodeToNumber("2DBPTgeSawWYZceFD69AbDT5q4iUWtj1ZN"));
        assertEquals(new BigInteger("25152821841976547050350277460563089811513157529113201589004"),
                Base58.decodeToNumber("2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK"));

        Identity second = d.next("", 4, 1, 1);
        assertEquals(364, d.signingNonce()); // nonces 362/363
        assertEquals("BM-2cWFgvNK54GnDaMpATdEkr1xUPrJ9xoNgJ", second.address().encode());

        List<Identity> both = AddressGenerator.deterministic(pass, 2, 3, 1, 1);
        assertEquals("BM-2DBPTgeSawWYZceFD69AbDT5q4iUWtj1ZN", both.get(0).address().encode());
        assertEquals(second.address().ripe().length, both.get(1).address().ripe().length);
        assertArrayEquals(second.address().ripe(), both.get(1).address().ripe());
    }

    @Test
    void deterministicEighteenByteRipe() {
        AddressGenerator.Deterministic d = new AddressGenerator.Deterministic(TIGER);
        Identity id = d.next("", 4, 1, 2);
        assertEquals(209290, d.signingNonce()); // nonces 209288/209289
        assertEquals("0000d91c55d6a75df8f760d809d1e7ee0f446154", Hex.encode(id.address().ripe()));
        assertEquals("BM-NBvB8veZ4mseHY6sfE7Z2LzX2jyzBggw", id.address().encode());
    }

    static Stream<Arguments> chans() {
        return Stream.of(
                Arguments.of("bitmessage", "BM-2cWy7cvHoq3f1rYMerRJp8PT653jjSuEdY",
                        "5K42shDERM5g7Kbi3JT5vsAWpXMqRhWZpX835M2pdSoqQQpJMYm",
                        "5HwugVWm31gnxtoYcvcK7oywH2ezYTh6Y4tzRxsndAeMi6NHqpA",
                        "a2e8b841a531c1c558ee0680c396789c7a2ea3ac4795ae3f000caf9fe367d144",
                        "114ec0e2dca24a826a0eed064b0405b0ac148abc3b1d52729697f4d7b873fdc6",
                        "00ce9a3d342173384ee4750a48f913049e466605", 976),
                Arguments.of("general", "BM-2cW67GEKkHGonXKZLCzouLLxnLym3azS8r",
                        "5Jnbdwc4u4DG9ipJxYLznXSvemkRFueQJNHujAQamtDDoX3N1eQ",
                        "5JrDcFtQDv5ydcHRW6dfGUEvThoxCCLNEUaxQfy8LXXgTJzVAcq",
                        "7fdc9a322403691c682abbeca222da2fd64da8534ec82782abed37c00feeda60",
                        "8814f17687e05fc3674f0a29b3dc30ee83addf79292f5526b93139bccdc11591",
                        "00a406532990cdd16a340e5e5d0182ab323b833b", 760));
    }

    @ParameterizedTest
    @MethodSource("chans")
    void chan(String name, String address, String wifSig, String wifEnc, String hexSig, String hexEnc,
            String ripe, long nonce) {
        Identity chan = AddressGenerator.chan(name);
        assertTrue(chan.chan());
        assertEquals("[chan] " + name, chan.label());
        assertEquals(address, chan.address().encode());
        assertEquals(ripe, Hex.encode(chan.address().ripe()));
        assertEquals(wifSig, Wif.encode(chan.signingKey()));
        assertEquals(wifEnc, Wif.encode(chan.encryptionKey()));
        assertEquals(hexSig, Hex.encode(Wif.decode(wifSig).bytes()));
        assertEquals(hexEnc, Hex.encode(Wif.decode(wifEnc).bytes()));
        AddressGenerator.Deterministic d = new AddressGenerator.Deterministic(name);
        d.next("", 4, 1, 1);
        assertEquals(nonce + 2, d.signingNonce());
    }

    @Test
    void wifKeyPairsGiveAddresses() {
        for (String[] row : Resources.csv("wif-4.4.csv")) {
            PrivateKey sig = Wif.decode(row[2]);
            PrivateKey enc = Wif.decode(row[3]);
            Address a = Address.fromKeys(Integer.parseInt(row[1]), 1, sig.publicKey(), enc.publicKey());
            assertEquals(row[0], a.encode(), row[0]);
            assertEquals(row[4], Hex.encode(a.ripe()), row[0]);
            assertEquals(row[2], Wif.encode(sig));
            assertEquals(row[3], Wif.encode(enc));
        }
    }

    @Test
    void genericBase58CheckWif() {
        String wif = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ";
        assertEquals("800c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d507a5b8d",
                Hex.encode(Base58.decode(wif)));
        assertEquals("0c28fca386c7a227600b2fe50b7cae11ec86d3bf1fbe471be89827e19d72aa1d",
                Hex.encode(Wif.decode(wif).bytes()));
    }

    @Test
    void wifChecksumVerified() {
        String wif = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ";
        String bad = wif.substring(0, wif.length() - 1) + "K";
        AddressException e = assertThrows(AddressException.class, () -> Wif.decode(bad));
        assertEquals(AddressException.Reason.BAD_WIF, e.reason());
    }

    @Test
    void tagsAndDerivedKeys() {
        for (String[] row : Resources.csv("addresses-4.5.csv")) {
            Address a = Address.decode(row[0]);
            assertEquals(Integer.parseInt(row[1]), a.version(), row[0]);
            assertEquals(Long.parseLong(row[2]), a.stream(), row[0]);
            assertEquals(row[3], Hex.encode(a.ripe()), row[0]);
            assertEquals(row[4], Hex.encode(a.tag()), row[0]);
            assertEquals(row[5], Hex.encode(a.addressKey().bytes()), row[0]);
            if (!row[6].equals("-")) {
                assertEquals(row[6], Hex.encode(a.broadcastKey().bytes()), row[0]);
            } else {
                assertEquals(row[5], Hex.encode(a.broadcastKey().bytes()), row[0]);
            }
            assertEquals(row[0], a.encode());
            // the prefix is optional
            assertEquals(a, Address.decode(row[0].substring(3)));
        }
    }

    @Test
    void base58Edges() {
        assertEquals(BigInteger.ZERO, Base58.decodeToNumber("1"));
        assertEquals("1", Base58.encode(BigInteger.ZERO));
    }

    /** Re-encodes a data part with a valid checksum, to build negative cases. */
    private static String forge(byte[] data) {
        byte[] check = Arrays.copyOf(Hashes.dsha512(data), 4);
        byte[] all = Arrays.copyOf(data, data.length + 4);
        System.arraycopy(check, 0, all, data.length, 4);
        return "BM-" + Base58.encode(all);
    }

    @Test
    void v4WithLeadingZeroIsEncodingProblem() {
        byte[] data = Hex.decode("0401" + "00cfb69416ae76f68a81c459de4e13460c7d17eb");
        AddressException e = assertThrows(AddressException.class, () -> Address.decode(forge(data)));
        assertEquals(AddressException.Reason.ENCODING_PROBLEM, e.reason());
        assertEquals("encodingproblem", e.reason().pyName());
    }

    @Test
    void v3RipeTooShortAndTooLong() {
        byte[] shortData = Hex.decode("0301" + "cfb69416ae76f68a81c459de4e13460c7d"); // 17 bytes
        assertEquals(AddressException.Reason.RIPE_TOO_SHORT,
                assertThrows(AddressException.class, () -> Address.decode(forge(shortData))).reason());
        byte[] longData = Hex.decode("0301" + "cfb69416ae76f68a81c459de4e13460c7d17ebabcd"); // 21 bytes
        assertEquals(AddressException.Reason.RIPE_TOO_LONG,
                assertThrows(AddressException.class, () -> Address.decode(forge(longData))).reason());
        byte[] v4Short = Hex.decode("0401" + "cfb694");
        assertEquals(AddressException.Reason.RIPE_TOO_SHORT,
                assertThrows(AddressException.class, () -> Address.decode(forge(v4Short))).reason());
    }

    @Test
    void unsupportedVersions() {
        for (String v : List.of("01", "05", "fd0100")) {
            byte[] data = Hex.decode(v + "01" + "cfb69416ae76f68a81c459de4e13460c7d17eb");
            assertEquals(AddressException.Reason.VERSION_UNSUPPORTED,
                    assertThrows(AddressException.class, () -> Address.decode(forge(data))).reason(), v);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSz0K", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzOK",
        "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzIK", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzlK", "BM-2cWzSnwj-7yRP3nL"})
    void invalidCharacters(String address) {
        assertEquals(AddressException.Reason.INVALID_CHARACTERS,
                assertThrows(AddressException.class, () -> Address.decode(address)).reason());
    }

    @Test
    void wrongLastCharacterFailsChecksum() {
        assertEquals(AddressException.Reason.CHECKSUM_FAILED,
                assertThrows(AddressException.class,
                        () -> Address.decode("BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUL")).reason());
    }
}
