package dev.bmtool.vectors.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.Wif;
import dev.bmtool.core.crypto.DecryptionException;
import dev.bmtool.core.crypto.Ecdsa;
import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.message.BroadcastContent;
import dev.bmtool.core.message.MessageEncoding;
import dev.bmtool.core.message.MsgContent;
import dev.bmtool.core.message.ObjectCrypto;
import dev.bmtool.core.message.PubkeyContent;
import dev.bmtool.core.object.BitmessageObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** vectors.md sections 8.2 (decrypt/verify parts) and 8.3. */
class ObjectVectorsTest {
    private static final Address V3_SENDER = Address.decode("BM-2D9Vc5rFxxR5vTi53T9gkLfemViHRMVLQZ");
    private static final Address V4_SENDER = Address.decode("BM-2cXxfcSetKnbHJX2Y85rSkaVpsdNUZ5q9h");
    private static final Address RECIPIENT = Address.decode("BM-2cSqjfJ8xK6UUn5Rw3RpdGQ9RsDkBhWnS8");
    private static final String RECIPIENT_ENC_WIF = "5KUSCKA5Pg5gKr358PEs1ygHvgWfxAD61gDHh1ofNxy2a2dLQVu";

    private static BitmessageObject object(String name) {
        return BitmessageObject.read(Resources.hex(name + ".hex"));
    }

    @Test
    void v4Pubkey() {
        BitmessageObject obj = object("V4Pubkey");
        assertEquals("48995c7be3dd724f59b3737012e608a2203cc4759bb17ee0c571fbf6f68f9c6e",
                Hex.encode(Arrays.copyOf(obj.objectPayload(), 32)));
        assertArrayEquals(V4_SENDER.tag(), Arrays.copyOf(obj.objectPayload(), 32));
        assertEquals("12a16d741071608a921fd15320105ed2945dfa3ccae92e26533eb61268704100",
                Hex.encode(V4_SENDER.addressKey().bytes()));
        ObjectCrypto.DecryptedPubkey d = ObjectCrypto.decryptPubkey(obj, V4_SENDER);
        assertArrayEquals(Resources.hex("V4Pubkey.plaintext.hex"), d.content().write());
        assertTrue(d.signatureValid());
        assertTrue(d.addressMatches());
        assertEquals(V4_SENDER, d.address());
        assertEquals("00fea4e63c035fa4376d191bdb7329a7d2d808ba", Hex.encode(d.content().keys().ripe()));
        assertEquals(1, d.content().keys().bitfield());
        assertEquals(1000, d.content().keys().nonceTrialsPerByte());
        assertEquals(1000, d.content().keys().payloadLengthExtraBytes());
        // the signature is SHA-1 (old client) and still accepted
        byte[] signed = concat(obj.signedHeader(), Arrays.copyOf(obj.objectPayload(), 32), d.content().signedPart());
        assertTrue(Ecdsa.verify(d.content().keys().signingKey(), signed, d.content().signature(), Ecdsa.Digest.SHA1));
        // the same with the key given directly (CLI --key-wif)
        ObjectCrypto.DecryptedPubkey d2 = ObjectCrypto.decryptPubkey(obj, V4_SENDER.addressKey());
        assertTrue(d2.signatureValid());
        assertTrue(d2.addressMatches());
        // a different address's tag is refused before decrypting
        assertThrows(ProtocolException.class, () -> ObjectCrypto.decryptPubkey(obj, V3_SENDER));
        assertThrows(DecryptionException.class, () -> ObjectCrypto.decryptPubkey(obj, RECIPIENT.addressKey()));
    }

