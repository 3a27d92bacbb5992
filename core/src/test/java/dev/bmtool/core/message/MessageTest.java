package dev.bmtool.core.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.crypto.DecryptionException;
import dev.bmtool.core.crypto.Ecies;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageTest {
    private static final SecureRandom RND = new SecureRandom();
    private static final Identity ALICE = AddressGenerator.random("alice", 4, 1, 1, RND);
    private static final Identity BOB = AddressGenerator.random("bob", 4, 1, 1, RND);
    private static final Identity CAROL_V3 = AddressGenerator.random("carol", 3, 1, 1, RND);
    private static final long EXPIRES = 1_800_000_000L;

    @Test
    void msgRoundTrip() {
        byte[] ack = new byte[62];
        RND.nextBytes(ack);
        byte[] text = MessageEncoding.encodeSimple("Hi", "Body text\nline 2");
        BitmessageObject obj = ObjectCrypto.encryptMsg(ALICE, BOB.address(), BOB.publicEncryptionKey(),
                MessageEncoding.SIMPLE, text, ack, EXPIRES);
        assertEquals(0, obj.nonce());
        assertEquals(BitmessageObject.TYPE_MSG, obj.objectType());
        assertEquals(1, obj.version());
        BitmessageObject received = BitmessageObject.read(obj.write());
        ObjectCrypto.DecryptedMsg d = ObjectCrypto.decryptMsg(received, BOB.encryptionKey());
        assertTrue(d.signatureValid());
        assertEquals(ALICE.address(), d.sender());
        assertTrue(d.isFor(BOB.address().ripe()));
        assertArrayEquals(ack, d.content().ackData());
        assertEquals(1000, d.content().sender().nonceTrialsPerByte());
        MessageEncoding.Text t = MessageEncoding.decodeSimple(d.content().message());
        assertEquals("Hi", t.subject());
        assertEquals("Body text\nline 2", t.body());
        assertThrows(DecryptionException.class, () -> ObjectCrypto.decryptMsg(received, ALICE.encryptionKey()));
        // a different expiresTime invalidates the signature
        BitmessageObject moved = BitmessageObject.of(0, EXPIRES + 1, 2, 1, 1, obj.objectPayload());
        assertFalse(ObjectCrypto.decryptMsg(moved, BOB.encryptionKey()).signatureValid());
    }

    @Test
    void tryDecryptFindsTheRightIdentity() {
        BitmessageObject obj = ObjectCrypto.encryptMsg(ALICE, BOB.address(), BOB.publicEncryptionKey(),
                MessageEncoding.SIMPLE, MessageEncoding.encodeSimple("s", "b"), new byte[0], EXPIRES);
        var got = ObjectCrypto.tryDecryptMsg(obj, java.util.List.of(ALICE, CAROL_V3, BOB)).orElseThrow();
        assertEquals(BOB, got.recipient());
        assertTrue(got.accepted());
        assertTrue(ObjectCrypto.tryDecryptMsg(obj, java.util.List.of(ALICE, CAROL_V3)).isEmpty());
    }

    @Test
    void msgFromV3SenderHasDifficultyFields() {
        BitmessageObject obj = ObjectCrypto.encryptMsg(CAROL_V3, BOB.address(), BOB.publicEncryptionKey(),
                MessageEncoding.SIMPLE, MessageEncoding.encodeSimple("s", "b"), new byte[0], EXPIRES);
        ObjectCrypto.DecryptedMsg d = ObjectCrypto.decryptMsg(obj, BOB.encryptionKey());
        assertTrue(d.signatureValid());
        assertEquals(CAROL_V3.address(), d.sender());
    }

    @Test
    void broadcastRoundTripV4AndV5() {
        for (Identity sender : new Identity[] {ALICE, CAROL_V3}) {
            BitmessageObject obj = ObjectCrypto.encryptBroadcast(sender, MessageEncoding.SIMPLE,
                    MessageEncoding.encodeSimple("news", "text"), EXPIRES);
            assertEquals(sender.address().version() == 4 ? 5 : 4, obj.version());
            ObjectCrypto.DecryptedBroadcast d = ObjectCrypto.decryptBroadcast(obj, sender.address());
            assertTrue(d.signatureValid());
            assertTrue(d.senderMatches());
            assertEquals(sender.address(), d.sender());
            assertTrue(ObjectCrypto.decryptBroadcast(obj, sender.address().broadcastKey()).senderMatches());
        }
    }

    @Test
    void pubkeyRoundTrips() {
        BitmessageObject v4 = ObjectCrypto.encryptPubkey(ALICE, EXPIRES);
        ObjectCrypto.DecryptedPubkey d = ObjectCrypto.decryptPubkey(v4, ALICE.address());
        assertTrue(d.signatureValid());
        assertTrue(d.addressMatches());
        assertEquals(ALICE.publicSigningKey(), d.content().keys().signingKey());
        assertThrows(ProtocolException.class, () -> ObjectCrypto.decryptPubkey(v4, BOB.address()));
        BitmessageObject v3 = ObjectCrypto.signPubkeyV3(CAROL_V3, EXPIRES);
        ObjectCrypto.DecryptedPubkey d3 = ObjectCrypto.decryptPubkey(v3, CAROL_V3.address());
        assertTrue(d3.signatureValid());
        assertTrue(d3.addressMatches());
    }

    @Test
    void forgedSenderDetected() {
        // Bob encrypts a broadcast to Alice's broadcast key but signs with his own keys
        BroadcastContent c = BroadcastContent.of(4, 1, ObjectCrypto.senderKeys(BOB), 2, new byte[] {1});
        byte[] blob = Ecies.encrypt(ALICE.address().broadcastKey().publicKey(), c.write());
        byte[] payload = Arrays.copyOf(ALICE.address().tag(), 32 + blob.length);
        System.arraycopy(blob, 0, payload, 32, blob.length);
        BitmessageObject obj = BitmessageObject.of(0, EXPIRES, 3, 5, 1, payload);
        ObjectCrypto.DecryptedBroadcast d = ObjectCrypto.decryptBroadcast(obj, ALICE.address());
        assertFalse(d.senderMatches());
        assertFalse(d.signatureValid()); // unsigned
    }

    @Test
    void malformedPlaintextsAreProtocolExceptions() {
        byte[] good = MsgContent.of(4, 1, ObjectCrypto.senderKeys(ALICE), BOB.address().ripe(), 2,
                "x".getBytes(StandardCharsets.UTF_8), new byte[0]).write();
        assertEquals(good.length, MsgContent.read(good).write().length);
        for (int n = 0; n < good.length; n++) {
            int len = n;
            assertThrows(ProtocolException.class, () -> MsgContent.read(Arrays.copyOf(good, len)), "len " + n);
        }
        byte[] badVersion = good.clone();
        badVersion[0] = 5;
        assertThrows(ProtocolException.class, () -> MsgContent.read(badVersion));
        byte[] badKey = good.clone();
        badKey[10] ^= 1;
        assertThrows(ProtocolException.class, () -> MsgContent.read(badKey));
        Random r = new Random(9);
        for (int i = 0; i < 300; i++) {
            byte[] g = new byte[1 + r.nextInt(300)];
            r.nextBytes(g);
            g[0] = (byte) (2 + r.nextInt(3));
            if (g.length > 1) {
                g[1] = 1;
            }
            try {
                MsgContent.read(g);
            } catch (ProtocolException expected) {
                // fine
            }
            try {
                BroadcastContent.read(g);
            } catch (ProtocolException expected) {
                // fine
            }
            try {
                PubkeyContent.read(g, 3);
            } catch (ProtocolException expected) {
                // fine
            }
        }
    }

    @Test
    void simpleEncodingLikePyBitmessage() {
        assertEquals(new MessageEncoding.Text("a", "b"), MessageEncoding.decodeSimple("Subject:a\nBody:b".getBytes()));
        // no "\nBody:" -> all body
        assertEquals(new MessageEncoding.Text("", "hello"), MessageEncoding.decodeSimple("hello".getBytes()));
        // subject keeps only its first line
        assertEquals(new MessageEncoding.Text("one", "x"),
                MessageEncoding.decodeSimple("Subject:one\rtwo\nBody:x".getBytes()));
        // empty subject
        assertEquals(new MessageEncoding.Text("", "x"), MessageEncoding.decodeSimple("Subject:\nBody:x".getBytes()));
        // index <= 1: body is everything
        assertEquals(new MessageEncoding.Text("", "\nBody:x"), MessageEncoding.decodeSimple("\nBody:x".getBytes()));
        // subject capped at 500 characters
        String longSubject = "s".repeat(600);
        assertEquals(500, MessageEncoding.decodeSimple(MessageEncoding.encodeSimple(longSubject, "b")).subject().length());
        // body may itself contain "\nBody:"
        assertEquals("b\nBody:c", MessageEncoding.decodeSimple("Subject:a\nBody:b\nBody:c".getBytes()).body());
        assertEquals("Subject:ü\nBody:é", new String(MessageEncoding.encodeSimple("ü", "é"), StandardCharsets.UTF_8));
    }

    @Test
    void addressOfKeysMatches() {
        Address a = ObjectCrypto.senderKeys(ALICE).address(4, 1);
        assertEquals(ALICE.address(), a);
    }
}
