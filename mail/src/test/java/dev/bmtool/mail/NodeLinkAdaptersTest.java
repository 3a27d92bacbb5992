package dev.bmtool.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.node.Node;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import dev.bmtool.node.api.ApiClient;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Both adapters of {@link NodeLink} against real nodes on loopback: the same answers either way. */
@Timeout(120)
class NodeLinkAdaptersTest {
    @TempDir
    Path dir;

    @Test
    void inProcessAndControlApiLinksAgree() throws Exception {
        NodeConfig.Limits limits = NodeConfig.Limits.defaults().withTimeouts(Duration.ofSeconds(3),
                Duration.ofSeconds(60), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMillis(300));
        try (Node a = Node.start(MailTesting.config(dir.resolve("a")), NodeLog.to(System.out, false));
                Node b = Node.start(NodeConfig.builder(dir.resolve("b")).listen(new InetSocketAddress("127.0.0.1", 0))
                        .peers(List.of(new InetSocketAddress("127.0.0.1", a.listenPort()))).bootstrap(false)
                        .tls(false).apiPort(0).limits(limits).build(), NodeLog.to(System.out, false))) {
            NodeLink local = new InProcessNodeLink(b);
            NodeLink remote = new ApiNodeLink(ApiClient.forDataDir(dir.resolve("b")));
            assertTrue(MailTesting.eventually(15_000, () -> local.connections().stream()
                    .anyMatch(NodeLink.PeerConnection::established)), "B connects to A");
            NodeLink.PeerConnection toA = new NodeLink.PeerConnection("127.0.0.1:" + a.listenPort(), true, false,
                    b.connections().stream().filter(m -> !"inbound".equals(m.get("direction"))).findFirst()
                            .orElseThrow().get("userAgent").toString());
            assertTrue(toA.userAgent().contains("bmtool"), toA.toString());
            assertTrue(local.connections().contains(toA), local.connections().toString());
            assertTrue(remote.connections().contains(toA), remote.connections().toString());

            long now = System.currentTimeMillis() / 1000;
            BitmessageObject o = BitmessageObject.of(0, now + 3600, BitmessageObject.TYPE_MSG, 1, 1, new byte[100]);
            PowService.Solved solved = MailTesting.SOLVER.solveObject(o, 3600, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE,
                    PowMath.DEFAULT_EXTRA_BYTES, null);
            byte[] raw = solved.object().write();
            String hash = local.submit(raw);
            assertEquals(Hex.encode(PowMath.inventoryHash(raw)), hash);
            assertEquals(hash, remote.submit(raw), "the same object through the API: same hash, not stored twice");
            for (NodeLink link : List.of(local, remote)) {
                List<NodeLink.Stored> msgs = link.objects(BitmessageObject.TYPE_MSG, null, 0, 10, 0);
                assertEquals(1, msgs.size(), link.describe());
                assertEquals(hash, Hex.encode(msgs.getFirst().hash()));
                assertEquals(Hex.encode(raw), Hex.encode(msgs.getFirst().raw()));
            }
            NodeLink.Status status = local.status();
            assertEquals(Map.of(BitmessageObject.TYPE_MSG, 1L), status.objectsByTypeSinceStart());
            assertEquals(b.status().startedAt(), status.startedAt());
            assertThrows(UnsupportedOperationException.class, remote::status,
                    "the control API has no per-type counts");
            byte[] expired = BitmessageObject.of(0, now - 7200, BitmessageObject.TYPE_MSG, 1, 1, new byte[100]).write();
            NodeLink.RejectedException e = assertThrows(NodeLink.RejectedException.class, () -> local.submit(expired));
            assertTrue(e.getMessage().startsWith("the node rejected the object: "), e.getMessage());
        }
    }
}
