package dev.bmtool.node.net;

import dev.bmtool.core.wire.Addr;
import dev.bmtool.core.wire.GetData;
import dev.bmtool.core.wire.HostAddress;
import dev.bmtool.core.wire.Inv;
import dev.bmtool.core.wire.InventoryVector;
import dev.bmtool.core.wire.NetworkAddress;
import dev.bmtool.core.wire.Version;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import dev.bmtool.node.store.InboundObject;
import dev.bmtool.node.store.Peer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All peer connections of one node: the inbound listener, outbound dialling (configured peers
 * and the known-peer table), the download scheduler (bounded getdata with re-requests from
 * other peers after a timeout) and the watchdog tick that enforces timeouts.
 */
public final class Network implements AutoCloseable {
    /** Our user agent; matches PyBitmessage's user-agent pattern. */
    public static final String USER_AGENT = "/bmtool:0.1.0/";
    /** The only stream this node serves. */
    public static final long STREAM = 1;
    private static final long TICK_MILLIS = 250;

    private final NetworkHost node;
    /** Released when new hashes are wanted, so the tick asks for them at once rather than within 250 ms. */
    private final java.util.concurrent.Semaphore wake = new java.util.concurrent.Semaphore(0);
    private final NodeConfig config;
    private final NodeLog log;
    private final NodeConfig.Limits limits;
    /** Proxy and onion settings; every outbound connection is opened by {@link #dialler}. */
    private final ProxySettings proxy;
    private final Dialler dialler;
    private final SecureRandom random = new SecureRandom();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    /** Inventory hashes this node holds (mirror of the store, for cheap inv handling). */
    private final Set<InventoryVector> have = ConcurrentHashMap.newKeySet();
    /** Announced hashes we do not hold yet. */
    private final Map<InventoryVector, Want> wanted = new ConcurrentHashMap<>();
    /** IPs whose last TLS handshake failed, with the time (nanos): offered plain TCP for a while. */
    private final Map<String, Long> plainOnly = new ConcurrentHashMap<>();
    /** How long a TLS failure keeps a peer IP on plain TCP. */
    static final long PLAIN_ONLY_NANOS = TimeUnit.HOURS.toNanos(6);
    /** Last dial attempt per host:port, nanos. */
    private final Map<String, Long> lastAttempt = new ConcurrentHashMap<>();
    /** Outbound attempts that failed since the last "no peers" line, and the last reason. */
    private final AtomicInteger failedDials = new AtomicInteger();
    private volatile String lastDialFailure;
    private long lastNoPeersLine = System.nanoTime();
    private long syncLineAt = System.nanoTime();
    private long acceptedAtSyncLine;
    /** More than this many objects per second, or this many announced and not fetched, is a sync. */
    static final double SYNC_RATE = 2.0;
    static final int SYNC_WANTED = 100;
    /** Local PyBitmessage peers already warned about (see {@link #warnIfPyBitmessageWillNotAnnounce}). */
    private final Set<String> dandelionWarned = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile boolean closed;
    private Thread acceptThread;
    private Thread tickThread;
    private Thread dialThread;

    /** Guards {@link #wanted} changes together with each connection's {@link Connection#wantedShare}. */
    private final Object wantedLock = new Object();
    /** Bytes buffered now for packets of peers that have not completed the handshake, and the peak. */
    private final AtomicLong preHandshakeBytes = new AtomicLong();
    private final AtomicLong preHandshakeBytesPeak = new AtomicLong();
    /** Inbound connections closed at accept time (per-IP or per-subnet limit, or no free slot). */
    private final AtomicLong refusedAtAccept = new AtomicLong();
    /** Unverified inbound connections closed to make room for a new one. */
    private final AtomicLong evictedUnverified = new AtomicLong();
    /** Announced hashes not remembered because the announcing peer had used up its share of the table. */
    private final AtomicLong announcementsOverShare = new AtomicLong();

    /** One wanted object: its owner (whose share it counts against), who announced it and who was asked. */
    private static final class Want {
        volatile Connection owner;
        final Set<Connection> announcers = ConcurrentHashMap.newKeySet();
        final Set<Connection> tried = ConcurrentHashMap.newKeySet();
        volatile Connection askedFrom;
        volatile long askedAt;
        volatile int attempts;
    }

    /** Requests per object before giving up until someone announces it again. */
    private static final int MAX_ATTEMPTS = 5;

    public Network(NetworkHost node, NodeConfig config, NodeLog log) {
        this.node = node;
        this.config = config;
        this.log = log;
        this.limits = config.limits();
        this.proxy = config.proxy() == null ? ProxySettings.NONE : config.proxy();
        this.dialler = Dialler.of(proxy);
    }

    NodeConfig.Limits limits() {
        return limits;
    }

    NodeLog log() {
        return log;
    }

