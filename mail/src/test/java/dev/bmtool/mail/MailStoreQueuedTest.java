package dev.bmtool.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** msgqueued: ready but not yet taken by a peer; acks still count, a hand-over makes it sent. */
class MailStoreQueuedTest {
    private static final String A = "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK";
    private static final String B = "BM-2cV5f9EpzaYARxtoruSpa6pDoucSf9ZNke";

    @TempDir
    Path dir;

    private static byte[] bytes(int b) {
        byte[] x = new byte[32];
        x[0] = (byte) b;
        return x;
    }

    @Test
    void aHandOverMakesQueuedEntriesSentAndLeavesTheRest() throws Exception {
        try (MailStore s = MailStore.open(dir)) {
            long withAck = s.addSent(bytes(1), "msg", A, B, "s", "b", 600, MailStore.DOING_MSG_POW, 100);
            s.markSent(withAck, MailStore.MSG_SENT, bytes(11), 600, 0, 100, 760, "simd");
            s.transition(withAck, MailStore.MSG_SENT, MailStore.MSG_QUEUED, 101);
            long noAck = s.addSent(bytes(2), "msg", A, B, "s", "b", 600, MailStore.DOING_MSG_POW, 100);
            s.markSent(noAck, MailStore.MSG_SENT_NO_ACK, bytes(12), 600, 0, 100, 0, "simd");
            s.transition(noAck, MailStore.MSG_SENT_NO_ACK, MailStore.MSG_QUEUED, 101);
            long broadcast = s.addSent(bytes(3), "broadcast", A, "", "s", "b", 600, MailStore.BROADCAST_QUEUED, 100);
            s.markSent(broadcast, MailStore.BROADCAST_SENT, bytes(13), 600, 0, 100, 0, "simd");
            s.transition(broadcast, MailStore.BROADCAST_SENT, MailStore.BROADCAST_QUEUED, 101);
            long unfinished = s.addSent(bytes(4), "broadcast", A, "", "s", "b", 600, MailStore.BROADCAST_QUEUED, 100);
            long waiting = s.addSent(bytes(5), "msg", A, B, "s", "b", 600, MailStore.AWAITING_PUBKEY, 100);

            assertEquals(3, s.queuedHandedOver(200));
            assertEquals(MailStore.MSG_SENT, s.sentEntry(withAck).orElseThrow().status());
            assertEquals(760, s.sentEntry(withAck).orElseThrow().nextTry(), "the resend timer stays");
            assertEquals(MailStore.MSG_SENT_NO_ACK, s.sentEntry(noAck).orElseThrow().status());
            assertEquals(MailStore.BROADCAST_SENT, s.sentEntry(broadcast).orElseThrow().status());
            assertEquals(MailStore.BROADCAST_QUEUED, s.sentEntry(unfinished).orElseThrow().status(),
                    "no proof of work yet: not sent");
            assertEquals(MailStore.AWAITING_PUBKEY, s.sentEntry(waiting).orElseThrow().status());
            assertEquals(0, s.queuedHandedOver(201));
        }
    }

    @Test
    void anAckForAQueuedMessageCounts() throws Exception {
        try (MailStore s = MailStore.open(dir)) {
            long id = s.addSent(bytes(1), "msg", A, B, "s", "b", 600, MailStore.DOING_MSG_POW, 100);
            s.markSent(id, MailStore.MSG_SENT, bytes(11), 600, 0, 100, 760, "simd");
            s.transition(id, MailStore.MSG_SENT, MailStore.MSG_QUEUED, 101);
            assertTrue(s.ackReceived(bytes(1), 300), "the peer got it after all (a later connection)");
            assertEquals(MailStore.ACK_RECEIVED, s.sentEntry(id).orElseThrow().status());
        }
    }
}
