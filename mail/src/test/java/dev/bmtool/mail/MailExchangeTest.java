package dev.bmtool.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on loopback: getpubkey -> pubkey -> msg -> ack both ways, broadcasts, chans. */
@Timeout(240)
class MailExchangeTest {
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    @Test
    void messagesAcksBroadcastsAndChansBetweenTwoNodes() throws Exception {
        Identity alice = MailTesting.newIdentity(dirA, "alice");
        Identity bob = MailTesting.newIdentity(dirB, "bob");
        try (Mailbox a = MailTesting.start(dirA, "A"); Mailbox b = MailTesting.start(dirB, "B", a.node().listenPort())) {
            assertTrue(MailTesting.eventually(10_000, () -> a.node().status().established() == 1),
                    "nodes connect");

            // A -> B: unknown pubkey, so getpubkey first
            long id1 = a.agent().send(alice.address(), bob.address(), "hello bob", "first message", 600);
            assertEquals(MailStore.AWAITING_PUBKEY, a.store().sentEntry(id1).orElseThrow().status());
            assertTrue(MailTesting.eventually(60_000, () -> b.store().inbox(0).size() == 1), "B receives");
            MailStore.InboxEntry got = b.store().inbox(0).getFirst();
            assertEquals("hello bob", got.subject());
            assertEquals("first message", got.body());
            assertEquals(alice.address().encode(), got.from());
            assertEquals(bob.address().encode(), got.to());
            assertTrue(MailTesting.eventually(60_000,
                    () -> a.store().sentEntry(id1).orElseThrow().status().equals(MailStore.ACK_RECEIVED)), "A gets the ack");
            assertTrue(a.store().pubkey(bob.address()).isPresent(), "A cached bob's pubkey");
            assertTrue(b.store().pubkey(alice.address()).isPresent(), "B cached alice's key from the msg");

            // B -> A: the key came with the msg, no getpubkey needed
            long id2 = b.agent().send(bob.address(), alice.address(), "re: hello", "reply", 600);
            assertEquals(MailStore.MSG_SENT, b.store().sentEntry(id2).orElseThrow().status());
            assertTrue(MailTesting.eventually(60_000, () -> a.store().inbox(0).size() == 1), "A receives the reply");
            assertEquals("re: hello", a.store().inbox(0).getFirst().subject());
            assertTrue(MailTesting.eventually(60_000,
                    () -> b.store().sentEntry(id2).orElseThrow().status().equals(MailStore.ACK_RECEIVED)), "B gets the ack");

            // broadcast A -> subscribers
            b.store().subscribe(alice.address(), "alice", 0);
            a.agent().broadcast(alice.address(), "news", "broadcast body", 600);
            assertTrue(MailTesting.eventually(60_000, () -> b.store().inbox(0).size() == 2), "B gets the broadcast");
            MailStore.InboxEntry bc = b.store().inbox(0).get(1);
            assertEquals("broadcast", bc.kind());
            assertEquals(MailAgent.BROADCAST_TO, bc.to());
            assertEquals("news", bc.subject());
            // and B -> subscribers (A)
            a.store().subscribe(bob.address(), "bob", 0);
            b.agent().broadcast(bob.address(), "from bob", "to everyone", 600);
            assertTrue(MailTesting.eventually(60_000, () -> a.store().inbox(0).size() == 2), "A gets B's broadcast");
            assertEquals("from bob", a.store().inbox(0).get(1).subject());

            // chan: both join, B posts, both see it, no ack expected
            Identity chanA = AddressGenerator.chan("bmtool test chan");
            new IdentityStore(dirA).add(chanA);
            new IdentityStore(dirB).add(AddressGenerator.chan("bmtool test chan"));
            long id3 = b.agent().send(bob.address(), chanA.address(), "to the chan", "chan body", 600);
            assertEquals(MailStore.MSG_SENT_NO_ACK, b.store().sentEntry(id3).orElseThrow().status());
            assertTrue(MailTesting.eventually(60_000, () -> a.store().inbox(0).size() == 3), "A reads the chan");
            MailStore.InboxEntry chanMsg = a.store().inbox(0).get(2);
            assertEquals(chanA.address().encode(), chanMsg.to());
            assertEquals("to the chan", chanMsg.subject());

            // nothing was duplicated: every msg is in an inbox once
            List<MailStore.InboxEntry> all = b.store().inbox(0);
            assertEquals(all.size(), all.stream().map(e -> e.subject()).distinct().count());
        }
    }
}
