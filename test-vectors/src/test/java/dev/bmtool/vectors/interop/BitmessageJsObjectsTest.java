package dev.bmtool.vectors.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.crypto.Ecdsa;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.message.BroadcastContent;
import dev.bmtool.core.message.MessageEncoding;
import dev.bmtool.core.message.ObjectCrypto;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.object.GetPubkeyPayload;
import dev.bmtool.core.object.ObjectValidator;
import dev.bmtool.core.pow.PowMath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Objects written by bitmessage-js (an independent JavaScript implementation) with its own proof of
 * work, ECDSA-over-SHA-1 signatures and ECIES: bmtool must accept, decode and decrypt every one.
 * The files come from {@code test-vectors/interop-js/make-vectors.js}.
 */
class BitmessageJsObjectsTest {
    private static final String DIR = "/vectors/bitmessage-js/";
    private static final String SUBJECT = "Hello from bitmessage-js";
    private static final String BODY = "Grüße, 世界: one line\nand a second one.";

    private static final Identity RECEIVER = fromPassphrase("bmtool interop receiver", 4);
    private static final Identity SENDER_V4 = fromPassphrase("bitmessage-js sender v4", 4);
    private static final Identity SENDER_V3 = fromPassphrase("bitmessage-js sender v3", 3);

    record Row(String name, long ttl, long type, long version, String inventory) {
        BitmessageObject object() {
            return BitmessageObject.read(Hex.decode(text(name + ".hex")));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String[] r : csv("objects.csv")) {
            rows.add(new Row(r[0], Long.parseLong(r[1]), Long.parseLong(r[2]), Long.parseLong(r[3]), r[4]));
        }
        return rows.stream();
    }

    private static Map<String, BitmessageObject> objects() {
        Map<String, BitmessageObject> m = new HashMap<>();
        rows().forEach(r -> m.put(r.name(), r.object()));
        return m;
    }

