package dev.bmtool.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.message.ObjectCrypto;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent calls an object it just made sent only when the node has a peer: with none it is
 * msgqueued / broadcastqueued (object made), and the timers move it on once a connection has
 * lasted {@link MailTimers#HANDOVER_NANOS}. This is what every face sees (CLI, PyBitmessage API).
 */
@Timeout(120)
class NothingSentToNobodyTest {
    @TempDir
    Path dir;

    private final List<NodeLink.Stored> objects = new ArrayList<>();
    private final List<NodeLink.PeerConnection> connections = new ArrayList<>();
    private Identity me;
    private MailStore store;
    private MailAgent agent;

    private final NodeLink link = new NodeLink() {
        @Override
        public String submit(byte[] object) {
            return Hex.encode(PowMath.inventoryHash(object));
        }

        @Override
        public List<Stored> objects(Long type, byte[] tag, long afterSeq, int limit, long waitMillis) {
            return objects.stream().filter(s -> s.seq() > afterSeq).limit(limit).toList();
        }

        @Override
        public List<PeerConnection> connections() {
            return List.copyOf(connections);
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
        agent = new MailAgent(dir, store, link, MailTesting.sharedSolver(), MailSettings.shortLived(600),
                MailAgent.Listener.NONE, MailAgent::systemClock);
    }

    @Test
    void withoutAPeerAMsgAndABroadcastStayQueuedUntilAConnectionHasLasted() throws Exception {
        Identity them = AddressGenerator.random("them", 3, 1, 1, new SecureRandom());
        long msg = agent.send(me.address(), them.address(), "s", "b", 600);
        byte[] pubkey = ObjectCrypto.signPubkeyV3(them, MailAgent.systemClock() + 600).write();
        objects.add(new NodeLink.Stored(1, PowMath.inventoryHash(pubkey), pubkey));
        agent.poll(0); // the pubkey arrives: the msg is made and submitted, no peer connected
        MailStore.SentEntry m = store.sentEntry(msg).orElseThrow();
        assertEquals(MailStore.MSG_QUEUED, m.status(), "made, but no peer: not msgsent");
        assertTrue(m.objectMade(), "the object exists (its inventory hash is the msgid)");
        long bc = agent.broadcast(me.address(), "news", "all", 600);
        assertEquals(MailStore.BROADCAST_QUEUED, store.sentEntry(bc).orElseThrow().status());

        agent.tick(); // no connection: nothing moves, and the queued msg is not made again
        assertEquals(Hex.encode(m.msgid()), Hex.encode(store.sentEntry(msg).orElseThrow().msgid()));
        assertEquals(MailStore.MSG_QUEUED, store.sentEntry(msg).orElseThrow().status());

        connections.add(new NodeLink.PeerConnection("127.0.0.1:8444", true, false, "/test/"));
        agent.tick(); // a connection just now: not yet
        assertEquals(MailStore.MSG_QUEUED, store.sentEntry(msg).orElseThrow().status());
        Thread.sleep(MailTimers.HANDOVER_NANOS / 1_000_000 + 200);
        agent.tick();
        assertEquals(MailStore.MSG_SENT, store.sentEntry(msg).orElseThrow().status(), "an ack is awaited");
        assertEquals(MailStore.BROADCAST_SENT, store.sentEntry(bc).orElseThrow().status());

        // with a peer connected, the next one is sent at once
        long bc2 = agent.broadcast(me.address(), "more", "all", 600);
        assertEquals(MailStore.BROADCAST_SENT, store.sentEntry(bc2).orElseThrow().status());
    }

    @Test
    void aConnectionNotEstablishedYetIsNoPeer() {
        connections.add(new NodeLink.PeerConnection("127.0.0.1:8444", false, false, null));
        long bc = agent.broadcast(me.address(), "news", "all", 600);
        assertEquals(MailStore.BROADCAST_QUEUED, store.sentEntry(bc).orElseThrow().status());
    }
}