    @Test
    void v3AndV2Pubkeys() {
        ObjectCrypto.DecryptedPubkey v3 = ObjectCrypto.decryptPubkey(object("V3Pubkey"), V3_SENDER);
        assertTrue(v3.signatureValid());
        assertTrue(v3.addressMatches());
        assertEquals("007402be6e76c3cb87caa946d0c003a3d4d8e1d5", Hex.encode(v3.address().ripe()));
        ObjectCrypto.DecryptedPubkey v2 = ObjectCrypto.readPubkey(object("V2Pubkey"));
        assertEquals("BM-opWQhvk9xtMFvQA2Kvetedpk8LkbraWHT", v2.address().encode());
        assertFalse(v2.content().hasSignature());
        // the stored .pubkey fixtures are the v3 field list of each address
        PubkeyContent f3 = PubkeyContent.read(Resources.hex("BM-2D9Vc5rFxxR5vTi53T9gkLfemViHRMVLQZ.pubkey.hex"), 3);
        assertEquals(V3_SENDER, f3.keys().address(3, 1));
        PubkeyContent f4 = PubkeyContent.read(Resources.hex("BM-2cXxfcSetKnbHJX2Y85rSkaVpsdNUZ5q9h.pubkey.hex"), 4);
        assertEquals(V4_SENDER, f4.keys().address(4, 1));
    }

    @Test
    void v4Broadcast() {
        BitmessageObject obj = object("V4Broadcast");
        assertEquals("e8ffb0b1ec8cc19d20cb7c238cf5668449ffcd53d462b2667599a6d27c508e5b",
                Hex.encode(V3_SENDER.broadcastKey().bytes()));
        ObjectCrypto.DecryptedBroadcast d = ObjectCrypto.decryptBroadcast(obj, V3_SENDER);
        BroadcastContent c = d.content();
        assertArrayEquals(Resources.hex("V4Broadcast.plaintext.hex"), c.write());
        assertTrue(d.signatureValid());
        assertTrue(d.senderMatches());
        assertEquals(V3_SENDER, d.sender());
        assertEquals(3, c.senderVersion());
        assertEquals(1, c.senderStream());
        assertEquals(MessageEncoding.SIMPLE, c.encoding());
        assertEquals("Subject:Test-Broadcast\nBody:v3", new String(c.message(), StandardCharsets.UTF_8));
        MessageEncoding.Text t = MessageEncoding.decodeSimple(c.message());
        assertEquals("Test-Broadcast", t.subject());
        assertEquals("v3", t.body());
        // the key given directly
        assertTrue(ObjectCrypto.decryptBroadcast(obj, V3_SENDER.broadcastKey()).senderMatches());
        // the double-hash key is the wrong one for v4 broadcasts
        assertThrows(DecryptionException.class, () -> ObjectCrypto.decryptBroadcast(obj, V3_SENDER.addressKey()));
    }

    @Test
    void v5Broadcast() {
        BitmessageObject obj = object("V5Broadcast");
        assertArrayEquals(V4_SENDER.tag(), Arrays.copyOf(obj.objectPayload(), 32));
        ObjectCrypto.DecryptedBroadcast d = ObjectCrypto.decryptBroadcast(obj, V4_SENDER);
        assertArrayEquals(Resources.hex("V5Broadcast.plaintext.hex"), d.content().write());
        assertTrue(d.signatureValid());
        assertTrue(d.senderMatches());
        assertEquals(V4_SENDER, d.sender());
        MessageEncoding.Text t = MessageEncoding.decode(d.content().encoding(), d.content().message());
        assertEquals("Test-Broadcast", t.subject());
        assertEquals("Hallo", t.body());
        ObjectCrypto.DecryptedBroadcast d2 = ObjectCrypto.decryptBroadcast(obj, V4_SENDER.addressKey());
        assertTrue(d2.senderMatches());
        assertThrows(ProtocolException.class, () -> ObjectCrypto.decryptBroadcast(obj, RECIPIENT));
    }