    @Test
    void sameAddressesFromTheSamePassphrases() {
        Map<String, String> expected = new HashMap<>();
        for (String[] r : csv("addresses.csv")) {
            expected.put(r[0], r[1]);
        }
        assertEquals(3, expected.size());
        assertEquals(expected.get("bmtool interop receiver"), RECEIVER.address().encode());
        assertEquals(expected.get("bitmessage-js sender v4"), SENDER_V4.address().encode());
        assertEquals(expected.get("bitmessage-js sender v3"), SENDER_V3.address().encode());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void headerInventoryAndWriteBack(Row row) {
        byte[] bytes = Hex.decode(text(row.name() + ".hex"));
        BitmessageObject obj = BitmessageObject.read(bytes);
        assertEquals(row.type(), obj.objectType());
        assertEquals(row.version(), obj.version());
        assertEquals(1, obj.stream());
        assertEquals(row.inventory(), Hex.encode(obj.inventoryHash()), "inventory hash as bitmessage-js computed it");
        assertArrayEquals(bytes, obj.write(), "re-encoding is byte-identical");
        assertTrue(ObjectValidator.checkContent(obj).valid(), ObjectValidator.checkContent(obj).message());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void proofOfWorkMeetsBothTargets(Row row) {
        BitmessageObject obj = row.object();
        long created = obj.expiresTime() - row.ttl(); // bitmessage-js: expiresTime = now + ttl
        long sender = PowMath.senderTarget(obj.length(), row.ttl(), 1000, 1000);
        assertTrue(Long.compareUnsigned(obj.trialValue(), sender) <= 0, "strict sender target");
        ObjectValidator.Result r = ObjectValidator.defaults().validate(obj, created);
        assertTrue(r.valid(), r.message());
        assertEquals(row.ttl(), r.ttl());
        // a nonce off by one almost surely fails: the check looks at this object's nonce
        assertFalse(ObjectValidator.defaults().validate(obj.withNonce(obj.nonce() + 1), created).valid()
                && ObjectValidator.defaults().validate(obj.withNonce(obj.nonce() + 2), created).valid());
    }

    @Test
    void getpubkeyCarriesTheReceiversTag() {
        BitmessageObject obj = objects().get("getpubkey-v4");
        GetPubkeyPayload p = (GetPubkeyPayload) obj.decodePayload();
        assertTrue(p.hasTag());
        assertArrayEquals(RECEIVER.address().tag(), p.ripeOrTag());
    }

    @Test
    void pubkeyV3SignedWithSha1() {
        ObjectCrypto.DecryptedPubkey p = ObjectCrypto.readPubkey(objects().get("pubkey-v3"));
        assertEquals(SENDER_V3.address(), p.address());
        assertTrue(p.signatureValid());
        assertEquals(1000, p.content().keys().nonceTrialsPerByte());
        assertEquals(1000, p.content().keys().payloadLengthExtraBytes());
    }

    @Test
    void pubkeyV4DecryptsWithTheAddressKey() {
        ObjectCrypto.DecryptedPubkey p = ObjectCrypto.decryptPubkey(objects().get("pubkey-v4"), SENDER_V4.address());
        assertEquals(SENDER_V4.address(), p.address());
        assertTrue(p.signatureValid());
        assertTrue(p.addressMatches());
        assertEquals(SENDER_V4.publicEncryptionKey(), p.content().keys().encryptionKey());
    }

    @Test
    void msgSimpleDecryptsForTheReceiver() {
        ObjectCrypto.DecryptedMsg m = ObjectCrypto.decryptMsg(objects().get("msg-simple"), RECEIVER.encryptionKey());
        assertTrue(m.signatureValid());
        assertEquals(SENDER_V4.address(), m.sender());
        assertTrue(m.isFor(RECEIVER.address().ripe()));
        assertEquals(MessageEncoding.SIMPLE, m.content().encoding());
        assertEquals(new MessageEncoding.Text(SUBJECT, BODY),
                MessageEncoding.decode(m.content().encoding(), m.content().message()));
        assertEquals(0, m.content().ackData().length, "bitmessage-js sends no ack");
        assertSha1Signature(m.content().sender().signingKey(), objects().get("msg-simple"),
                m.content().signedPart(), m.content().signature());
        assertEquals(1, ObjectCrypto.tryDecryptMsg(objects().get("msg-simple"), List.of(SENDER_V3, RECEIVER))
                .stream().filter(ObjectCrypto.ReceivedMsg::accepted).count());
    }

    @Test
    void msgTrivialFromAVersion3Sender() {
        ObjectCrypto.DecryptedMsg m = ObjectCrypto.decryptMsg(objects().get("msg-trivial-v3"), RECEIVER.encryptionKey());
        assertTrue(m.signatureValid());
        assertEquals(SENDER_V3.address(), m.sender());
        assertEquals(MessageEncoding.TRIVIAL, m.content().encoding());
        assertEquals(BODY, MessageEncoding.decode(m.content().encoding(), m.content().message()).body());
    }

    @Test
    void broadcastsDecryptForSubscribers() {
        ObjectCrypto.DecryptedBroadcast v5 = ObjectCrypto.decryptBroadcast(objects().get("broadcast-v5"), SENDER_V4.address());
        ObjectCrypto.DecryptedBroadcast v4 = ObjectCrypto.decryptBroadcast(objects().get("broadcast-v4"), SENDER_V3.address());
        for (ObjectCrypto.DecryptedBroadcast b : List.of(v5, v4)) {
            assertTrue(b.signatureValid());
            assertTrue(b.senderMatches());
            BroadcastContent c = b.content();
            assertEquals(new MessageEncoding.Text(SUBJECT, BODY), MessageEncoding.decode(c.encoding(), c.message()));
        }
        assertEquals(SENDER_V4.address(), v5.sender());
        assertEquals(SENDER_V3.address(), v4.sender());
    }

    /** bitmessage-js signs SHA-1 digests (PyBitmessage before 0.6.2 did too): check it is that path. */
    private static void assertSha1Signature(dev.bmtool.core.crypto.PublicKey key, BitmessageObject obj,
            byte[] signedPart, byte[] sig) {
        byte[] header = obj.signedHeader();
        byte[] signed = new byte[header.length + signedPart.length];
        System.arraycopy(header, 0, signed, 0, header.length);
        System.arraycopy(signedPart, 0, signed, header.length, signedPart.length);
        assertTrue(Ecdsa.verify(key, signed, sig, Ecdsa.Digest.SHA1));
        assertFalse(Ecdsa.verify(key, signed, sig, Ecdsa.Digest.SHA256));
    }

    private static Identity fromPassphrase(String passphrase, int version) {
        return AddressGenerator.deterministic(passphrase.getBytes(StandardCharsets.UTF_8), 1, version, 1, 1).get(0);
    }

    private static String text(String name) {
        try (InputStream in = BitmessageJsObjectsTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> csv(String name) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text(name).split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                rows.add(l.split(",", -1));
            }
        }
        return rows;
    }
}
