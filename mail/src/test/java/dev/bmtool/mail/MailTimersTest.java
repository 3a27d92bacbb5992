package dev.bmtool.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.message.ObjectCrypto;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.object.ObjectValidator;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.service.PowService;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Getpubkey for v3 addresses, answering getpubkey once, resend with doubled TTL: with a test clock. */
@Timeout(120)
class MailTimersTest {
    @TempDir
    Path dir;

    private final long[] clock = {System.currentTimeMillis() / 1000};
    private final List<BitmessageObject> submitted = new ArrayList<>();
    private final List<NodeLink.Stored> objects = new ArrayList<>();
    private Identity me;
    private MailStore store;
    private MailAgent agent;

    private final NodeLink link = new NodeLink() {
        @Override
        public String submit(byte[] object) {
            BitmessageObject o = BitmessageObject.read(object);
            // what a node checks: the PoW meets the network minimum
            long target = PowMath.verifierTarget(o.length(), o.expiresTime() - clock[0], 1000, 1000);
            assertTrue(Long.compareUnsigned(o.trialValue(), target) <= 0, "submitted object has enough PoW");
            submitted.add(o);
            return Hex.encode(PowMath.inventoryHash(object));
        }

        @Override
        public List<Stored> objects(Long type, byte[] tag, long afterSeq, int limit, long waitMillis) {
            return objects.stream().filter(s -> s.seq() > afterSeq)
                    .filter(s -> type == null || BitmessageObject.read(s.raw()).objectType() == type)
                    .filter(s -> tag == null || Arrays.equals(tag, dev.bmtool.node.store.ObjectStore.tagOf(
                            BitmessageObject.read(s.raw()))))
                    .limit(limit).toList();
        }

        @Override
        public String describe() {
            return "test";
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        me = MailTesting.newIdentity(dir, "me");
        store = MailStore.open(dir);
        PowService pow = MailTesting.sharedSolver();
        agent = new MailAgent(dir, store, link, pow, MailSettings.shortLived(600), MailAgent.Listener.NONE,
                () -> clock[0]);
    }

    private void feed(BitmessageObject o) {
        byte[] raw = o.write();
        objects.add(new NodeLink.Stored(objects.size() + 1, PowMath.inventoryHash(raw), raw));
        agent.poll(0);
    }

    @Test
    void v3RecipientGetpubkeyThenMsgThenResendWithDoubledTtl() {
        Identity v3 = AddressGenerator.random("v3", 3, 1, 1, new SecureRandom());
        long id = agent.send(me.address(), v3.address(), "s", "b", 600);
        assertEquals(MailStore.AWAITING_PUBKEY, store.sentEntry(id).orElseThrow().status());
        assertEquals(1, submitted.size());
        BitmessageObject getpubkey = submitted.getFirst();
        assertEquals(BitmessageObject.TYPE_GETPUBKEY, getpubkey.objectType());
        assertEquals(3, getpubkey.version());
        assertTrue(Arrays.equals(v3.address().ripe(), getpubkey.objectPayload()));
        agent.tick();
        assertEquals(1, submitted.size(), "no second getpubkey while the first lives");

        // the v3 pubkey arrives (cleartext, signed)
        feed(ObjectCrypto.signPubkeyV3(v3, clock[0] + 600));
        MailStore.SentEntry e = store.sentEntry(id).orElseThrow();
        assertEquals(MailStore.MSG_SENT, e.status());
        assertEquals(2, submitted.size());
        assertEquals(BitmessageObject.TYPE_MSG, submitted.get(1).objectType());
        ObjectCrypto.DecryptedMsg d = ObjectCrypto.decryptMsg(submitted.get(1), v3.encryptionKey());
        assertTrue(d.signatureValid() && d.isFor(v3.address().ripe()));
        // the embedded ack is a full object packet whose bytes[16:] are our ackdata
        byte[] ackPacket = d.content().ackData();
        byte[] ackObject = Arrays.copyOfRange(ackPacket, 24, ackPacket.length);
        assertTrue(Arrays.equals(e.ackData(), Arrays.copyOfRange(ackObject, 16, ackObject.length)));

        // no ack: after TTL*1.1 it is sent again with the TTL doubled
        clock[0] += 600;
        agent.tick();
        assertEquals(2, submitted.size(), "not before TTL*1.1");
        clock[0] += 61;
        agent.tick();
        MailStore.SentEntry again = store.sentEntry(id).orElseThrow();
        assertEquals(3, submitted.size());
        assertEquals(MailStore.MSG_SENT, again.status());
        assertEquals(1, again.retries());
        assertEquals(1200, again.ttl());
        assertNotEquals(Hex.encode(e.msgid()), Hex.encode(again.msgid()));
        assertEquals(clock[0] + 1200, submitted.get(2).expiresTime());

        // the ack arrives: done, no more resends
        BitmessageObject ack = BitmessageObject.read(ackObject);
        feed(ack);
        assertEquals(MailStore.ACK_RECEIVED, store.sentEntry(id).orElseThrow().status());
        clock[0] += 5000;
        agent.tick();
        assertEquals(3, submitted.size());
    }

    /** keys.dat [bitmessagesettings] limits, as PyBitmessage names them; a new mtime so the agent re-reads. */
    private void setLimits(String ntpb, String extra) throws Exception {
        dev.bmtool.core.address.IdentityStore ids = new dev.bmtool.core.address.IdentityStore(dir);
        dev.bmtool.core.address.KeysDat k = ids.load();
        k.set(dev.bmtool.core.address.KeysDat.SETTINGS_SECTION, "maxacceptablenoncetrialsperbyte", ntpb);
        k.set(dev.bmtool.core.address.KeysDat.SETTINGS_SECTION, "maxacceptablepayloadlengthextrabytes", extra);
        ids.save(k);
        java.nio.file.Files.setLastModifiedTime(ids.file(),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + (long) (Math.random() * 1e6)));
    }

