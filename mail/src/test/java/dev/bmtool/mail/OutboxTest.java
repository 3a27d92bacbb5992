package dev.bmtool.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two ways into the sent folder that the CLI and the PyBitmessage API share. */
class OutboxTest {
    @TempDir
    Path dir;

    @Test
    void queueForNodeWaitsForProofOfWorkWithAPlaceholderMsgid() throws Exception {
        Identity me = AddressGenerator.random("me", 4, 1, 1, new SecureRandom());
        Identity you = AddressGenerator.random("you", 4, 1, 1, new SecureRandom());
        try (MailStore store = MailStore.open(dir)) {
            Outbox o = new Outbox(store);
            long msg = o.queueForNode(0, false, me.address().encode(), you.address().encode(), 1, "s", "b", 3600, 2,
                    1000);
            MailStore.SentEntry e = store.sentEntry(msg).orElseThrow();
            assertEquals(MailStore.MSG_QUEUED, e.status());
            assertEquals("msg", e.kind());
            assertEquals(Outbox.PLACEHOLDER_MSGID_LENGTH, e.msgid().length);
            assertFalse(e.objectMade(), "waits for the agent's proof of work, not for a peer");
            assertEquals(38, e.ackData().length); // stealth level 0, as PyBitmessage's
            long bc = o.queueForNode(0, true, me.address().encode(), MailAgent.BROADCAST_TO, 1, "n", "b", 3600, 2,
                    1000);
            assertEquals(MailStore.BROADCAST_QUEUED, store.sentEntry(bc).orElseThrow().status());
            assertFalse(store.sentEntry(bc).orElseThrow().objectMade());
            // the agent's own queue: waits for the recipient's pubkey, no msgid until sent
            long mine = o.queueMsg(0, me.address(), you.address(), "s", "b", 3600, 2, 1000);
            MailStore.SentEntry m = store.sentEntry(mine).orElseThrow();
            assertEquals(MailStore.AWAITING_PUBKEY, m.status());
            assertNull(m.msgid());
        }
    }
}