    boolean tlsEnabled() {
        return config.tls();
    }

    /** Whether to advertise NODE_SSL to {@code c}: enabled, and no recent TLS failure with its IP. */
    boolean offerTls(Connection c) {
        if (!config.tls()) {
            return false;
        }
        String key = tlsKey(c);
        Long failed = plainOnly.get(key);
        if (failed == null) {
            return true;
        }
        if (System.nanoTime() - failed > PLAIN_ONLY_NANOS) {
            plainOnly.remove(key, failed);
            return true;
        }
        return false;
    }

    /**
     * Whom a TLS failure is remembered for: the address we dialled, or for an inbound peer its IP
     * and the listening port its version names (its redial from a new source port keeps it), so
     * on a loopback test network one peer's failure does not turn TLS off for the others.
     */
    private static String tlsKey(Connection c) {
        int port = c.outbound ? c.port : (c.remote == null ? 0 : c.remote.addrFrom().port());
        return c.remoteHostForChecks() + ":" + port;
    }

    /**
     * Records a failed TLS handshake so that the next connection with that peer stays plain TCP, and
     * returns the close reason. A PyBitmessage v0.6 running on Python 2.7 linked against OpenSSL 3
     * cannot start TLS as a client at all (it allows TLS 1.3 but restricts the groups to secp256k1,
     * which OpenSSL 3 does not allow in TLS 1.3: "no suitable groups"); it sends an alert instead of
     * a ClientHello and retries within seconds, so the retry then works without TLS.
     */
    String tlsFailed(Connection c, IOException e) {
        String key = tlsKey(c);
        if (plainOnly.size() < 10_000) {
            plainOnly.put(key, System.nanoTime());
        }
        String why = e.getMessage();
        if (!c.outbound && e instanceof org.bouncycastle.tls.TlsFatalAlertReceived) {
            // what an OpenSSL 3 client that cannot build a ClientHello sends first
            String ua = c.remote == null ? "" : c.remote.userAgent();
            why += " from the peer's TLS client" + (ua.isEmpty() ? "" : " " + ua) + "; with OpenSSL 3 a client"
                    + " that allows TLS 1.3 but only the group secp256k1 (PyBitmessage on Python 2.7, MiNode)"
                    + " cannot start TLS";
        }
        String reason = "TLS handshake failed (" + why + "); the next connection with " + key
                + " will not offer TLS";
        log.warn("peer " + c.name() + ": " + reason);
        return reason;
    }

    public void start() throws IOException {
        for (byte[] h : node.objects().inventory(0)) {
            have.add(InventoryVector.of(h));
        }
        if (proxy.proxied()) {
            log.info("outbound connections through the " + proxy.describe() + " (names resolved by the proxy)");
        }
        InetSocketAddress listenAt = proxy.listenAddress(config.listen());
        if (config.listen() != null && listenAt == null) {
            log.info("not listening: connections go through a proxy (keys.dat sockslisten = true, or an"
                    + " onionhostname, to accept inbound ones)");
        }
        if (listenAt != null) {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            try {
                ss.bind(listenAt, 64);
            } catch (IOException e) {
                ss.close();
                String hint = e instanceof BindException && e.getMessage() != null
                        && e.getMessage().contains("in use")
                        ? " (another node, e.g. PyBitmessage, may hold it; choose one with --listen HOST:PORT,"
                                + " port 0 = any free port)"
                        : "";
                throw new IOException("cannot listen on " + listenAt.getHostString() + ":"
                        + listenAt.getPort() + ": " + e.getMessage() + hint, e);
            }
            listener = ss;
            log.info("listening on " + ss.getInetAddress().getHostAddress() + ":" + ss.getLocalPort()
                    + (config.tls() ? " (TLS offered)" : " (plain TCP)"));
            acceptThread = Thread.ofVirtual().name("bm-accept").start(this::acceptLoop);
        }
        tickThread = Thread.ofVirtual().name("bm-tick").start(this::tickLoop);
        dialThread = Thread.ofVirtual().name("bm-dial").start(this::dialLoop);
    }

    public int listenPort() {
        ServerSocket s = listener;
        return s == null ? -1 : s.getLocalPort();
    }

    public int connectionCount() {
        return connections.size();
    }

    public int establishedCount() {
        return (int) connections.stream().filter(Connection::isEstablished).count();
    }

    /** Announced hashes not yet fetched (bounded by {@code maxWanted}). */
    public int wantedCount() {
        return wanted.size();
    }

    /** Bytes buffered now for packets from peers that have not completed the handshake. */
    public long preHandshakeBytes() {
        return preHandshakeBytes.get();
    }

    /** The most {@link #preHandshakeBytes()} has been since start. */
    public long preHandshakeBytesPeak() {
        return preHandshakeBytesPeak.get();
    }