    @Test
    void recipientDemandingMoreThanTheLimitIsTooDifficultUntilTheLimitIsRaised() throws Exception {
        Identity plain = AddressGenerator.random("v3", 3, 1, 1, new SecureRandom());
        Identity demanding = new Identity("v3", plain.address(), plain.signingKey(), plain.encryptionKey(), 3000, 1500,
                false, true, java.util.Map.of());
        setLimits("2000", "0"); // 2x the minimum; 0 = PyBitmessage's default for the other
        long id = agent.send(me.address(), demanding.address(), "s", "b", 600);
        feed(ObjectCrypto.signPubkeyV3(demanding, clock[0] + 600));
        MailStore.SentEntry e = store.sentEntry(id).orElseThrow();
        assertEquals(MailStore.TOO_DIFFICULT, e.status());
        assertTrue(e.note().contains("3 x and 1.5 x the network minimum"), e.note());
        assertEquals(1, submitted.size(), "only the getpubkey went out");
        agent.tick();
        assertEquals(MailStore.TOO_DIFFICULT, store.sentEntry(id).orElseThrow().status(), "still over the limit");

        setLimits("3000", "1500");
        agent.tick();
        assertEquals(MailStore.MSG_SENT, store.sentEntry(id).orElseThrow().status());
        assertEquals(2, submitted.size());
        BitmessageObject msg = submitted.get(1);
        long target = PowMath.verifierTarget(msg.length(), msg.expiresTime() - clock[0], 3000, 1500);
        assertTrue(Long.compareUnsigned(msg.trialValue(), target) <= 0, "PoW at the recipient's difficulty");
    }

    @Test
    void defaultLimitIsPyBitmessagesSanityCheck() {
        DifficultyLimit d = DifficultyLimit.of(java.util.Map.of());
        assertEquals(20_000_000_000L, d.nonceTrialsPerByte());
        assertEquals(20_000_000_000L, d.extraBytes());
        assertEquals(d, DifficultyLimit.of(java.util.Map.of("maxacceptablenoncetrialsperbyte", "0",
                "maxacceptablepayloadlengthextrabytes", "junk")));
    }

