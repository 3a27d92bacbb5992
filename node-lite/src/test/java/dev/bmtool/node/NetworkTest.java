package dev.bmtool.node;

import static dev.bmtool.node.NodeTesting.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
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
                Node.Offer r = a.submit(good.write());
                assertNull(r.rejection());
                assertTrue(r.isNew());
                assertTrue(eventually(15_000, () -> has(c, good)), "object reached the far end");
                assertTrue(has(b, good));

                Node.Offer rejected = a.submit(bad.write());
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
}
