package dev.bmtool.node.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.wire.Dinv;
import dev.bmtool.core.wire.GetData;
import dev.bmtool.core.wire.HostAddress;
import dev.bmtool.core.wire.Inv;
import dev.bmtool.core.wire.InventoryVector;
import dev.bmtool.core.wire.Message;
import dev.bmtool.core.wire.NetworkAddress;
import dev.bmtool.core.wire.ObjectMessage;
import dev.bmtool.core.wire.Packet;
import dev.bmtool.core.wire.Ping;
import dev.bmtool.core.wire.Pong;
import dev.bmtool.core.wire.Verack;
import dev.bmtool.core.wire.Version;
import dev.bmtool.node.Node;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import dev.bmtool.node.TestObjects;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node against a peer that behaves like PyBitmessage on the wire: services 1|2|8, verack
 * before version when answering, TLS after both veracks, dinv ignored.
 */
@Timeout(60)
class PyBitmessageStyleTest {
    private static final long PYBM_SERVICES = Version.NODE_NETWORK | Version.NODE_SSL | Version.NODE_DANDELION;

    @TempDir
    Path dir;

    private static NodeConfig.Builder config(Path d) {
        return NodeConfig.builder(d).listen(new InetSocketAddress("127.0.0.1", 0)).bootstrap(false).apiPort(-1)
                .limits(NodeConfig.Limits.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60),
                        Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(300)));
    }

    private static Version pyVersion(int port) {
        NetworkAddress recv = NetworkAddress.ofShort(1, HostAddress.parse("127.0.0.1"), port);
        NetworkAddress from = NetworkAddress.ofShort(PYBM_SERVICES, HostAddress.parse("127.0.0.1"), 8444);
        return new Version(3, PYBM_SERVICES, System.currentTimeMillis() / 1000, recv, from, 0x1234_5678_9abcL,
                "/PyBitmessage:0.6.3.2/", List.of(1L));
    }

    private static void send(OutputStream out, Message m) throws java.io.IOException {
        out.write(m.toPacket().write());
        out.flush();
    }

    private static Message read(InputStream in) throws java.io.IOException {
        return Packet.read(in).decode();
    }

    /** Reads until a message of {@code type} arrives (skipping addr, inv, ping ...). */
    private static <T extends Message> T readUntil(InputStream in, Class<T> type) throws java.io.IOException {
        while (true) {
            Message m = read(in);
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
    }

    @Test
    void nodeAsServer() throws Exception {
        BitmessageObject o = TestObjects.valid(1);
        InventoryVector v = InventoryVector.of(o);
        try (Node node = Node.start(config(dir).build(), NodeLog.silent());
                Socket s = new Socket(InetAddress.getLoopbackAddress(), node.listenPort())) {
            node.submit(o.write());
            s.setSoTimeout(10_000);
            send(s.getOutputStream(), pyVersion(node.listenPort()));
            assertInstanceOf(Verack.class, read(s.getInputStream()), "verack comes first");
            Version theirs = assertInstanceOf(Version.class, read(s.getInputStream()));
            assertEquals(3, theirs.protocolVersion());
            assertEquals(Version.NODE_NETWORK | Version.NODE_SSL, theirs.services());
            assertEquals(List.of(1L), theirs.streams());
            assertEquals(node.listenPort(), theirs.addrFrom().port(), "addr_from carries the listening port");
            assertTrue(theirs.userAgent().matches("^/[a-zA-Z]+:[0-9]+\\.?[\\w\\s\\(\\)\\./:;-]*/$"));
            send(s.getOutputStream(), new Verack());

            // both sides advertised NODE_SSL: TLS, TCP client = TLS client
            Tls.Streams t = Tls.client(s.getInputStream(), s.getOutputStream());
            Inv inv = readUntil(t.in(), Inv.class);
            assertTrue(inv.hashes().contains(v), "initial inv lists the stored object");
            send(t.out(), new Dinv(List.of(InventoryVector.of(new byte[32])))); // ignored
            assertEquals(1, node.localObjectsNotFetched(), "submitted, announced, not fetched yet");
            send(t.out(), new GetData(List.of(v)));
            ObjectMessage got = readUntil(t.in(), ObjectMessage.class);
            assertEquals(o, got.object());
            assertEquals(0, node.localObjectsNotFetched(), "fetched by the peer");
            send(t.out(), new Ping());
            readUntil(t.in(), Pong.class);
        }
    }

    @Test
    void nodeAsClient() throws Exception {
        BitmessageObject o = TestObjects.valid(3);
        InventoryVector v = InventoryVector.of(o);
        try (ServerSocket ss = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Node node = Node.start(config(dir).peers(List.of(new InetSocketAddress("127.0.0.1", ss.getLocalPort())))
                        .build(), NodeLog.silent());
                Socket s = ss.accept()) {
            s.setSoTimeout(10_000);
            Packet first = Packet.read(s.getInputStream());
            Version theirs = assertInstanceOf(Version.class, first.decode(), "client sends version first");
            assertTrue(theirs.hasService(Version.NODE_SSL));
            // byte layout PyBitmessage's bm_command_version ("IQQiiQlslv") and MiNode parse
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(first.payload());
            assertEquals(3, b.getInt(0), "protocol version");
            assertEquals(3L, b.getLong(4), "services NODE_NETWORK | NODE_SSL");
            assertEquals(1L, b.getLong(20), "addr_recv services");
            assertEquals("00000000000000000000ffff7f000001", dev.bmtool.core.encoding.Hex.encode(
                    java.util.Arrays.copyOfRange(first.payload(), 28, 44)), "addr_recv: the peer's IPv4-mapped address");
            assertEquals(ss.getLocalPort(), b.getShort(44) & 0xFFFF, "addr_recv port: the port we dialled");
            assertEquals(3L, b.getLong(46), "addr_from services");
            assertEquals(node.listenPort(), b.getShort(70) & 0xFFFF, "addr_from port: our listening port");
            byte[] ua = Network.USER_AGENT.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertEquals(ua.length, first.payload()[80]);
            assertEquals(new String(ua, java.nio.charset.StandardCharsets.US_ASCII),
                    new String(first.payload(), 81, ua.length, java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(81 + ua.length + 2, first.payload().length, "nothing after the stream list");
            assertEquals(1, first.payload()[81 + ua.length], "one stream (MiNode accepts only 01 01)");
            assertEquals(1, first.payload()[82 + ua.length]);
            // PyBitmessage as server: verack, then its own version
            send(s.getOutputStream(), new Verack());
            send(s.getOutputStream(), pyVersion(s.getPort()));
            assertInstanceOf(Verack.class, read(s.getInputStream()));
            Tls.Streams t = Tls.server(s.getInputStream(), s.getOutputStream());
            send(t.out(), new Inv(List.of(v)));
            GetData gd = readUntil(t.in(), GetData.class);
            assertTrue(gd.hashes().contains(v));
            send(t.out(), new ObjectMessage(o));
            long deadline = System.currentTimeMillis() + 10_000;
            while (!node.objects().contains(PowMath.inventoryHash(o.write())) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(node.objects().contains(PowMath.inventoryHash(o.write())), "object fetched over TLS");
        }
    }

    /** Dials a PyBitmessage-like listener with these services and returns the node's warnings. */
    private List<String> warningsAfterDialling(long services) throws Exception {
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        NodeLog log = (level, m) -> {
            if (level.equals("WARN")) {
                warnings.add(m);
            }
        };
        try (ServerSocket ss = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Node node = Node.start(config(dir).tls(false)
                        .peers(List.of(new InetSocketAddress("127.0.0.1", ss.getLocalPort()))).build(), log);
                Socket s = ss.accept()) {
            s.setSoTimeout(10_000);
            assertInstanceOf(Version.class, read(s.getInputStream()));
            send(s.getOutputStream(), new Verack());
            Version py = pyVersion(s.getPort());
            send(s.getOutputStream(), new Version(3, services, py.timestamp(), py.addrRecv(),
                    NetworkAddress.ofShort(services, HostAddress.parse("127.0.0.1"), 8444), py.nonce(), py.userAgent(),
                    py.streams()));
            assertInstanceOf(Verack.class, read(s.getInputStream()));
            send(s.getOutputStream(), new Ping());
            readUntil(s.getInputStream(), Pong.class); // established() has run by now
            return List.copyOf(warnings);
        }
    }

    @Test
    void aNodeThatReachesNobodySaysWhy() throws Exception {
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        // reconnect delay 300 ms in these tests: the line comes every 600 ms while nothing connects
        try (Node node = Node.start(config(dir).listen(null).peers(List.of(new InetSocketAddress("127.0.0.1",
                closedPort))).build(), (level, m) -> lines.add(m))) {
            long deadline = System.currentTimeMillis() + 10_000;
            while (lines.stream().noneMatch(l -> l.startsWith("no peer connected yet"))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        }
        String line = lines.stream().filter(l -> l.startsWith("no peer connected yet")).findFirst().orElseThrow(
                () -> new AssertionError(lines.toString()));
        assertTrue(line.contains("(last: 127.0.0.1:" + closedPort + ": "), line);
        assertTrue(line.contains("--peer HOST:PORT"), line);
    }

    @Test
    void dialledLocalPyBitmessageWithDandelionGetsAHowToWarning() throws Exception {
        List<String> w = warningsAfterDialling(Version.NODE_NETWORK | Version.NODE_DANDELION);
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).contains("trustedpeer = 127.0.0.1:"), w.get(0));
        assertTrue(w.get(0).contains("dandelion = 0"), w.get(0));
    }

    @Test
    void noWarningWhenPyBitmessageRunsWithoutDandelion() throws Exception {
        assertEquals(List.of(), warningsAfterDialling(Version.NODE_NETWORK));
    }

    /**
     * What PyBitmessage v0.6 on Python 2.7 linked against OpenSSL 3 does as a TLS client: its
     * context allows TLS 1.3 but only the group secp256k1, so OpenSSL refuses to build a
     * ClientHello ("no suitable groups") and sends a fatal internal_error alert instead.
     */
    private static final byte[] OPENSSL3_CLIENT_ALERT = {0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x50};

    private static void awaitNoConnections(Node node) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!node.connections().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(node.connections().isEmpty(), "failed connection dropped");
    }

    @Test
    void inboundTlsFailureMeansThePeersNextConnectionIsPlain() throws Exception {
        try (Node node = Node.start(config(dir).build(), NodeLog.silent())) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), node.listenPort())) {
                s.setSoTimeout(10_000);
                send(s.getOutputStream(), pyVersion(node.listenPort()));
                assertInstanceOf(Verack.class, read(s.getInputStream()));
                Version first = assertInstanceOf(Version.class, read(s.getInputStream()));
                assertTrue(first.hasService(Version.NODE_SSL), "TLS offered at first");
                send(s.getOutputStream(), new Verack());
                s.getOutputStream().write(OPENSSL3_CLIENT_ALERT);
                s.getOutputStream().flush();
                assertEquals(-1, s.getInputStream().read(), "node gives up on this connection");
            }
            awaitNoConnections(node);
            // PyBitmessage retries within seconds: now without NODE_SSL, so it stays plain
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), node.listenPort())) {
                s.setSoTimeout(10_000);
                send(s.getOutputStream(), pyVersion(node.listenPort()));
                assertInstanceOf(Verack.class, read(s.getInputStream()));
                Version second = assertInstanceOf(Version.class, read(s.getInputStream()));
                assertEquals(Version.NODE_NETWORK, second.services(), "no NODE_SSL after the TLS failure");
                send(s.getOutputStream(), new Verack());
                send(s.getOutputStream(), new Ping());
                readUntil(s.getInputStream(), Pong.class); // plain framing although we offered NODE_SSL
            }
            // another node on the same machine (its version names another listening port): still TLS
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), node.listenPort())) {
                s.setSoTimeout(10_000);
                Version py = pyVersion(node.listenPort());
                send(s.getOutputStream(), new Version(3, py.services(), py.timestamp(), py.addrRecv(),
                        NetworkAddress.ofShort(py.services(), HostAddress.parse("127.0.0.1"), 8555), 77,
                        "/MiNode:0.2.2/", py.streams()));
                assertInstanceOf(Verack.class, read(s.getInputStream()));
                Version third = assertInstanceOf(Version.class, read(s.getInputStream()));
                assertTrue(third.hasService(Version.NODE_SSL), "a failure with 127.0.0.1:8444 is not one with :8555");
            }
        }
    }

    @Test
    void outboundTlsFailureMeansTheNextDialIsPlain() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Node node = Node.start(config(dir).peers(List.of(new InetSocketAddress("127.0.0.1", ss.getLocalPort())))
                        .build(), NodeLog.silent())) {
            try (Socket s = ss.accept()) {
                s.setSoTimeout(10_000);
                Version first = assertInstanceOf(Version.class, read(s.getInputStream()));
                assertTrue(first.hasService(Version.NODE_SSL));
                send(s.getOutputStream(), new Verack());
                send(s.getOutputStream(), pyVersion(s.getPort()));
                assertInstanceOf(Verack.class, read(s.getInputStream()));
                // a server whose TLS stack cannot agree on anything: alert, then close
                s.getOutputStream().write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
                s.getOutputStream().flush();
            }
            try (Socket s = ss.accept()) { // the dialler retries after the reconnect delay
                s.setSoTimeout(10_000);
                Version second = assertInstanceOf(Version.class, read(s.getInputStream()));
                assertEquals(Version.NODE_NETWORK, second.services(), "redial does not offer TLS");
                send(s.getOutputStream(), new Verack());
                send(s.getOutputStream(), pyVersion(s.getPort()));
                assertInstanceOf(Verack.class, read(s.getInputStream()));
                send(s.getOutputStream(), new Ping());
                readUntil(s.getInputStream(), Pong.class);
            }
        }
    }

    @Test
    void aBatchedInvNeverRepeatsAHash() throws Exception {
        // MiNode's Inv.from_message drops the peer when the count differs from the set of hashes
        try (Node node = Node.start(config(dir).tls(false).build(), NodeLog.silent());
                Socket s = new Socket(InetAddress.getLoopbackAddress(), node.listenPort())) {
            s.setSoTimeout(10_000);
            NetworkAddress a = NetworkAddress.ofShort(3, HostAddress.parse("127.0.0.1"), 8444);
            send(s.getOutputStream(), new Version(3, 3, System.currentTimeMillis() / 1000, a, a, 11, "/MiNode:0.3.0/",
                    List.of(1L)));
            readUntil(s.getInputStream(), Version.class);
            send(s.getOutputStream(), new Verack());
            send(s.getOutputStream(), new Ping());
            readUntil(s.getInputStream(), Pong.class); // established on the node's side too
            java.lang.reflect.Field f = Node.class.getDeclaredField("network");
            f.setAccessible(true);
            Network net = (Network) f.get(node);
            byte[] h = new byte[32];
            h[0] = 7;
            net.advertise(h, null);
            net.advertise(h, null); // e.g. stored again after a restart of the store, or two code paths
            Inv inv = readUntil(s.getInputStream(), Inv.class);
            assertEquals(List.of(InventoryVector.of(h)), inv.hashes());
        }
    }

    @Test
    void plainWhenThePeerDoesNotOfferTls() throws Exception {
        try (Node node = Node.start(config(dir).build(), NodeLog.silent());
                Socket s = new Socket(InetAddress.getLoopbackAddress(), node.listenPort())) {
            s.setSoTimeout(10_000);
            NetworkAddress a = NetworkAddress.ofShort(1, HostAddress.parse("127.0.0.1"), 8444);
            send(s.getOutputStream(), new Version(3, 1, System.currentTimeMillis() / 1000, a, a, 99, "/MiNode:0.3.0/",
                    List.of(1L)));
            readUntil(s.getInputStream(), Version.class);
            send(s.getOutputStream(), new Verack());
            send(s.getOutputStream(), new Ping());
            // a pong in plain framing: the node did not switch to TLS for a peer without NODE_SSL
            assertInstanceOf(Pong.class, readUntil(s.getInputStream(), Pong.class));
        }
    }

    @Test
    void oldProtocolAndBadClockGetAFatalError() throws Exception {
        try (Node node = Node.start(config(dir).build(), NodeLog.silent())) {
            NetworkAddress a = NetworkAddress.ofShort(1, HostAddress.parse("127.0.0.1"), 8444);
            long now = System.currentTimeMillis() / 1000;
            for (Version bad : List.of(new Version(2, 1, now, a, a, 1, "/x:1/", List.of(1L)),
                    new Version(3, 1, now + 7200, a, a, 2, "/x:1/", List.of(1L)),
                    new Version(3, 1, now, a, a, 3, "/x:1/", List.of()))) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), node.listenPort())) {
                    s.setSoTimeout(10_000);
                    send(s.getOutputStream(), bad);
                    var err = assertInstanceOf(dev.bmtool.core.wire.ErrorMessage.class, read(s.getInputStream()));
                    assertEquals(2, err.fatal());
                    assertEquals(-1, s.getInputStream().read(), "closed after the error");
                }
            }
        }
    }

    @Test
    void pingWhenQuietAndCloseWhenIdle() throws Exception {
        NodeConfig.Limits d = NodeConfig.Limits.defaults();
        NodeConfig.Limits quick = new NodeConfig.Limits(d.maxConnections(), d.maxOutbound(), Duration.ofSeconds(5),
                Duration.ofSeconds(3), Duration.ofSeconds(1), d.packetTimeout(), d.requestTimeout(),
                d.maxInFlightPerPeer(), d.maxInFlight(), d.maxWanted(), d.invBurst(), d.invPerSecond(),
                d.packetsPerSecond(), d.sendQueue(), d.reconnectDelay(), Duration.ZERO, d.progressInterval(),
                d.maxUnverifiedPerIp(), d.maxUnverifiedPerSubnet(), d.preHandshakeBudget(), d.maxWantedPerPeer());
        try (Node node = Node.start(config(dir).tls(false).limits(quick).build(), NodeLog.silent());
                Socket s = new Socket(InetAddress.getLoopbackAddress(), node.listenPort())) {
            s.setSoTimeout(10_000);
            NetworkAddress a = NetworkAddress.ofShort(1, HostAddress.parse("127.0.0.1"), 8444);
            send(s.getOutputStream(), new Version(3, 1, System.currentTimeMillis() / 1000, a, a, 7, "/x:1/", List.of(1L)));
            readUntil(s.getInputStream(), Version.class);
            send(s.getOutputStream(), new Verack());
            readUntil(s.getInputStream(), Ping.class); // keepalive after the ping interval
            long start = System.currentTimeMillis();
            boolean closed = false;
            try {
                while (!closed) {
                    closed = s.getInputStream().read() < 0;
                }
            } catch (java.io.IOException e) {
                closed = true;
            }
            assertTrue(closed && System.currentTimeMillis() - start < 9_000, "idle peer disconnected");
        }
    }
}