    @Test
    void subscribingLaterFindsTheBroadcastsTheNodeAlreadyHolds() throws Exception {
        Identity v4 = AddressGenerator.random("v4", 4, 1, 1, new SecureRandom());
        Identity v3 = AddressGenerator.random("v3", 3, 1, 1, new SecureRandom());
        feed(ObjectCrypto.encryptBroadcast(v4, 2, dev.bmtool.core.message.MessageEncoding.encodeSimple("old v5", "b"),
                clock[0] + 600));
        feed(ObjectCrypto.encryptBroadcast(v3, 2, dev.bmtool.core.message.MessageEncoding.encodeSimple("old v4", "b"),
                clock[0] + 600));
        assertEquals(0, store.inbox(0).size(), "not subscribed yet: nothing");
        store.subscribe(v4.address(), "", clock[0]);
        store.subscribe(v3.address(), "", clock[0]);
        agent.tick();
        List<String> subjects = store.inbox(0).stream().map(MailStore.InboxEntry::subject).sorted().toList();
        assertEquals(List.of("old v4", "old v5"), subjects);
        agent.tick();
        assertEquals(2, store.inbox(0).size(), "looked through once, no duplicates");
    }

    /** A full ack object packet with network-minimum PoW, as a sender embeds it. */
    private byte[] minedAckPacket() {
        byte[] ackData = new byte[32];
        new SecureRandom().nextBytes(ackData);
        BitmessageObject o = BitmessageObject.read(new dev.bmtool.core.encoding.ByteWriter(48).writeInt64(0)
                .writeInt64(clock[0] + 600).writeBytes(ackData).toByteArray());
        long target = PowMath.senderTarget(o.length(), 600, 1000, 1000);
        byte[] ih = PowMath.initialHash(o.bytesWithoutNonce());
        long n = 0;
        while (!PowMath.meets(n, ih, target)) {
            n++;
        }
        return dev.bmtool.core.wire.Packet.of(dev.bmtool.core.wire.ObjectMessage.COMMAND, o.withNonce(n).write()).write();
    }

    @Test
    void dontsendackIdentityNeitherAdvertisesNorSendsAcks() throws Exception {
        Identity base = AddressGenerator.random("quiet", 4, 1, 1, new SecureRandom());
        Identity quiet = new Identity("quiet", base.address(), base.signingKey(), base.encryptionKey(), 1000, 1000,
                false, true, java.util.Map.of("dontsendack", "true"));
        assertFalse(quiet.sendsAcks());
        assertTrue(me.sendsAcks());
        new dev.bmtool.core.address.IdentityStore(dir).add(quiet);
        java.nio.file.Files.setLastModifiedTime(dir.resolve("keys.dat"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000_000));
        assertEquals(0, ObjectCrypto.senderKeys(quiet).bitfield(), "pubkey without DOES_ACK");

        Identity sender = AddressGenerator.random("sender", 4, 1, 1, new SecureRandom());
        byte[] ack = minedAckPacket();
        byte[] text = dev.bmtool.core.message.MessageEncoding.encodeSimple("hi", "b");
        feed(ObjectCrypto.encryptMsg(sender, quiet.address(), quiet.publicEncryptionKey(), 2, text, ack, clock[0] + 600)
                .withNonce(0));
        assertEquals(1, store.inbox(0).size(), "received");
        assertEquals(0, submitted.size(), "no ack for a dontsendack identity");
        // the same kind of msg to an ordinary identity is acknowledged
        feed(ObjectCrypto.encryptMsg(sender, me.address(), me.publicEncryptionKey(), 2, text, ack, clock[0] + 600));
        assertEquals(2, store.inbox(0).size());
        assertEquals(1, submitted.size(), "ack sent for an ordinary identity");
    }

