package dev.bmtool.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.crypto.Ecies;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.message.MessageEncoding;
import dev.bmtool.core.message.MsgContent;
import dev.bmtool.core.message.ObjectCrypto;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.core.wire.Packet;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Malformed, hostile and undecryptable objects: never a crash, never a lost or duplicated message. */
@Timeout(60)
class MailRobustnessTest {
    @TempDir
    Path dir;

    private final SecureRandom rnd = new SecureRandom();
    private final List<byte[]> submitted = new ArrayList<>();
    private final List<NodeLink.Stored> objects = new ArrayList<>();
    private Identity me;
    private Identity other;
    private MailStore store;
    private MailAgent agent;

    /** An in-memory node: whatever is added is "stored"; submissions are recorded. */
    private final NodeLink link = new NodeLink() {
        @Override
        public String submit(byte[] object) {
            submitted.add(object.clone());
            return dev.bmtool.core.encoding.Hex.encode(PowMath.inventoryHash(object));
        }

        @Override
        public List<Stored> objects(Long type, byte[] tag, long afterSeq, int limit, long waitMillis) {
            return objects.stream().filter(s -> s.seq() > afterSeq).limit(limit).toList();
        }

        @Override
        public String describe() {
            return "test";
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        me = MailTesting.newIdentity(dir, "me");
        other = AddressGenerator.random("other", 4, 1, 1, rnd);
        store = MailStore.open(dir);
        PowService pow = MailTesting.noPow("no proof of work expected here");
        agent = new MailAgent(dir, store, link, pow, MailTesting.SETTINGS, MailAgent.Listener.NONE,
                MailAgent::systemClock);
    }

    private void feed(byte[] raw) {
        objects.add(new NodeLink.Stored(objects.size() + 1, PowMath.inventoryHash(raw), raw));
        agent.poll(0);
    }

    private long expires() {
        return MailAgent.systemClock() + 600;
    }

    private BitmessageObject msg(Identity from, Identity to, byte[] destRipe, String subject, byte[] ack) {
        MsgContent c = MsgContent.of(4, 1, ObjectCrypto.senderKeys(from), destRipe, MessageEncoding.SIMPLE,
                MessageEncoding.encodeSimple(subject, "body"), ack);
        return ObjectCrypto.encryptMsg(c, from.signingKey(), to.publicEncryptionKey(), expires(), 1);
    }

    @Test
    void garbageNeverCrashesNorLosesMessages() {
        // a good message first
        BitmessageObject good = msg(other, me, me.address().ripe(), "good", new byte[0]);
        feed(good.write());
        assertEquals(1, store.inbox(0).size());

        feed(new byte[] {1, 2, 3}); // not an object
        byte[] junk = new byte[300];
        rnd.nextBytes(junk);
        feed(BitmessageObject.of(0, expires(), 2, 1, 1, junk).write()); // undecryptable msg
        feed(BitmessageObject.of(0, expires(), 2, 1, 1, new byte[0]).write()); // empty msg
        // encrypted to us, but the plaintext is garbage
        feed(BitmessageObject.of(0, expires(), 2, 1, 1, Ecies.encrypt(me.publicEncryptionKey(), junk)).write());
        // signed by another key than the one it claims
        MsgContent c = MsgContent.of(4, 1, ObjectCrypto.senderKeys(other), me.address().ripe(), MessageEncoding.SIMPLE,
                MessageEncoding.encodeSimple("forged", "x"), new byte[0]);
        feed(ObjectCrypto.encryptMsg(c, me.signingKey(), me.publicEncryptionKey(), expires(), 1).write());
        // for us cryptographically, but addressed to someone else (surreptitious forwarding)
        feed(msg(other, me, other.address().ripe(), "forwarded", new byte[0]).write());
        // an ack field that is no packet: the message is kept, no ack goes out
        feed(msg(other, me, me.address().ripe(), "bad ack", new byte[] {9, 9, 9}).write());
        // an ack packet of the wrong command
        feed(msg(other, me, me.address().ripe(), "ping ack", Packet.of("ping", new byte[0]).write()).write());
        // garbage pubkeys, getpubkeys and broadcasts
        feed(BitmessageObject.of(0, expires(), 1, 4, 1, junk).write());
        feed(BitmessageObject.of(0, expires(), 0, 4, 1, new byte[250]).write());
        feed(BitmessageObject.of(0, expires(), 0, 4, 1, new byte[3]).write());
        store.subscribe(other.address(), "other", 0);
        byte[] tagged = new ByteWriter().writeBytes(other.address().tag()).writeBytes(junk).toByteArray();
        feed(BitmessageObject.of(0, expires(), 3, 5, 1, tagged).write());
        feed(BitmessageObject.of(0, expires(), 3, 5, 1, new byte[5]).write());
        feed(BitmessageObject.of(0, expires(), 3, 4, 1, junk).write());
        // the good one again: a duplicate
        feed(good.write());

        List<MailStore.InboxEntry> inbox = store.inbox(0);
        assertEquals(List.of("good", "bad ack", "ping ack"), inbox.stream().map(MailStore.InboxEntry::subject).toList());
        assertTrue(submitted.isEmpty(), "no ack or pubkey was sent: " + submitted.size());
        assertTrue(agent.skipped() >= 4, "skips counted: " + agent.skipped());
        assertEquals(objects.size(), store.state("node.seq", 0), "every object was consumed");
    }

    @Test
    void validAckIsSubmittedAndAcksAreRecognised() {
        byte[] ackData = new ByteWriter().writeUInt32(2).writeVarInt(1).writeVarInt(1).writeBytes(new byte[32])
                .toByteArray();
        byte[] ackObject = new ByteWriter().writeInt64(5).writeInt64(expires()).writeBytes(ackData).toByteArray();
        feed(msg(other, me, me.address().ripe(), "with ack", Packet.of("object", ackObject).write()).write());
        assertEquals(1, submitted.size());
        assertEquals(dev.bmtool.core.encoding.Hex.encode(ackObject), dev.bmtool.core.encoding.Hex.encode(submitted.getFirst()));

        // our own sent message is acknowledged by any object whose bytes[16:] are its ackdata
        long id = store.addSent(ackData, "msg", me.address().encode(), other.address().encode(), "s", "b", 600,
                MailStore.MSG_SENT, 0);
        feed(ackObject);
        assertEquals(MailStore.ACK_RECEIVED, store.sentEntry(id).orElseThrow().status());
    }
}
