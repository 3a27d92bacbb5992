package dev.bmtool.node;

import static dev.bmtool.node.NodeTesting.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.node.net.ProxySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Peer connections through a real SOCKS5 server (microsocks) on loopback. */
@Timeout(90)
class ProxyTest {
    @TempDir
    Path dir;

    private static boolean has(Node n, BitmessageObject o) {
        return n.objects().contains(PowMath.inventoryHash(o.write()));
    }

    private static long established(Node n) {
        return n.connections().stream().filter(m -> "established".equals(m.get("state"))).count();
    }

    private static void keysDat(Path dataDir, String settings) throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("keys.dat"), "[bitmessagesettings]\nsettingsversion = 10\n" + settings);
    }

    @Test
    void keysDatSocks5SendsEveryPeerConnectionThroughTheProxyWithNamesResolvedThere() throws Exception {
        BitmessageObject o = TestObjects.valid(11);
        try (Microsocks socks = Microsocks.start(null, null);
                Node a = NodeTesting.start(dir.resolve("a"), true)) {
            keysDat(dir.resolve("b"), "socksproxytype = SOCKS5\nsockshostname = 127.0.0.1\nsocksport = "
                    + socks.port() + "\n");
            // a host name, not an IP: only the proxy may resolve it
            NodeConfig cfg = NodeTesting.config(dir.resolve("b"), true)
                    .peers(List.of(InetSocketAddress.createUnresolved("localhost", a.listenPort()))).build();
            try (Node b = Node.start(cfg, NodeLog.to(System.out, true))) {
                assertEquals(-1, b.listenPort(), "proxied without sockslisten: no listener (PyBitmessage)");
                assertTrue(eventually(20_000, () -> established(b) == 1 && established(a) == 1), "b reached a");
                assertTrue(socks.connectedTo("localhost:" + a.listenPort()), "the proxy made the connection: "
                        + socks.log());
                assertNull(a.submit(o.write()).rejection());
                assertTrue(eventually(15_000, () -> has(b, o)), "objects flow through the proxy (and TLS in it)");
                assertEquals(Boolean.TRUE, b.connections().getFirst().get("tls"));
            }
        }
    }

    @Test
    void withTheProxyDownNothingConnects() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Microsocks socks = Microsocks.start(null, null);
        int deadPort = socks.port();
        socks.close();
        try (Node a = NodeTesting.start(dir.resolve("a"), false)) {
            NodeConfig cfg = NodeTesting.config(dir.resolve("b"), false, a.listenPort())
                    .proxy(ProxySettings.NONE.withProxyUri("socks5://127.0.0.1:" + deadPort)).build();
            try (Node b = Node.start(cfg, (level, m) -> lines.add(level + " " + m))) {
                assertTrue(eventually(10_000, () -> lines.stream().anyMatch(l -> l.contains("proxy 127.0.0.1:"
                        + deadPort + " unreachable"))), lines.toString());
                Thread.sleep(1500); // several redials (300 ms apart in tests)
                assertEquals(0, a.connections().size(), "nothing reached a around the proxy");
                assertEquals(0, b.connections().size());
            }
        }
    }

    @Test
    void socks5UserAndPasswordAreSentAndAWrongPasswordConnectsNothing() throws Exception {
        try (Microsocks socks = Microsocks.start("bm", "s3cret");
                Node a = NodeTesting.start(dir.resolve("a"), false)) {
            List<String> lines = new CopyOnWriteArrayList<>();
            NodeConfig wrong = NodeTesting.config(dir.resolve("w"), false, a.listenPort())
                    .proxy(ProxySettings.NONE.withProxyUri("socks5://bm:wrong@127.0.0.1:" + socks.port())).build();
            try (Node w = Node.start(wrong, (level, m) -> lines.add(m))) {
                assertTrue(eventually(10_000, () -> lines.stream().anyMatch(l -> l.contains("password refused"))),
                        lines.toString());
                assertEquals(0, a.connections().size());
            }
            keysDat(dir.resolve("b"), "socksproxytype = SOCKS5\nsockshostname = localhost\nsocksport = " + socks.port()
                    + "\nsocksauthentication = True\nsocksusername = bm\nsockspassword = s3cret\n");
            try (Node b = Node.start(NodeTesting.config(dir.resolve("b"), false, a.listenPort()).build(),
                    NodeLog.to(System.out, true))) {
                assertTrue(eventually(20_000, () -> established(b) == 1), "right password: connected");
                assertTrue(socks.connectedTo("127.0.0.1:" + a.listenPort()), socks.log().toString());
            }
        }
    }

    @Test
    void sockslistenAndOnionBindIpDecideTheListener() throws Exception {
        keysDat(dir.resolve("l"), "socksproxytype = SOCKS5\nsocksport = 9\nsockslisten = true\n");
        try (Node n = Node.start(NodeTesting.config(dir.resolve("l"), false).build(), NodeLog.silent())) {
            assertTrue(n.listenPort() > 0, "sockslisten = true keeps the listener");
        }
        keysDat(dir.resolve("o"), "socksproxytype = SOCKS5\nsocksport = 9\nonionhostname = abcdefghijklmnop.onion\n"
                + "onionbindip = 127.0.0.1\n");
        try (Node n = Node.start(NodeTesting.config(dir.resolve("o"), false).build(), NodeLog.silent())) {
            assertTrue(n.listenPort() > 0, "an onion service: listening on onionbindip for the Tor daemon");
        }
    }

    @Test
    void anUnknownProxyTypeStopsTheNodeInsteadOfConnectingDirectly() throws Exception {
        keysDat(dir.resolve("x"), "socksproxytype = HTTP\n");
        IOException e = assertThrows(IOException.class,
                () -> Node.start(NodeTesting.config(dir.resolve("x"), false).build(), NodeLog.silent()));
        assertTrue(e.getMessage().contains("socksproxytype must be none, SOCKS4a or SOCKS5"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x/node/objects.db")), "nothing started");
    }

    @Test
    void proxyUriShortcut() {
        ProxySettings p = ProxySettings.NONE.withProxyUri("socks5://u:p@127.0.0.1:9150");
        assertEquals(ProxySettings.Type.SOCKS5, p.type());
        assertEquals("127.0.0.1", p.host());
        assertEquals(9150, p.port());
        assertEquals("u", p.username());
        assertEquals("p", p.password());
        assertEquals(ProxySettings.Type.SOCKS4A, ProxySettings.NONE.withProxyUri("socks4a://h:1080").type());
        assertThrows(IllegalArgumentException.class, () -> ProxySettings.NONE.withProxyUri("http://h:8080"));
        assertThrows(IllegalArgumentException.class, () -> ProxySettings.NONE.withProxyUri("socks5://h"));
        ProxySettings k = ProxySettings.of(Map.of("socksproxytype", "SOCKS4a"));
        assertEquals("localhost", k.host());
        assertEquals(9050, k.port(), "PyBitmessage's defaults");
        assertNull(k.username());
    }
}