    @Test
    void blacklistAndWhitelistDecideWhoseMsgsAreKeptAndAcknowledged() throws Exception {
        Identity spammer = AddressGenerator.random("spammer", 4, 1, 1, new SecureRandom());
        Identity friend = AddressGenerator.random("friend", 4, 1, 1, new SecureRandom());
        byte[] ack = minedAckPacket();
        java.util.function.BiFunction<Identity, String, BitmessageObject> msg = (from, subject) ->
                ObjectCrypto.encryptMsg(from, me.address(), me.publicEncryptionKey(), 2,
                        dev.bmtool.core.message.MessageEncoding.encodeSimple(subject, "b"), ack, clock[0] + 600);
        store.listAdd("blacklist", spammer.address(), "spam");
        feed(msg.apply(spammer, "buy now"));
        feed(msg.apply(friend, "hello"));
        assertEquals(List.of("hello"), store.inbox(0).stream().map(MailStore.InboxEntry::subject).toList(),
                "blacklisted sender ignored (black mode, the default)");
        assertEquals(1, submitted.size(), "only the friend's msg acknowledged");

        // whitelist mode: only listed senders get through
        dev.bmtool.core.address.IdentityStore ids = new dev.bmtool.core.address.IdentityStore(dir);
        ids.update(k -> {
            k.set(dev.bmtool.core.address.KeysDat.SETTINGS_SECTION, "blackwhitelist", "white");
            return null;
        });
        java.nio.file.Files.setLastModifiedTime(ids.file(),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 9_000_000));
        feed(msg.apply(friend, "hello again"));
        assertEquals(1, store.inbox(0).size(), "friend not whitelisted yet");
        store.listAdd("whitelist", friend.address(), "");
        feed(msg.apply(friend, "third time"));
        assertEquals(List.of("hello", "third time"),
                store.inbox(0).stream().map(MailStore.InboxEntry::subject).toList());
        assertEquals(2, submitted.size());
        assertTrue(store.listRemove("blacklist", spammer.address()));
        assertEquals(List.of(), store.listEntries("blacklist"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2})
    void ackStealthLevelsShapeTheAckAndItIsStillRecognised(int level) throws Exception {
        dev.bmtool.core.address.IdentityStore ids = new dev.bmtool.core.address.IdentityStore(dir);
        ids.update(k -> {
            k.set(dev.bmtool.core.address.KeysDat.SETTINGS_SECTION, "ackstealthlevel", Integer.toString(level));
            return null;
        });
        java.nio.file.Files.setLastModifiedTime(ids.file(),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 7_000_000));
        Identity v3 = AddressGenerator.random("v3", 3, 1, 1, new SecureRandom());
        long id = agent.send(me.address(), v3.address(), "s", "b", 600);
        feed(ObjectCrypto.signPubkeyV3(v3, clock[0] + 600));
        assertEquals(MailStore.MSG_SENT, store.sentEntry(id).orElseThrow().status());
        ObjectCrypto.DecryptedMsg d = ObjectCrypto.decryptMsg(submitted.getLast(), v3.encryptionKey());
        byte[] packet = d.content().ackData();
        BitmessageObject ack = BitmessageObject.read(Arrays.copyOfRange(packet, 24, packet.length));
        switch (level) {
            case 1 -> {
                assertEquals(BitmessageObject.TYPE_GETPUBKEY, ack.objectType());
                assertEquals(4, ack.version());
                assertEquals(32, ack.objectPayload().length);
            }
            case 2 -> {
                assertEquals(BitmessageObject.TYPE_MSG, ack.objectType());
                assertTrue(ack.objectPayload().length >= 234 + 16 + 70 + 32, "an ECIES blob like a real msg");
                assertTrue(ack.objectPayload().length <= 800 + 16 + 16 + 70 + 32);
            }
            default -> {
                assertEquals(BitmessageObject.TYPE_MSG, ack.objectType());
                assertEquals(32, ack.objectPayload().length);
            }
        }
        assertTrue(ObjectValidator.defaults().validate(ack, clock[0]).valid(), "ack carries its own PoW");
        feed(ack);
        assertEquals(MailStore.ACK_RECEIVED, store.sentEntry(id).orElseThrow().status());
    }

    @Test
    void extendedEncodingIsSentAsPyBitmessageWritesIt() {
        Identity v3 = AddressGenerator.random("v3", 3, 1, 1, new SecureRandom());
        String body = "long text ".repeat(500);
        long id = agent.send(me.address(), v3.address(), "zipped", body, 600,
                dev.bmtool.core.message.MessageEncoding.EXTENDED);
        feed(ObjectCrypto.signPubkeyV3(v3, clock[0] + 600));
        assertEquals(MailStore.MSG_SENT, store.sentEntry(id).orElseThrow().status());
        assertEquals(dev.bmtool.core.message.MessageEncoding.EXTENDED, store.sentEntry(id).orElseThrow().encoding());
        ObjectCrypto.DecryptedMsg d = ObjectCrypto.decryptMsg(submitted.getLast(), v3.encryptionKey());
        assertEquals(dev.bmtool.core.message.MessageEncoding.EXTENDED, d.content().encoding());
        assertEquals(new dev.bmtool.core.message.MessageEncoding.Text("zipped", body),
                dev.bmtool.core.message.ExtendedEncoding.decode(d.content().message()));
        assertTrue(d.content().message().length < body.length() / 10, "zlib makes repetitive text small");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> agent.send(me.address(), v3.address(), "s", "b", 600, 1));
    }

    @Test
    void messageLeftInPowByADeadProcessIsSentAgain() {
        Identity other = AddressGenerator.random("other", 4, 1, 1, new SecureRandom());
        store.putPubkey(new MailStore.Pubkey(other.address(), 1, other.publicSigningKey(), other.publicEncryptionKey(),
                1000, 1000, "test", clock[0]));
        // a live owner (this process) keeps it
        long busy = store.addSent(new byte[38], "msg", me.address().encode(), other.address().encode(), "s", "b", 600,
                MailStore.AWAITING_PUBKEY, clock[0]);
        assertTrue(store.transition(busy, MailStore.AWAITING_PUBKEY, MailStore.DOING_MSG_POW, clock[0]));
        // no owner recorded (as after a crash of an old process): taken up on the next tick
        byte[] ack = new byte[38];
        ack[0] = 1;
        long id = store.addSent(ack, "msg", me.address().encode(), other.address().encode(), "s", "b", 600,
                MailStore.DOING_MSG_POW, clock[0]);
        agent.tick();
        assertEquals(MailStore.MSG_SENT, store.sentEntry(id).orElseThrow().status());
        assertEquals(MailStore.DOING_MSG_POW, store.sentEntry(busy).orElseThrow().status());
        assertEquals(1, submitted.size());
        assertEquals(BitmessageObject.TYPE_MSG, submitted.getFirst().objectType());
    }

    @Test
    void getpubkeyIsAnsweredOncePerPubkeyLifetime() {
        Identity chan = AddressGenerator.chan("timers");
        new dev.bmtool.core.address.IdentityStore(dir).add(chan);
        BitmessageObject ask = BitmessageObject.of(0, clock[0] + 600, 0, 4, 1, me.address().tag());
        feed(ask);
        assertEquals(1, submitted.size());
        BitmessageObject pub = submitted.getFirst();
        assertEquals(BitmessageObject.TYPE_PUBKEY, pub.objectType());
        ObjectCrypto.DecryptedPubkey d = ObjectCrypto.decryptPubkey(pub, me.address());
        assertTrue(d.signatureValid() && d.addressMatches());

        feed(BitmessageObject.of(1, clock[0] + 600, 0, 4, 1, me.address().tag()));
        assertEquals(1, submitted.size(), "not again while the published one lives");
        // chans never answer
        feed(BitmessageObject.of(0, clock[0] + 600, 0, 4, 1, chan.address().tag()));
        assertEquals(1, submitted.size());
        // after the pubkey's lifetime, again
        clock[0] += 601;
        feed(BitmessageObject.of(2, clock[0] + 600, 0, 4, 1, me.address().tag()));
        assertEquals(2, submitted.size());
        assertFalse(store.lastPublished(me.address()) == 0);
    }
}
