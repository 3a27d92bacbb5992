package dev.bmtool.node.net;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.wire.Addr;
import dev.bmtool.core.wire.GetData;
import dev.bmtool.core.wire.HostAddress;
import dev.bmtool.core.wire.Inv;
import dev.bmtool.core.wire.InventoryVector;
import dev.bmtool.core.wire.NetworkAddress;
import dev.bmtool.core.wire.Version;
import dev.bmtool.node.Node;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
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

/**
 * All peer connections of one node: the inbound listener, outbound dialling (configured peers
 * and the known-peer table), the download scheduler (bounded getdata with re-requests from
 * other peers after a timeout) and the watchdog tick that enforces timeouts.
 */
public final class Network implements AutoCloseable {
    /** Our user agent; matches PyBitmessage's user-agent pattern. */
    public static final String USER_AGENT = "/bmtool:0.1.0/";
    private static final long TICK_MILLIS = 250;

    private final Node node;
    private final NodeConfig config;
    private final NodeLog log;
    private final NodeConfig.Limits limits;
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

    /** One wanted object: who announced it and who was asked. */
    private static final class Want {
        final Set<Connection> announcers = ConcurrentHashMap.newKeySet();
        final Set<Connection> tried = ConcurrentHashMap.newKeySet();
        volatile Connection askedFrom;
        volatile long askedAt;
        volatile int attempts;
    }

    /** Requests per object before giving up until someone announces it again. */
    private static final int MAX_ATTEMPTS = 5;

    public Network(Node node, NodeConfig config, NodeLog log) {
        this.node = node;
        this.config = config;
        this.log = log;
        this.limits = config.limits();
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
        if (config.listen() != null) {
            ServerSocket ss = new ServerSocket();
            ss.setReuseAddress(true);
            try {
                ss.bind(config.listen(), 64);
            } catch (IOException e) {
                ss.close();
                String hint = e instanceof BindException && e.getMessage() != null
                        && e.getMessage().contains("in use")
                        ? " (another node, e.g. PyBitmessage, may hold it; choose one with --listen HOST:PORT,"
                                + " port 0 = any free port)"
                        : "";
                throw new IOException("cannot listen on " + config.listen().getHostString() + ":"
                        + config.listen().getPort() + ": " + e.getMessage() + hint, e);
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
            if (connections.size() >= limits.maxConnections()) {
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
                            if (dialable(p.host()) && maybeDial(p.host(), p.port(), false)) {
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

    /** Peers from the table: public IP literals only (PyBitmessage ignores private addresses). */
    private static boolean dialable(String host) {
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
        if (connections.size() >= limits.maxConnections()) {
            return false;
        }
        lastAttempt.put(key, now);
        Thread.ofVirtual().name("bm-dial-" + key).start(() -> dial(host, port, configured));
        return true;
    }

    private void dial(String host, int port, boolean configured) {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), (int) Math.min(limits.handshakeTimeout().toMillis(), 10_000));
        } catch (IOException e) {
            closeQuietly(s);
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
        NetworkAddress from = NetworkAddress.ofShort(services, HostAddress.parse("127.0.0.1"), ourPort);
        return new Version(Version.PROTOCOL_VERSION, services, System.currentTimeMillis() / 1000, c.remoteAddress(),
                from, c.nonce, USER_AGENT, List.of(Node.STREAM));
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
        if (!c.isLoopback()) {
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
        if (!c.outbound || remoteHost == null || remoteHost.isPublic()
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
            node.peers().heard(remoteHost.toString(), c.port, Node.STREAM, c.remote.services(), now, "inbound");
        }
        List<NetworkAddress> addrs = new ArrayList<>();
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
        for (InventoryVector v : c.inFlight.keySet()) {
            Want w = wanted.get(v);
            if (w != null && w.askedFrom == c) {
                w.askedFrom = null;
            }
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

    /** An inv from {@code c}: remember what we lack, bounded in total. */
    void announced(Connection c, List<InventoryVector> hashes) {
        for (InventoryVector v : hashes) {
            if (have.contains(v)) {
                continue;
            }
            Want w = wanted.get(v);
            if (w == null) {
                if (wanted.size() >= limits.maxWanted()) {
                    continue; // full: dropped; someone will announce it again
                }
                w = wanted.computeIfAbsent(v, k -> new Want());
            }
            if (w.announcers.size() < 8) {
                w.announcers.add(c);
            }
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

    void received(Connection c, BitmessageObject o) {
        InventoryVector v = InventoryVector.of(o);
        c.inFlight.remove(v);
        Want w = wanted.remove(v);
        Connection asked = w == null ? null : w.askedFrom;
        if (asked != null) {
            asked.inFlight.remove(v);
        }
        if (have.contains(v)) {
            return;
        }
        Node.Offer r = node.offer(o, c, c.name());
        if (r.rejection() != null) {
            c.invalidObjects++;
            log.info("rejected object " + v.toHex() + " from " + c.name() + ": " + r.rejection());
        }
    }

    /** Called by the node once an object is stored: mark it held and announce it. */
    public void advertise(byte[] hash, Object from) {
        InventoryVector v = InventoryVector.of(hash);
        have.add(v);
        wanted.remove(v);
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
            if (a.stream() != Node.STREAM || a.port() == 0 || a.time() > now + 60 || a.time() < now - 10_800) {
                continue;
            }
            if (a.host().kind() == HostAddress.Kind.ONION || !a.host().isPublic()) {
                continue;
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
                Thread.sleep(TICK_MILLIS);
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
        long timeout = limits.requestTimeout().toNanos();
        int inFlight = 0;
        for (Connection c : connections) {
            inFlight += c.inFlight.size();
        }
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
            if (w.announcers.isEmpty() || w.attempts >= MAX_ATTEMPTS) {
                wanted.remove(v);
                continue;
            }
            if (inFlight >= limits.maxInFlight()) {
                continue;
            }
            Connection pick = null;
            for (Connection c : w.announcers) {
                if (requestable(c, now)) {
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

    /** Established, with room for requests, and past the peer's anti-intersection delay. */
    private boolean requestable(Connection c, long now) {
        return c.isEstablished() && c.inFlight.size() < limits.maxInFlightPerPeer()
                && now - c.establishedAt >= limits.getDataDelay().toNanos();
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