    @Test
    void v1Msg() {
        BitmessageObject obj = object("V1Msg");
        PrivateKey key = Wif.decode(RECIPIENT_ENC_WIF);
        assertEquals("da5125e78b8b90859744d9cfdb4761468ad3cc5513a8703bdfd8a32098117b48", Hex.encode(key.bytes()));
        ObjectCrypto.DecryptedMsg d = ObjectCrypto.decryptMsg(obj, key);
        MsgContent c = d.content();
        assertArrayEquals(Resources.hex("V1Msg.plaintext.hex"), c.write());
        assertTrue(d.signatureValid());
        assertEquals(V4_SENDER, d.sender());
        assertTrue(d.isFor(RECIPIENT.ripe()));
        assertEquals("0006c780441208a9b3891c235c6bd9d9d52cfce4", Hex.encode(c.destinationRipe()));
        assertEquals(4, c.senderVersion());
        assertEquals(1, c.sender().bitfield());
        assertEquals(0, c.ackData().length);
        assertEquals(72, c.signature().length);
        MessageEncoding.Text t = MessageEncoding.decodeSimple(c.message());
        assertEquals("Test", t.subject());
        assertEquals("Hallo, das ist ein Test von der v4-Adresse", t.body());
        // the embedded sender keys are the ones published in V4Pubkey
        ObjectCrypto.DecryptedPubkey pk = ObjectCrypto.decryptPubkey(object("V4Pubkey"), V4_SENDER);
        assertEquals(pk.content().keys().signingKey(), c.sender().signingKey());
        assertEquals(pk.content().keys().encryptionKey(), c.sender().encryptionKey());
        // another key cannot decrypt it
        assertThrows(DecryptionException.class, () -> ObjectCrypto.decryptMsg(obj, V4_SENDER.addressKey()));
    }

    @Test
    void getpubkeyPayloads() {
        // vectors.md 8.2: v2/v3 getpubkey carry the full ripe, v4 the tag
        BitmessageObject v4 = ObjectCrypto.buildGetpubkey(V4_SENDER, 1_430_277_996L);
        assertArrayEquals(V4_SENDER.tag(), v4.objectPayload());
        assertEquals(4, v4.version());
        assertEquals(BitmessageObject.TYPE_GETPUBKEY, v4.objectType());
        BitmessageObject v3 = ObjectCrypto.buildGetpubkey(V3_SENDER, 1_431_340_129L);
        assertArrayEquals(V3_SENDER.ripe(), v3.objectPayload());
        assertEquals(3, v3.version());
    }

    @Test
    void strangeMsgFailsCleanly() {
        BitmessageObject obj = object("V1MsgStrangeData");
        assertEquals(32, obj.objectPayload().length);
        PrivateKey key = Wif.decode(RECIPIENT_ENC_WIF);
        assertThrows(DecryptionException.class, () -> ObjectCrypto.decryptMsg(obj, key));
    }

    @Test
    void privkeyFileReducedModN() {
        ByteReader r = new ByteReader(Resources.hex("BM-2cSqjfJ8xK6UUn5Rw3RpdGQ9RsDkBhWnS8.privkey.hex"));
        assertEquals(4, r.readVarInt());
        assertEquals(1, r.readVarInt());
        byte[] pubkey = r.readVarBytes(200, "pubkey");
        byte[] sig64 = r.readVarBytes(64, "signing key");
        byte[] enc64 = r.readVarBytes(64, "encryption key");
        r.expectEnd("privkey file");
        PrivateKey sig = PrivateKey.ofReduced(sig64);
        PrivateKey enc = PrivateKey.ofReduced(enc64);
        assertEquals("38ee54671af11e6abfde68c513d7acff8ed6cea0844e920ea57c564f8e6674c8", Hex.encode(sig.bytes()));
        assertEquals("da5125e78b8b90859744d9cfdb4761468ad3cc5513a8703bdfd8a32098117b48", Hex.encode(enc.bytes()));
        assertEquals("5JFMokYtcBU7Kaj5HBmbdeWWygzHKfFPucft74K7W2jxKNJj5YU", Wif.encode(sig));
        assertEquals(RECIPIENT_ENC_WIF, Wif.encode(enc));
        // the public keys in the file (after Jabit's bitfield) match and hash to the address
        assertArrayEquals(sig.publicKey().bytes(), Arrays.copyOfRange(pubkey, 4, 68));
        assertArrayEquals(enc.publicKey().bytes(), Arrays.copyOfRange(pubkey, 68, 132));
        assertEquals(RECIPIENT, Address.fromKeys(4, 1, sig.publicKey(), enc.publicKey()));
    }

    private static byte[] concat(byte[]... parts) {
        byte[] out = new byte[0];
        for (byte[] p : parts) {
            byte[] n = Arrays.copyOf(out, out.length + p.length);
            System.arraycopy(p, 0, n, out.length, p.length);
            out = n;
        }
        return out;
    }
}
