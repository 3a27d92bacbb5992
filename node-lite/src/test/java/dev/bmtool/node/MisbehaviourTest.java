package dev.bmtool.node;

import static dev.bmtool.node.NodeTesting.eventually;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.wire.Inv;
import dev.bmtool.core.wire.InventoryVector;
import dev.bmtool.core.wire.PacketHeader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile peers are cut off; a well-behaved peer connected meanwhile keeps being served. */
@Timeout(60)
class MisbehaviourTest {
    @TempDir
    static Path dir;
    static Node a;
    static Node b;
    static final int INV_BURST = 100_000;

    @BeforeAll
    static void start() throws Exception {
        NodeConfig.Limits limits = NodeTesting.fastLimits().withInvBudget(INV_BURST, 1000);
        a = Node.start(NodeTesting.config(dir.resolve("a"), true).limits(limits).build(), NodeLog.to(System.out, true));
        b = NodeTesting.start(dir.resolve("b"), true, a.listenPort());
        assertTrue(eventually(15_000, () -> a.status().established() == 1));
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
    }

    /** The well-behaved peer still gets new objects from a. */
    private static void wellBehavedPeerStillServed(int seed) throws Exception {
        BitmessageObject o = TestObjects.valid(seed);
        a.submit(o.write());
        assertTrue(eventually(15_000, () -> b.objects().contains(PowMath.inventoryHash(o.write()))),
                "b still served");
    }

    @Test
    void garbageIsCutOff() throws Exception {
        try (TestPeer p = new TestPeer(a.listenPort())) {
            byte[] junk = new byte[4096];
            new Random(1).nextBytes(junk);
            p.out.write(junk);
            p.out.flush();
            assertTrue(p.closedWithin(5000));
        }
        wellBehavedPeerStillServed(1);
    }

    @Test
    void oversizedHeaderIsCutOffBeforeThePayload() throws Exception {
        try (TestPeer p = new TestPeer(a.listenPort())) {
            ByteBuffer h = ByteBuffer.allocate(PacketHeader.LENGTH);
            h.putInt(PacketHeader.MAGIC);
            h.put(java.util.Arrays.copyOf("version".getBytes(StandardCharsets.US_ASCII), 12));
            h.putInt(PacketHeader.MAX_MESSAGE_SIZE + 1);
            h.putInt(0);
            p.out.write(h.array());
            p.out.flush();
            // no payload follows: the node must not wait for 1.6 MB
            assertTrue(p.closedWithin(2000));
        }
        wellBehavedPeerStillServed(2);
    }

    @Test
    void invFloodIsCutOffAndBounded() throws Exception {
        try (TestPeer p = new TestPeer(a.listenPort()).handshake()) {
            Random r = new Random(2);
            boolean cut = false;
            for (int round = 0; round < 5 && !cut; round++) {
                List<InventoryVector> hashes = new ArrayList<>(Inv.MAX_COUNT);
                for (int i = 0; i < Inv.MAX_COUNT; i++) {
                    byte[] h = new byte[32];
                    r.nextBytes(h);
                    hashes.add(InventoryVector.of(h));
                }
                try {
                    p.send(new Inv(hashes));
                } catch (java.io.IOException e) {
                    cut = true;
                }
            }
            assertTrue(cut || p.closedWithin(5000), "flooding peer disconnected");
        }
        long wanted = a.status().wanted();
        assertTrue(wanted <= a.config().limits().maxWanted(), "wanted list bounded: " + wanted);
        wellBehavedPeerStillServed(3);
    }

    @Test
    void tricklingPeerIsCutOff() throws Exception {
        // during the handshake: the deadline closes it
        try (TestPeer p = new TestPeer(a.listenPort())) {
            byte[] version = TestPeer.version(5).toPacket().write();
            OutputStream out = p.out;
            boolean closed = false;
            long start = System.currentTimeMillis();
            for (int i = 0; i < version.length && !closed; i++) {
                try {
                    out.write(version[i]);
                    out.flush();
                } catch (java.io.IOException e) {
                    closed = true;
                }
                closed |= p.closedWithin(300);
            }
            assertTrue(closed, "trickling peer closed");
            assertTrue(System.currentTimeMillis() - start < 15_000);
        }
        // after the handshake: a packet that never completes
        try (TestPeer p = new TestPeer(a.listenPort()).handshake()) {
            byte[] ping = new dev.bmtool.core.wire.Inv(List.of()).toPacket().write();
            p.out.write(ping, 0, 10);
            p.out.flush();
            assertTrue(p.closedWithin(10_000), "half a packet is not waited for forever");
        }
        wellBehavedPeerStillServed(4);
    }

    @Test
    void packetFloodIsCutOff() throws Exception {
        try (TestPeer p = new TestPeer(a.listenPort()).handshake()) {
            byte[] ping = new dev.bmtool.core.wire.Ping().toPacket().write();
            java.io.ByteArrayOutputStream burst = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < 1000; i++) {
                burst.write(ping);
            }
            boolean cut = false;
            for (int round = 0; round < 20 && !cut; round++) {
                try {
                    p.out.write(burst.toByteArray());
                    p.out.flush();
                } catch (java.io.IOException e) {
                    cut = true;
                }
            }
            assertTrue(cut || p.closedWithin(5000), "packet flood disconnected");
        }
        wellBehavedPeerStillServed(5);
    }
}