    /** Inbound connections closed at accept time (unverified per IP / subnet, or no inbound slot). */
    public long refusedAtAccept() {
        return refusedAtAccept.get();
    }

    /** Unverified inbound connections dropped to make room for a new one. */
    public long evictedUnverified() {
        return evictedUnverified.get();
    }

    /** Announcements not remembered because the announcing peer had used up its share of the wanted table. */
    public long announcementsOverShare() {
        return announcementsOverShare.get();
    }

    /** Takes {@code n} bytes from the pre-handshake budget; false when they do not fit. */
    boolean reservePreHandshake(long n) {
        while (true) {
            long cur = preHandshakeBytes.get();
            if (cur + n > limits.preHandshakeBudget()) {
                return false;
            }
            if (preHandshakeBytes.compareAndSet(cur, cur + n)) {
                preHandshakeBytesPeak.accumulateAndGet(cur + n, Math::max);
                return true;
            }
        }
    }

    void releasePreHandshake(long n) {
        preHandshakeBytes.addAndGet(-n);
    }

    /** Payloads larger than any object (big inv, getdata, addr) share this many KiB at a time. */
    static final int LARGE_PACKET_BUDGET_KIB = 48 * 1024;
    static final int LARGE_PACKET = 300_000;
    private final java.util.concurrent.Semaphore largePackets = new java.util.concurrent.Semaphore(LARGE_PACKET_BUDGET_KIB);

