package dev.bmtool.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.Wif;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.pow.PowMath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real PyBitmessage objects (vectors.md 8) through the receive path: msg, broadcasts v4/v5, pubkeys. */
@Timeout(60)
class MailInteropTest {
    @TempDir
    Path dir;

    private final List<NodeLink.Stored> objects = new ArrayList<>();
    private final List<byte[]> submitted = new ArrayList<>();

    private static byte[] object(String name) throws IOException {
        try (InputStream in = MailInteropTest.class.getResourceAsStream(name + ".hex")) {
            return Hex.decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        }
    }

    @Test
    void realObjectsAreReceived() throws Exception {
        Identity recipient = Identity.of("jabit test", 4, 1, Wif.decode("5JFMokYtcBU7Kaj5HBmbdeWWygzHKfFPucft74K7W2jxKNJj5YU"),
                Wif.decode("5KUSCKA5Pg5gKr358PEs1ygHvgWfxAD61gDHh1ofNxy2a2dLQVu"));
        assertEquals("BM-2cSqjfJ8xK6UUn5Rw3RpdGQ9RsDkBhWnS8", recipient.address().encode());
        new IdentityStore(dir).add(recipient);
        try (MailStore store = MailStore.open(dir)) {
            NodeLink link = new NodeLink() {
                @Override
                public String submit(byte[] object) {
                    submitted.add(object);
                    return Hex.encode(PowMath.inventoryHash(object));
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
            MailAgent agent = new MailAgent(dir, store, link, MailTesting.noPow("no PoW expected"), MailSettings.defaults(), MailAgent.Listener.NONE, MailAgent::systemClock);
            Address v4Sender = Address.decode("BM-2cXxfcSetKnbHJX2Y85rSkaVpsdNUZ5q9h");
            Address v3Sender = Address.decode("BM-2D9Vc5rFxxR5vTi53T9gkLfemViHRMVLQZ");
            store.subscribe(v4Sender, "v4", 0);
            store.subscribe(v3Sender, "v3", 0);
            for (String name : List.of("V1Msg", "V1MsgStrangeData", "V2Pubkey", "V3Pubkey", "V4Pubkey", "V4Broadcast",
                    "V5Broadcast", "V4GetPubkey", "V1Msg")) {
                byte[] raw = object(name);
                objects.add(new NodeLink.Stored(objects.size() + 1, PowMath.inventoryHash(raw), raw));
            }
            agent.poll(0);

            List<MailStore.InboxEntry> inbox = store.inbox(0);
            assertEquals(3, inbox.size(), inbox.toString());
            MailStore.InboxEntry msg = inbox.getFirst();
            assertEquals("msg", msg.kind());
            assertEquals(v4Sender.encode(), msg.from());
            assertEquals(recipient.address().encode(), msg.to());
            assertEquals("Test", msg.subject());
            assertEquals("Hallo, das ist ein Test von der v4-Adresse", msg.body());
            assertEquals(List.of("broadcast", "broadcast"), inbox.subList(1, 3).stream().map(MailStore.InboxEntry::kind).toList());
            assertEquals(List.of(v3Sender.encode(), v4Sender.encode()),
                    inbox.subList(1, 3).stream().map(MailStore.InboxEntry::from).toList());
            assertEquals("Hallo", inbox.get(2).body());
            assertEquals("v3", inbox.get(1).body());
            // pubkeys: from the msg (v4 sender), and the cleartext v2/v3 pubkey objects
            assertEquals("msg", store.pubkey(v4Sender).orElseThrow().source());
            assertTrue(store.pubkey(v3Sender).isPresent());
            assertTrue(store.pubkey(Address.decode("BM-opWQhvk9xtMFvQA2Kvetedpk8LkbraWHT")).isPresent());
            // the msg had no ack (empty field); the getpubkey is not for us
            assertTrue(submitted.isEmpty());
        }
    }
}
