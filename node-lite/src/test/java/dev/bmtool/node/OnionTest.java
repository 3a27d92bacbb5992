package dev.bmtool.node;

import static dev.bmtool.node.NodeTesting.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.wire.Addr;
import dev.bmtool.core.wire.HostAddress;
import dev.bmtool.core.wire.Message;
import dev.bmtool.core.wire.NetworkAddress;
import dev.bmtool.core.wire.Version;
import dev.bmtool.node.net.ProxySettings;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Onion peers: a node with an onion service announces it (OnionCat addr entry), a node behind
 * a proxy dials it by name through the proxy. Tor cannot run here (no network), so a small
 * SOCKS5 endpoint plays Tor's part: it maps onion names to loopback ports and records every
 * request, which shows what the node asked the proxy for.
 */
@Timeout(60)
class OnionTest {
    private static final String ONION = "abcdefghijklmnop.onion";

    @TempDir
    Path dir;

    @Test
    void aNodeAnnouncesItsOnionAndAProxiedPeerDialsItByNameThroughTheProxy() throws Exception {
        ProxySettings service = new ProxySettings(ProxySettings.Type.NONE, "localhost", 9050, null, null, false,
                ONION, 8444, "127.0.0.1", false);
        try (Node a = Node.start(NodeTesting.config(dir.resolve("a"), false).proxy(service).build(),
                NodeLog.to(System.out, true));
                TorLike tor = new TorLike()) {
            tor.map(ONION + ":8444", a.listenPort());
            tor.map("127.0.0.1:" + a.listenPort(), a.listenPort());
            // onion peers only: the default seed IPs are never dialled, not even through the proxy
            ProxySettings behindTor = ProxySettings.NONE.withProxyUri("socks5://127.0.0.1:" + tor.port());
            behindTor = new ProxySettings(behindTor.type(), behindTor.host(), behindTor.port(), null, null, false, "",
                    8444, null, true);
            NodeConfig cfg = NodeTesting.config(dir.resolve("b"), false, a.listenPort()).bootstrap(true)
                    .proxy(behindTor).build();
            try (Node b = Node.start(cfg, NodeLog.to(System.out, true))) {
                assertTrue(eventually(20_000, () -> b.connections().stream().anyMatch(
                        m -> (ONION + ":8444").equals(m.get("peer")) && "established".equals(m.get("state")))),
                        "b dialled the onion it learnt from a's addr: " + b.connections());
                assertTrue(tor.requests.contains("name " + ONION + ":8444"), "sent to the proxy as a name: "
                        + tor.requests);
                assertTrue(tor.requests.stream().allMatch(r -> r.startsWith("name " + ONION)
                        || r.equals("ipv4 127.0.0.1:" + a.listenPort())), "nothing else was asked for: " + tor.requests);
            }
        }
    }

    @Test
    void toAConnectionFromTheLocalTorDaemonTheVersionNamesTheOnionPortAndNotOurAddress() throws Exception {
        ProxySettings service = ProxySettings.of(Map.of("socksproxytype", "SOCKS5", "socksport", "9",
                "onionhostname", ONION, "onionport", "8555"));
        try (Node a = Node.start(NodeTesting.config(dir.resolve("a"), false).proxy(service).build(),
                NodeLog.silent());
                TestPeer p = new TestPeer(a.listenPort())) {
            p.send(TestPeer.version(42));
            Version v = null;
            List<NetworkAddress> announced = null;
            long deadline = System.currentTimeMillis() + 10_000;
            while ((v == null || announced == null) && System.currentTimeMillis() < deadline) {
                Message m = p.read();
                if (m instanceof Version x) {
                    v = x;
                    p.send(new dev.bmtool.core.wire.Verack());
                } else if (m instanceof Addr x) {
                    announced = x.addresses();
                }
            }
            assertEquals(8555, v.addrFrom().port(), "the onion service's port");
            assertEquals("127.0.0.1", v.addrRecv().host().toString());
            assertEquals(HostAddress.parse(ONION), announced.getFirst().host(), "own onion in addr (OnionCat form)");
            assertEquals(8555, announced.getFirst().port());
            assertFalse(HostAddress.parse(ONION).toHex().isEmpty());
            assertTrue(HostAddress.parse(ONION).toHex().startsWith("fd87d87eeb43"), "OnionCat prefix");
        }
    }