    /**
     * Waits (up to the packet timeout) until a payload of {@code n} bytes fits the budget for
     * large packets, so 200 established peers sending 1.6 MB inv packets at once cannot take 320 MB.
     *
     * @return KiB taken (0 for a payload below {@link #LARGE_PACKET}), or -1 when it did not fit in time
     */
    int reserveLarge(int n) throws java.io.InterruptedIOException {
        if (n < LARGE_PACKET) {
            return 0;
        }
        int kib = (n + 1023) / 1024;
        try {
            return largePackets.tryAcquire(kib, limits.packetTimeout().toMillis(), TimeUnit.MILLISECONDS) ? kib : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }

    void releaseLarge(int kib) {
        largePackets.release(kib);
    }

    public List<Map<String, Object>> connectionsJson() {
        return connections.stream().map(Connection::toJson).toList();
    }

    // ---- connection setup ----

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("accept failed: " + e.getMessage());
                }
                return;
            }
            String refused = admit(s.getInetAddress());
            if (refused != null) {
                refusedAtAccept.incrementAndGet();
                log.debug("refused inbound connection from " + s.getInetAddress().getHostAddress() + ": " + refused);
                closeQuietly(s);
                continue;
            }
            try {
                s.setTcpNoDelay(true);
            } catch (SocketException e) {
                closeQuietly(s);
                continue;
            }
            Connection c = new Connection(this, s, false, s.getInetAddress().getHostAddress(), s.getPort(),
                    random.nextLong());
            connections.add(c);
            log.debug("inbound connection from " + c.name());
            Thread.ofVirtual().name("bm-read-" + c.name()).start(c::run);
        }
    }

    /**
     * Whether an inbound connection from {@code ip} may start its handshake: few unverified
     * connections per IP and per /24 (IPv4) or /64 (IPv6), and an inbound slot (the outbound ones
     * are kept for dialling). When the inbound slots are full the oldest connection still in its
     * handshake makes room. Returns null to admit, else why not.
     */
    private String admit(InetAddress ip) {
        byte[] subnet = subnetOf(ip);
        int sameIp = 0;
        int sameSubnet = 0;
        int inbound = 0;
        Connection oldestUnverified = null;
        for (Connection c : connections) {
            if (c.outbound || c.isClosed()) {
                continue;
            }
            inbound++;
            if (c.isEstablished()) {
                continue;
            }
            InetAddress other = c.socket.getInetAddress();
            if (ip.equals(other)) {
                sameIp++;
            }
            if (other != null && java.util.Arrays.equals(subnet, subnetOf(other))) {
                sameSubnet++;
            }
            if (oldestUnverified == null || c.connectedAt < oldestUnverified.connectedAt) {
                oldestUnverified = c;
            }
        }
        if (sameIp >= limits.maxUnverifiedPerIp()) {
            return sameIp + " connections from this IP have not completed the handshake";
        }
        if (sameSubnet >= limits.maxUnverifiedPerSubnet()) {
            return sameSubnet + " connections from this subnet have not completed the handshake";
        }
        int inboundSlots = Math.max(1, limits.maxConnections() - limits.maxOutbound());
        if (inbound >= inboundSlots) {
            if (oldestUnverified == null) {
                return "all " + inboundSlots + " inbound slots are taken by established peers";
            }
            evictedUnverified.incrementAndGet();
            oldestUnverified.abort("evicted: inbound slots full and the handshake not completed yet");
        }
        return null;
    }

    /** The /24 of an IPv4 address, the /64 of an IPv6 one. */
    static byte[] subnetOf(InetAddress ip) {
        byte[] a = ip.getAddress();
        return java.util.Arrays.copyOf(a, a.length == 4 ? 3 : 8);
    }

    private void dialLoop() {
        while (!closed) {
            try {
                for (InetSocketAddress p : config.peers()) {
                    maybeDial(p.getHostString(), p.getPort(), true);
                }
                if (config.bootstrap()) {
                    dnsBootstrapIfStuck();
                    long outbound = connections.stream().filter(c -> c.outbound).count();
                    if (outbound < limits.maxOutbound()) {
                        for (Peer p : node.peers().list(500)) {
                            if (outbound >= limits.maxOutbound()) {
                                break;
                            }
                            if (dialable(p.host(), p.port()) && maybeDial(p.host(), p.port(), false)) {
                                outbound++;
                            }
                        }
                    }
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("dialler: " + e.getMessage());
            }
        }
    }

    /** PyBitmessage's DNS bootstrap names, used when no known node answers. */
    static final List<String> DNS_BOOTSTRAP = List.of("bootstrap8444.bitmessage.org:8444",
            "bootstrap8080.bitmessage.org:8080");
    private final long startedAt = System.nanoTime();

    /** After 30 s without an established outbound connection, also try a DNS bootstrap name. */
    private void dnsBootstrapIfStuck() {
        if (proxy.proxied() && proxy.onionServicesOnly()) {
            return; // the bootstrap names are not onion services
        }
        if (System.nanoTime() - startedAt < TimeUnit.SECONDS.toNanos(30)) {
            return;
        }
        boolean anyOutbound = connections.stream().anyMatch(c -> c.outbound && c.isEstablished());
        if (!anyOutbound) {
            String hp = DNS_BOOTSTRAP.get(random.nextInt(DNS_BOOTSTRAP.size()));
            int colon = hp.lastIndexOf(':');
            maybeDial(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1)), false);
        }
    }

    /**
     * Peers from the table: public IP literals (PyBitmessage ignores private addresses), and onion
     * names when a proxy can reach them; with {@code onionservicesonly}, onions only; never our
     * own onion service.
     */
    private boolean dialable(String host, int port) {
        if (OnionPeers.isOnion(host)) {
            return proxy.proxied() && !(host.equalsIgnoreCase(proxy.onionHostname()) && port == proxy.onionPort());
        }
        if (proxy.proxied() && proxy.onionServicesOnly()) {
            return false;
        }
        try {
            HostAddress h = HostAddress.parse(host);
            return h.kind() != HostAddress.Kind.ONION && h.isPublic();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Starts a connection attempt unless connected or tried recently; true if started. */
    private boolean maybeDial(String host, int port, boolean configured) {
        String key = host + ":" + port;
        for (Connection c : connections) {
            if (c.outbound && c.host.equals(host) && c.port == port) {
                return false;
            }
        }
        long now = System.nanoTime();
        Long last = lastAttempt.get(key);
        if (last != null && now - last < limits.reconnectDelay().toNanos()) {
            return false;
        }
        // outbound slots are our own: inbound peers cannot take them; configured peers are always dialled
        if (!configured && connections.stream().filter(c -> c.outbound).count() >= limits.maxOutbound()) {
            return false;
        }
        lastAttempt.put(key, now);
        Thread.ofVirtual().name("bm-dial-" + key).start(() -> dial(host, port, configured));
        return true;
    }

    private void dial(String host, int port, boolean configured) {
        Socket s;
        try {
            s = dialler.connect(host, port, (int) Math.min(limits.handshakeTimeout().toMillis(), 10_000));
        } catch (IOException e) {
            log.debug("cannot connect to " + host + ":" + port + ": " + e.getMessage());
            failedDials.incrementAndGet();
            lastDialFailure = host + ":" + port + ": " + e.getMessage();
            if (!configured) {
                node.peers().rate(host, port, -0.1, 0);
            }
            return;
        }
        if (closed) {
            closeQuietly(s);
            return;
        }
        Connection c = new Connection(this, s, true, host, port, random.nextLong());
        connections.add(c);
        c.run();
    }

    /** Our version message for {@code c} (brief 4.1). */
    Version ourVersion(Connection c) {
        c.offeredTls = offerTls(c);
        long services = Version.NODE_NETWORK | (c.offeredTls ? Version.NODE_SSL : 0);
        int ourPort = listenPort() > 0 ? listenPort() : NodeConfig.DEFAULT_PORT;
        NetworkAddress to = c.remoteAddress();
        if (c.outbound && dialler.proxied()) {
            // the socket's peer is the proxy: name the peer we asked for, as PyBitmessage does
            HostAddress h;
            try {
                h = HostAddress.parse(c.host);
            } catch (IllegalArgumentException e) {
                h = HostAddress.parse("127.0.0.1"); // a host name (bootstrap), or a v3 onion
            }
            to = NetworkAddress.ofShort(Version.NODE_NETWORK, h, c.port);
        } else if (!c.outbound && proxy.hasOnion() && c.isLoopback()) {
            // inbound through our onion service (the Tor daemon is local): keep our address to
            // ourselves and name the onion port, as PyBitmessage does
            to = NetworkAddress.ofShort(Version.NODE_NETWORK, HostAddress.parse("127.0.0.1"), 8444);
            ourPort = proxy.onionPort();
        }
        NetworkAddress from = NetworkAddress.ofShort(services, HostAddress.parse("127.0.0.1"), ourPort);
        return new Version(Version.PROTOCOL_VERSION, services, System.currentTimeMillis() / 1000, to,
                from, c.nonce, USER_AGENT, List.of(STREAM));
    }

    /** PyBitmessage's version checks (brief 4.4); null when acceptable, else the error text. */
    String checkVersion(Connection c, Version v) {
        if (v.protocolVersion() < 3) {
            return "Your is using an old protocol. Closing connection.";
        }
        long offset = v.timestamp() - System.currentTimeMillis() / 1000;
        if (offset > 3600) {
            return "Your time is too far in the future compared to mine. Closing connection.";
        }
        if (offset < -3600) {
            return "Your time is too far in the past compared to mine. Closing connection.";
        }
        if (v.streams().isEmpty()) {
            return "We don't have shared stream interests. Closing connection.";
        }
        for (Connection o : connections) {
            if (o.nonce == v.nonce()) {
                return "I'm connected to myself. Closing connection.";
            }
        }
        if (!c.isLoopback() && !(c.outbound && dialler.proxied())) { // proxied: all share the proxy's IP
            for (Connection o : connections) {
                if (o != c && !o.isClosed() && o.remote != null
                        && o.remoteHostForChecks().equals(c.remoteHostForChecks())) {
                    return "Too many connections from your IP. Closing connection.";
                }
            }
        }
        if (!c.outbound && connections.size() > limits.maxConnections()) {
            return "Server full, please try again later.";
        }
        return null;
    }

    /**
     * PyBitmessage (Dandelion on) stems its own new objects only over connections it dialled, and
     * does not count an inbound connection from a local address as a stem; when it has no other
     * outbound connection its msgs, pubkeys and acks are never announced, and it refuses getdata
     * for them (docs/interop.md). A loopback test network where bmtool dials PyBitmessage is
     * exactly that case, and looks like bmtool losing messages, so say what to change.
     */
    private void warnIfPyBitmessageWillNotAnnounce(Connection c, HostAddress remoteHost) {
        if (!c.outbound || dialler.proxied() || remoteHost == null || remoteHost.isPublic()
                || !c.remote.hasService(Version.NODE_DANDELION)
                || !c.remote.userAgent().contains("PyBitmessage") || !dandelionWarned.add(c.host)) {
            return;
        }
        String dialUs = listenPort() > 0
                ? "Let it dial this node instead (its keys.dat [bitmessagesettings] trustedpeer = 127.0.0.1:"
                        + listenPort() + ", and no --peer here)"
                : "Run 'bmtool node run --listen 127.0.0.1:8447' and let PyBitmessage dial that (its keys.dat"
                        + " [bitmessagesettings] trustedpeer = 127.0.0.1:8447)";
        log.warn("peer " + c.name() + " is PyBitmessage with Dandelion on, and this node dialled it from a local"
                + " address: it will not announce its own new msgs, pubkeys or acks to us. " + dialUs
                + ", or set dandelion = 0 under [network] in its keys.dat. See docs/interop.md.");
    }

    /** After the handshake (and TLS): send our addr and our inventory (brief 4.3 step 6). */
    void established(Connection c) {
        log.info("peer " + c.name() + " connected (" + (c.outbound ? "outbound" : "inbound") + ", "
                + (c.tls ? "TLS" : "plain TCP") + ", " + c.remote.userAgent() + ")");
        long now = System.currentTimeMillis() / 1000;
        HostAddress remoteHost = c.socket.getInetAddress() == null ? null : HostAddress.of(c.socket.getInetAddress());
        warnIfPyBitmessageWillNotAnnounce(c, remoteHost);
        if (c.outbound) {
            node.peers().rate(c.host, c.port, 0.1, now);
        } else if (remoteHost != null && remoteHost.isPublic() && c.port > 0) {
            node.peers().heard(remoteHost.toString(), c.port, STREAM, c.remote.services(), now, "inbound");
        }
        List<NetworkAddress> addrs = new ArrayList<>();
        NetworkAddress self = OnionPeers.selfAddr(proxy, STREAM, Version.NODE_NETWORK
                | (config.tls() ? Version.NODE_SSL : 0), now);
        if (self != null) {
            addrs.add(self); // PyBitmessage lists its own onion service among its known nodes
        }
        for (Peer p : node.peers().recent(now, 500)) {
            try {
                HostAddress h = HostAddress.parse(p.host());
                if (h.isPublic() && p.port() > 0) {
                    addrs.add(new NetworkAddress(p.lastSeen(), p.stream(), 1, h, p.port()));
                }
            } catch (IllegalArgumentException e) {
                // not an address literal; not gossiped
            }
        }
        if (!addrs.isEmpty()) {
            c.send(new Addr(addrs));
        }
        List<InventoryVector> inv = new ArrayList<>();
        for (byte[] h : node.objects().inventory(now)) {
            inv.add(InventoryVector.of(h));
        }
        for (int i = 0; i < inv.size(); i += 49_999) {
            c.send(new Inv(inv.subList(i, Math.min(inv.size(), i + 49_999))));
        }
    }

    void closed(Connection c, String reason) {
        connections.remove(c);
        synchronized (wantedLock) {
            for (InventoryVector v : c.inFlight.keySet()) {
                Want w = wanted.get(v);
                if (w != null && w.askedFrom == c) {
                    w.askedFrom = null;
                }
            }
            // what it owned passes to another peer that announced it, else is forgotten
            for (InventoryVector v : c.wantedShare) {
                Want w = wanted.get(v);
                if (w == null) {
                    continue;
                }
                w.announcers.remove(c);
                Connection heir = null;
                for (Connection a : w.announcers) {
                    if (!a.isClosed()) {
                        heir = a;
                        break;
                    }
                }
                if (heir == null) {
                    wanted.remove(v);
                } else {
                    w.owner = heir;
                    heir.wantedShare.add(v);
                }
            }
            c.wantedShare.clear();
        }
        if (c.remote != null) {
            log.info("peer " + c.name() + " disconnected: " + reason);
        } else {
            log.debug("peer " + c.name() + " dropped before handshake: " + reason);
        }
        if (c.outbound && !reason.startsWith("node shutting down")) {
            lastAttempt.put(c.host + ":" + c.port, System.nanoTime());
        }
    }

    // ---- objects ----

    /**
     * An inv from {@code c}: remember what we lack. Every peer that announces a hash already
     * wanted is remembered (so another can be asked if the first does not deliver); a new hash
     * counts against the announcing peer's share of the table ({@code maxWantedPerPeer}), and when
     * the table is full it takes the place of the newest entry of the peer holding the most, if
     * that peer holds more than {@code c}. So one flooding peer cannot keep others' objects out.
     */
    void announced(Connection c, List<InventoryVector> hashes) {
        boolean added = false;
        synchronized (wantedLock) {
            if (c.isClosed()) {
                return;
            }
            for (InventoryVector v : hashes) {
                if (have.contains(v)) {
                    continue;
                }
                Want w = wanted.get(v);
                if (w != null) {
                    w.announcers.add(c);
                    continue;
                }
                if (c.wantedShare.size() >= limits.maxWantedPerPeer()
                        || (wanted.size() >= limits.maxWanted() && !evictFor(c))) {
                    announcementsOverShare.incrementAndGet();
                    continue;
                }
                w = new Want();
                w.owner = c;
                w.announcers.add(c);
                wanted.put(v, w);
                c.wantedShare.add(v);
                added = true;
            }
        }
        if (added) {
            wakeTick();
        }
    }

    /** Runs the tick (and so the download scheduler) now rather than at its next period. */
    private void wakeTick() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Frees one entry of the wanted table for {@code c} from the peer holding the most; false if none is fairer. */
    private boolean evictFor(Connection c) {
        Connection hog = null;
        for (Connection o : connections) {
            if (hog == null || o.wantedShare.size() > hog.wantedShare.size()) {
                hog = o;
            }
        }
        if (hog == null || hog == c || hog.wantedShare.size() <= c.wantedShare.size() + 1) {
            return false;
        }
        InventoryVector v = hog.wantedShare.removeLast();
        Want w = wanted.remove(v);
        if (w != null && w.askedFrom != null) {
            w.askedFrom.inFlight.remove(v);
        }
        return true;
    }

    /** Removes a settled or abandoned entry (caller holds {@link #wantedLock}). */
    private void forget(InventoryVector v) {
        Want w = wanted.remove(v);
        if (w != null && w.owner != null) {
            w.owner.wantedShare.remove(v);
        }
    }

    /** An object was written to a peer that asked for it. */
    void fetched(InventoryVector v) {
        node.fetchedByPeer(v.bytes());
    }

    byte[] objectBytes(InventoryVector v) {
        if (!have.contains(v)) {
            return null;
        }
        return node.objects().getRaw(v.bytes()).orElse(null);
    }

    void received(Connection c, InboundObject o) {
        InventoryVector v = o.inventoryVector();
        c.inFlight.remove(v);
        Want w;
        synchronized (wantedLock) {
            w = wanted.get(v);
            forget(v);
        }
        Connection asked = w == null ? null : w.askedFrom;
        if (asked != null) {
            asked.inFlight.remove(v);
        }
        // half of this peer's requests answered: ask for more now, not at the next tick
        if (!wanted.isEmpty() && c.inFlight.size() < limits.maxInFlightPerPeer() / 2) {
            wakeTick();
        }
        if (have.contains(v)) {
            return;
        }
        String rejection = node.received(o, c);
        if (rejection != null) {
            c.invalidObjects++;
            log.info("rejected object " + v.toHex() + " from " + c.name() + ": " + rejection);
        }
    }

    /** Called by the node once an object is stored: mark it held and announce it. */
    public void advertise(byte[] hash, PeerLink from) {
        InventoryVector v = InventoryVector.of(hash);
        have.add(v);
        if (wanted.containsKey(v)) {
            synchronized (wantedLock) {
                forget(v);
            }
        }
        for (Connection c : connections) {
            if (c != from && c.isEstablished()) {
                c.queueInv(v);
            }
        }
    }

    /** Drops expired hashes from the in-memory inventory after the store's cleanup. */
    public void reloadInventory() {
        Set<InventoryVector> now = ConcurrentHashMap.newKeySet();
        for (byte[] h : node.objects().inventory(0)) {
            now.add(InventoryVector.of(h));
        }
        have.retainAll(now);
    }

    void addresses(Connection c, List<NetworkAddress> list) {
        long now = System.currentTimeMillis() / 1000;
        int added = 0;
        for (NetworkAddress a : list) {
            // PyBitmessage: our stream, seen within 3 h and not in the future, a port, public IP only
            if (a.stream() != STREAM || a.port() == 0 || a.time() > now + 60 || a.time() < now - 10_800) {
                continue;
            }
            if (!a.host().isPublic()) {
                continue; // onions are kept (PyBitmessage does); dialled only through a proxy
            }
            node.peers().heard(a.host().toString(), a.port(), a.stream(), a.services(), a.time(), "addr");
            added++;
        }
        if (added > 0) {
            log.debug("learnt " + added + " addresses from " + c.name());
        }
    }

    // ---- the tick: timeouts, keepalive, batched inv, download scheduling ----

    /**
     * A node that reaches nobody (no network, unreachable bootstrap nodes, a wrong --peer) would
     * otherwise be silent: every two reconnect delays (a minute by default), while nothing is
     * established, say what failed.
     */
    private void reportNoPeers(long now) {
        if (now - lastNoPeersLine < 2 * limits.reconnectDelay().toNanos()) {
            return;
        }
        lastNoPeersLine = now;
        int failed = failedDials.getAndSet(0);
        if (failed > 0 && establishedCount() == 0) {
            log.info("no peer connected yet: " + failed + " connection attempt" + (failed == 1 ? "" : "s")
                    + " failed lately (last: " + lastDialFailure + "); check the network, or give"
                    + " --peer HOST:PORT");
        }
    }

    /**
     * While many objects arrive (the first sync with the network), one log line per object is
     * switched off and this line says how far it got: stored in the last period, rate, what is
     * announced but not fetched yet, and an ETA.
     */
    private void reportSync(long now) {
        long elapsed = now - syncLineAt;
        if (elapsed < limits.progressInterval().toNanos()) {
            return;
        }
        long accepted = node.acceptedCount();
        long delta = accepted - acceptedAtSyncLine;
        syncLineAt = now;
        acceptedAtSyncLine = accepted;
        int pending = wantedCount();
        double seconds = elapsed / 1e9;
        double rate = delta / seconds;
        boolean syncing = rate > SYNC_RATE || pending > SYNC_WANTED;
        node.quietObjectLog(syncing);
        if (!syncing) {
            return;
        }
        String eta = pending == 0 ? "" : rate > 0 ? String.format(java.util.Locale.ROOT, ", ETA ~%.0f s",
                pending / rate) : ", waiting for peers to answer";
        log.info(String.format(java.util.Locale.ROOT,
                "sync: %d objects stored in the last %.0f s (%.1f/s), %d announced and not fetched yet%s; %d in store",
                delta, seconds, rate, pending, eta, node.objects().count()));
    }

    private void tickLoop() {
        while (!closed) {
            try {
                if (wake.tryAcquire(TICK_MILLIS, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
                tick();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("network tick: " + e);
            }
        }
    }

    private void tick() {
        long now = System.nanoTime();
        reportNoPeers(now);
        reportSync(now);
        for (Connection c : connections) {
            if (!c.isEstablished()) {
                if (now - c.connectedAt > limits.handshakeTimeout().toNanos() && !c.isClosed()) {
                    c.abort("handshake timeout");
                }
                continue;
            }
            if (now - c.lastReceive > limits.idleTimeout().toNanos()) {
                c.abort("idle timeout");
                continue;
            }
            long ps = c.packetStartedAt;
            if (ps != 0 && now - ps > limits.packetTimeout().toNanos()) {
                c.abort("packet not completed in time (slow peer)");
                continue;
            }
            long ws = c.writeStartedAt;
            if (ws != 0 && now - ws > limits.packetTimeout().toNanos()) {
                c.abort("peer stopped reading");
                continue;
            }
            if (now - c.lastSend > limits.pingInterval().toNanos()) {
                c.send(new dev.bmtool.core.wire.Ping());
            }
            c.flushInv();
            // entries whose want was settled meanwhile (object arrived from elsewhere) expire here
            long stale = 2 * limits.requestTimeout().toNanos();
            c.inFlight.entrySet().removeIf(e -> now - e.getValue() > stale);
        }
        scheduleDownloads(now);
    }

    private void scheduleDownloads(long now) {
        if (wanted.isEmpty()) {
            return;
        }
        synchronized (wantedLock) {
            scheduleDownloadsLocked(now);
        }
    }

    private void scheduleDownloadsLocked(long now) {
        long timeout = limits.requestTimeout().toNanos();
        int inFlight = 0;
        int established = 0;
        for (Connection c : connections) {
            inFlight += c.inFlight.size();
            established += c.isEstablished() ? 1 : 0;
        }
        // past the global bound a peer still gets its fair part, so peers that do not answer
        // cannot take every request slot
        int fairInFlight = Math.max(1, limits.maxInFlight() / Math.max(1, established));
        Map<Connection, List<InventoryVector>> batches = new HashMap<>();
        for (var e : wanted.entrySet()) {
            InventoryVector v = e.getKey();
            Want w = e.getValue();
            Connection asked = w.askedFrom;
            if (asked != null) {
                if (!asked.isClosed() && now - w.askedAt < timeout) {
                    continue;
                }
                // timed out or gone: ask another announcer (PyBitmessage drops getdata during its
                // anti-intersection delay, so the same peer may be asked again if it is the only one)
                if (asked.inFlight.remove(v) != null) {
                    inFlight--;
                }
                w.askedFrom = null;
            }
            w.announcers.removeIf(Connection::isClosed);
            // give up when nobody left has it, or after MAX_ATTEMPTS once every announcer was asked
            if (w.announcers.isEmpty() || (w.attempts >= MAX_ATTEMPTS && w.tried.containsAll(w.announcers))) {
                forget(v);
                continue;
            }
            Connection pick = null;
            for (Connection c : w.announcers) {
                if (requestable(c, now) && (inFlight < limits.maxInFlight() || c.inFlight.size() < fairInFlight)) {
                    if (!w.tried.contains(c)) {
                        pick = c;
                        break;
                    }
                    if (pick == null) {
                        pick = c;
                    }
                }
            }
            if (pick != null) {
                pick.inFlight.put(v, now);
                w.askedFrom = pick;
                w.askedAt = now;
                w.tried.add(pick);
                w.attempts++;
                inFlight++;
                batches.computeIfAbsent(pick, k -> new ArrayList<>()).add(v);
            }
        }
        for (var e : batches.entrySet()) {
            List<InventoryVector> l = e.getValue();
            for (int i = 0; i < l.size(); i += GetData.MAX_COUNT) {
                e.getKey().send(new GetData(l.subList(i, Math.min(l.size(), i + GetData.MAX_COUNT))));
            }
        }
    }

    /**
     * Established, with room for requests, and past the peer's anti-intersection delay: only
     * PyBitmessage ignores a getdata that comes too soon after the handshake; other peers (bmtool,
     * MiNode) are asked at once, so a fresh node stores its first object well within a second.
     */
    private boolean requestable(Connection c, long now) {
        if (!c.isEstablished() || c.inFlight.size() >= limits.maxInFlightPerPeer()) {
            return false;
        }
        Version v = c.remote;
        boolean delays = v == null || v.userAgent().contains("PyBitmessage");
        return !delays || now - c.establishedAt >= limits.getDataDelay().toNanos();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        closed = true;
        ServerSocket l = listener;
        if (l != null) {
            try {
                l.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        for (Thread t : new Thread[] {acceptThread, tickThread, dialThread}) {
            if (t != null) {
                t.interrupt();
            }
        }
        for (Connection c : List.copyOf(connections)) {
            c.abort("node shutting down");
        }
        for (Thread t : new Thread[] {acceptThread, tickThread, dialThread}) {
            if (t != null) {
                try {
                    t.join(TimeUnit.SECONDS.toMillis(2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** For tests and logs: the loopback address. */
    static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
