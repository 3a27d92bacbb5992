package dev.bmtool.node;

import static dev.bmtool.node.NodeTesting.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.wire.Inv;
import dev.bmtool.core.wire.InventoryVector;
import dev.bmtool.core.wire.PacketHeader;
import dev.bmtool.core.wire.Version;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 13 on loopback, each against a node with small limits: memory before the
 * handshake, one address taking every slot, one peer stopping all downloads.
 */
@Timeout(90)
class AttackTest {
    @TempDir
    Path dir;

    /** A packet header announcing {@code length} payload bytes for {@code command}. */
    private static byte[] header(String command, int length) {
        ByteBuffer h = ByteBuffer.allocate(PacketHeader.LENGTH);
        h.putInt(PacketHeader.MAGIC);
        h.put(Arrays.copyOf(command.getBytes(StandardCharsets.US_ASCII), 12));
        h.putInt(length);
        h.putInt(0);
        return h.array();
    }

    /** A plain socket to the node from a chosen loopback address (127.0.0.0/8 is all ours). */
    private static Socket connectFrom(String localIp, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(localIp, 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return s;
    }

    /** True if the node closed {@code s} within {@code millis}. */
    private static boolean closedWithin(Socket s, long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        while (System.currentTimeMillis() < deadline) {
            s.setSoTimeout((int) Math.max(1, Math.min(200, deadline - System.currentTimeMillis())));
            try {
                if (in.read(buf) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    @Test
    void largeVersionBeforeTheHandshakeIsRefusedOnItsHeader() throws Exception {
        try (Node a = NodeTesting.start(dir, false); TestPeer p = new TestPeer(a.listenPort())) {
            // a real version is ~150 bytes; 100 kB announced and not sent must not be waited for
            // (the old node buffered up to 1.6 MB per stranger until the 20 s handshake deadline)
            p.out.write(header(Version.COMMAND, 100_000));
            p.out.write(new byte[1000]);
            p.out.flush();
            assertTrue(p.closedWithin(1500), "closed on the header, well before the 3 s handshake timeout");
            try (TestPeer q = new TestPeer(a.listenPort())) {
                q.out.write(header("inv", 1000)); // anything but version/verack/error before the handshake
                q.out.flush();
                assertTrue(q.closedWithin(1500));
            }
            assertEquals(0, a.status().preHandshakeBytesPeak(), "nothing was buffered for them");
        }
    }

    @Test
    void bytesBufferedFromUnverifiedPeersStayWithinTheBudget() throws Exception {
        long budget = 20_000;
        NodeConfig.Limits limits = NodeTesting.fastLimits().withTimeouts(java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(3),
                java.time.Duration.ofMillis(300)).withUnverified(100, 100, budget);
        try (Node a = Node.start(NodeTesting.config(dir, false).limits(limits).build(), NodeLog.to(System.out, true))) {
            List<Socket> peers = new ArrayList<>();
            try {
                // 10 strangers each announce an 8000-byte version (allowed size) and send only part of it
                for (int i = 0; i < 10; i++) {
                    Socket s = connectFrom("127.0.0.1", a.listenPort());
                    s.getOutputStream().write(header(Version.COMMAND, 8000));
                    s.getOutputStream().write(new byte[100]);
                    s.getOutputStream().flush();
                    peers.add(s);
                }
                assertTrue(eventually(5000, () -> a.status().preHandshakeBytes() > 0));
                int closed = 0;
                for (Socket s : peers) {
                    closed += closedWithin(s, 300) ? 1 : 0;
                }
                NodeStatus st = a.status();
                assertTrue(st.preHandshakeBytesPeak() <= budget, "peak " + st.preHandshakeBytesPeak());
                assertEquals(16_000, st.preHandshakeBytes(), "two 8000-byte versions fit the 20000-byte budget");
                assertEquals(8, closed, "the others were closed on their header");
            } finally {
                for (Socket s : peers) {
                    s.close();
                }
            }
            assertTrue(eventually(5000, () -> a.status().preHandshakeBytes() == 0), "released when they go");
        }
    }

    @Test
    void oneAddressCannotTakeEverySlotNorTheOutboundOnes() throws Exception {
        int ownPeerPort;
        try (ServerSocket reserve = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ownPeerPort = reserve.getLocalPort(); // the node's --peer, started later on this port
        }
        // 20 connections: 8 outbound slots, 12 inbound; a long handshake deadline so silence holds a slot
        NodeConfig.Limits limits = NodeTesting.fastLimits().withTimeouts(java.time.Duration.ofSeconds(30),
                java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(3),
                java.time.Duration.ofMillis(300)).withMaxConnections(20);
        NodeConfig cfg = NodeTesting.config(dir.resolve("a"), false, ownPeerPort).limits(limits).build();
        try (Node a = Node.start(cfg, NodeLog.to(System.out, true))) {
            List<Socket> silent = new ArrayList<>();
            try {
                // one IP opens 30 silent connections: only 3 may wait for their handshake
                for (int i = 0; i < 30; i++) {
                    silent.add(connectFrom("127.0.0.2", a.listenPort()));
                }
                int open = 0;
                for (Socket s : silent) {
                    open += closedWithin(s, 100) ? 0 : 1;
                }
                assertEquals(3, open, "unverified connections from one IP");
                assertTrue(a.status().refusedAtAccept() >= 27);
                // 10 more IPs, 3 each, over several /24s: the inbound slots fill, the oldest unverified make room
                for (int ip = 0; ip < 10; ip++) {
                    for (int i = 0; i < 3; i++) {
                        silent.add(connectFrom("127.0." + (10 + ip / 3) + "." + (10 + ip), a.listenPort()));
                    }
                }
                assertTrue(eventually(5000, () -> a.status().evictedUnverified() > 0), "unverified evicted when full");
                // a legitimate peer still gets in
                try (TestPeer p = new TestPeer(a.listenPort()).handshake()) {
                    assertTrue(eventually(5000, () -> a.status().established() >= 1));
                }
                // and the node still dials its own peer when it comes up: outbound slots are not inbound's
                try (Node own = Node.start(NodeTesting.config(dir.resolve("own"), false)
                        .listen(new InetSocketAddress("127.0.0.1", ownPeerPort)).build(), NodeLog.silent())) {
                    assertTrue(eventually(10_000, () -> own.status().established() == 1),
                            "the node dialled its --peer while inbound was flooded");
                }
            } finally {
                for (Socket s : silent) {
                    s.close();
                }
            }
        }
    }

    @Test
    void legitimateObjectIsFetchedWhileAnotherPeerFloodsInv() throws Exception {
        BitmessageObject wantedObject = TestObjects.valid(31);
        byte[] hash = PowMath.inventoryHash(wantedObject.write());
        NodeConfig.Limits limits = NodeTesting.fastLimits().withWanted(10_000, 2_500);
        try (Node a = Node.start(NodeTesting.config(dir.resolve("a"), false).limits(limits).build(),
                NodeLog.to(System.out, false));
                TestPeer attacker = new TestPeer(a.listenPort()).handshake()) {
            // the attacker reads what it is sent (so it is not dropped as a slow reader) and never delivers
            Thread drain = Thread.ofVirtual().start(() -> {
                byte[] buf = new byte[65536];
                try {
                    attacker.socket.setSoTimeout(0);
                    while (attacker.in.read(buf) >= 0) {
                        // discard
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            Random r = new Random(7);
            for (int round = 0; round < 2; round++) {
                List<InventoryVector> hashes = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    byte[] h = new byte[32];
                    r.nextBytes(h);
                    hashes.add(InventoryVector.of(h));
                }
                attacker.send(new Inv(hashes));
            }
            // both invs handled (the last hashes are processed when the count stops moving)
            assertTrue(eventually(5000, () -> a.status().wanted() >= 2_500));
            Thread.sleep(500);
            // a legitimate peer holding one object connects and announces it
            Node b = NodeTesting.start(dir.resolve("b"), false, a.listenPort());
            try {
                b.submit(wantedObject.write());
                assertTrue(eventually(20_000, () -> a.objects().contains(hash)),
                        "the legitimate object was fetched despite the flood");
                NodeStatus st = a.status();
                assertTrue(st.announcementsOverShare() >= 17_500, "over share: " + st.announcementsOverShare());
                assertTrue(st.wanted() <= 2_500, "the attacker holds its share only: " + st.wanted());
            } finally {
                b.close();
                attacker.close();
                drain.join(2000);
            }
        }
    }
}
