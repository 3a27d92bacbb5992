package dev.bmtool.node;

import static dev.bmtool.node.NodeTesting.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.wire.GetData;
import dev.bmtool.core.wire.Inv;
import dev.bmtool.core.wire.InventoryVector;
import dev.bmtool.core.wire.ObjectMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class NetworkTest {
    @TempDir
    Path dir;

    private static boolean has(Node n, BitmessageObject o) {
        return n.objects().contains(PowMath.inventoryHash(o.write()));
    }

    private static boolean connected(Node n, int count, boolean tls) {
        List<Map<String, Object>> c = n.connections();
        return c.stream().filter(m -> "established".equals(m.get("state")) && Boolean.valueOf(tls).equals(m.get("tls")))
                .count() >= count;
    }

    @Test
    void objectTravelsThroughALineOfThreeAndSurvivesRestart() throws Exception {
        BitmessageObject good = TestObjects.valid(1);
        BitmessageObject bad = TestObjects.flipped(2);
        BitmessageObject later = TestObjects.valid(3);
        try (Node a = NodeTesting.start(dir.resolve("a"), true);
                Node b = NodeTesting.start(dir.resolve("b"), true, a.listenPort())) {
            Node c = NodeTesting.start(dir.resolve("c"), true, b.listenPort());
            try {
                assertTrue(eventually(15_000, () -> connected(b, 2, true)), "b connected to a and c over TLS");
                Offer r = a.submit(good.write());
                assertNull(r.rejection());
                assertTrue(r.isNew());
                assertTrue(eventually(15_000, () -> has(c, good)), "object reached the far end");
                assertTrue(has(b, good));

                Offer rejected = a.submit(bad.write());
                assertNotNull(rejected.rejection(), "flipped nonce rejected locally");
                // a raw peer pushes the invalid object straight into b: nobody may store it
                try (TestPeer p = new TestPeer(b.listenPort()).handshake()) {
                    p.send(new ObjectMessage(bad));
                    p.send(new ObjectMessage(later));
                    assertTrue(eventually(15_000, () -> has(a, later) && has(c, later)));
                }
                assertFalse(has(a, bad) || has(b, bad) || has(c, bad), "invalid object stored nowhere");
            } finally {
                c.close();
            }
            Node c2 = NodeTesting.start(dir.resolve("c"), true);
            try {
                assertTrue(has(c2, good), "restart keeps the stored object");
                assertEquals(2, c2.objects().count());
            } finally {
                c2.close();
            }
        }
    }

    @Test
    void aSyncIsReportedWithAProgressLine() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        // test limits: progress every 500 ms, so three objects arriving at once count as a sync
        try (Node a = NodeTesting.start(dir.resolve("a"), false)) {
            for (int i = 1; i <= 3; i++) {
                assertNull(a.submit(TestObjects.valid(i).write()).rejection());
            }
            try (Node b = Node.start(NodeTesting.config(dir.resolve("b"), false, a.listenPort()).build(),
                    (level, m) -> lines.add(level + " " + m))) {
                assertTrue(eventually(15_000, () -> b.objects().count() == 3));
                assertTrue(eventually(5_000, () -> lines.stream().anyMatch(l -> l.startsWith("INFO sync: 3 objects"))),
                        lines.toString());
            }
        }
        String sync = lines.stream().filter(l -> l.startsWith("INFO sync: ")).findFirst().orElseThrow();
        assertTrue(sync.contains("/s)") && sync.contains("3 in store"), sync);
    }

    @Test
    void plainTcpWhenOneSideDoesNotOfferTls() throws Exception {
        BitmessageObject good = TestObjects.valid(1);
        try (Node a = NodeTesting.start(dir.resolve("a"), true);
                Node b = NodeTesting.start(dir.resolve("b"), false, a.listenPort())) {
            assertTrue(eventually(15_000, () -> connected(a, 1, false) && connected(b, 1, false)),
                    "plain connection both sides");
            b.submit(good.write());
            assertTrue(eventually(15_000, () -> has(a, good)));
        }
    }

    @Test
    void unansweredGetdataIsAskedOfAnotherPeer() throws Exception {
        BitmessageObject good = TestObjects.valid(4);
        InventoryVector v = InventoryVector.of(good);
        try (Node a = NodeTesting.start(dir.resolve("a"), false);
                TestPeer p1 = new TestPeer(a.listenPort()).handshake();
                TestPeer p2 = new TestPeer(a.listenPort()).handshake()) {
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            java.util.List<Thread> threads = new java.util.ArrayList<>();
            for (TestPeer p : List.of(p1, p2)) {
                p.send(Inv.of(v));
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        while (true) {
                            if (p.read() instanceof GetData gd && gd.hashes().contains(v)) {
                                // the first peer asked stays silent; the second one answers
                                if (asked.incrementAndGet() > 1) {
                                    p.send(new ObjectMessage(good));
                                }
                            }
                        }
                    } catch (java.io.IOException e) {
                        // socket closed at the end of the test
                    }
                }));
            }
            assertTrue(eventually(20_000, () -> has(a, good)), "object fetched from the second peer");
            assertTrue(asked.get() >= 2);
        }
    }

    @Test
    void connectionToSelfIsRefused() throws Exception {
        int port;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        NodeConfig cfg = NodeTesting.config(dir.resolve("self"), true, port)
                .listen(new java.net.InetSocketAddress("127.0.0.1", port)).build();
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>(); // streamed while the node logs
        try (Node a = Node.start(cfg, (level, m) -> lines.add(m))) {
            assertTrue(eventually(15_000, () -> lines.stream().anyMatch(l -> l.contains("connected to myself"))),
                    "self-connection detected by the nonce");
            assertEquals(0, a.status().established());
        }
    }
}