    @Test
    void aV3OnionServiceIsAnnouncedWithAnOnionpeerObjectThatPeersLearnFrom() throws Exception {
        String v3 = "bmtool".repeat(9) + "23.onion";
        ProxySettings service = new ProxySettings(ProxySettings.Type.NONE, "localhost", 9050, null, null, false,
                v3, 8444, "127.0.0.1", false);
        try (Node a = Node.start(NodeTesting.config(dir.resolve("a"), false).proxy(service).build(), NodeLog.silent());
                Node b = NodeTesting.start(dir.resolve("b"), false, a.listenPort());
                var publisher = dev.bmtool.node.OnionPeerPublisher.startIfOnion(a,
                        dev.bmtool.core.pow.service.PowService.of(dev.bmtool.core.pow.PowScheduler.open(
                                dev.bmtool.core.pow.PowScheduler.Options.defaults(), m -> { })), NodeLog.to(System.out, false))) {
            assertTrue(eventually(45_000, () -> b.peers().list(100).stream()
                    .anyMatch(p -> p.host().equals(v3) && p.port() == 8444)), "b learnt the v3 onion");
            var stored = b.objects().list(dev.bmtool.core.object.BitmessageObject.TYPE_ONIONPEER, null, 0, 10, true);
            assertEquals(1, stored.size());
            var o = stored.getFirst().object();
            assertEquals(3, o.version(), "version 3 for a v3 onion (PyBitmessage)");
            assertEquals(dev.bmtool.core.object.OnionPeerPayload.of(v3, 8444),
                    dev.bmtool.core.object.OnionPeerPayload.read(3, o.objectPayload()));
            assertFalse(publisher.publishIfMissing(), "not again while one lives");
        }
    }

    /** A SOCKS5 endpoint that connects mapped names to loopback ports and refuses everything else. */
    static final class TorLike implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        final Map<String, Integer> routes = new ConcurrentHashMap<>();
        final List<String> requests = new CopyOnWriteArrayList<>();

        TorLike() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread.ofVirtual().start(() -> serve(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        void map(String hostPort, int loopbackPort) {
            routes.put(hostPort, loopbackPort);
        }

        private void serve(Socket s) {
            try (s) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                in.readUnsignedByte();
                in.readNBytes(in.readUnsignedByte());
                out.write(new byte[] {5, 0});
                in.readNBytes(3);
                int atyp = in.readUnsignedByte();
                String host;
                String kind;
                if (atyp == 3) {
                    host = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
                    kind = "name";
                } else if (atyp == 1) {
                    host = java.net.InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
                    kind = "ipv4";
                } else {
                    host = java.net.InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
                    kind = "ipv6";
                }
                int port = in.readUnsignedShort();
                requests.add(kind + " " + host + ":" + port);
                Integer target = routes.get(host + ":" + port);
                if (target == null) {
                    out.write(new byte[] {5, 4, 0, 1, 0, 0, 0, 0, 0, 0}); // host unreachable
                    return;
                }
                try (Socket t = new Socket()) {
                    t.connect(new InetSocketAddress("127.0.0.1", target), 5000);
                    out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
                    out.flush();
                    Thread back = Thread.ofVirtual().start(() -> pipe(t, s));
                    pipe(s, t);
                    back.join();
                }
            } catch (IOException | InterruptedException e) {
                // connection over
            }
        }

        private static void pipe(Socket from, Socket to) {
            try {
                InputStream i = from.getInputStream();
                OutputStream o = to.getOutputStream();
                i.transferTo(o);
            } catch (IOException e) {
                // closed
            } finally {
                try {
                    to.shutdownOutput();
                } catch (IOException e) {
                    // closed
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
