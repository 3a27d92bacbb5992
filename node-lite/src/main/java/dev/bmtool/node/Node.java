package dev.bmtool.node;

import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.node.api.ApiServer;
import dev.bmtool.node.net.Network;
import dev.bmtool.node.net.OnionPeers;
import dev.bmtool.node.net.ProxySettings;
import dev.bmtool.node.store.NodeDatabase;
import dev.bmtool.node.store.ObjectStore;
import dev.bmtool.node.store.PeerStore;
import dev.bmtool.node.store.StoredObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running lightweight node: the SQLite store, the peer-to-peer network and the local control
 * API. {@link #start(NodeConfig, NodeLog)} brings it up; {@link #close()} shuts it down cleanly.
 */
public final class Node implements AutoCloseable {
    /** The only stream this node serves. */
    public static final long STREAM = 1;
    /** Expired objects are kept this long past expiry (PyBitmessage accepts them that long). */
    static final long EXPIRED_GRACE = 3600;

    private final NodeConfig config;
    private final NodeLog log;
    private final NodeDatabase db;
    private final ObjectStore objects;
    private final PeerStore peers;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final long startedAt = now();
    private final Object newObjectMonitor = new Object();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    /** Objects submitted here that no peer has fetched yet (hex hashes), for short-lived nodes. */
    private final Set<String> localUnfetched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService housekeeping;
    private final ObjectCheck check;
    private volatile Network network;
    private volatile ApiServer api;
    private volatile boolean closed;
    private volatile boolean quietObjectLog;

    private Node(NodeConfig config, NodeLog log, NodeDatabase db, FileChannel lockChannel, FileLock lock) {
        this.config = config;
        this.log = log;
        this.db = db;
        this.objects = new ObjectStore(db);
        this.peers = new PeerStore(db);
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("node-housekeeping").factory());
        this.check = ObjectCheck.of(config.extraLowDifficulty() || extraLowDifficultyInKeysDat(config.dataDir()));
    }

    /** PyBitmessage's {@code [bitmessagesettings] extralowdifficulty} in the data dir's keys.dat. */
    private static boolean extraLowDifficultyInKeysDat(Path dataDir) {
        try {
            return KeysDat.isTrue(new IdentityStore(dataDir).load().section(KeysDat.SETTINGS_SECTION)
                    .get("extralowdifficulty"));
        } catch (RuntimeException e) {
            return false; // an unreadable keys.dat is reported by the commands that need identities
        }
    }

    /**
     * The proxy and onion settings of {@code [bitmessagesettings]} in the data dir's keys.dat. A
     * value that cannot be honoured stops the node: falling back to direct connections would
     * give away what the proxy is meant to hide.
     */
    public static ProxySettings proxyFromKeysDat(Path dataDir) throws IOException {
        IdentityStore store = new IdentityStore(dataDir);
        Map<String, String> section;
        try {
            section = store.load().section(KeysDat.SETTINGS_SECTION);
        } catch (RuntimeException e) {
            section = null;
        }
        if (section == null) {
            if (java.nio.file.Files.exists(dataDir.resolve("keys.dat"))) {
                throw new IOException("cannot read the proxy settings in " + dataDir.resolve("keys.dat")
                        + "; not starting without them");
            }
            return ProxySettings.NONE;
        }
        try {
            return ProxySettings.of(section);
        } catch (IllegalArgumentException e) {
            throw new IOException("keys.dat [" + KeysDat.SETTINGS_SECTION + "]: " + e.getMessage(), e);
        }
    }

    /** Opens the store, starts listening and connecting, and starts the API. */
    public static Node start(NodeConfig config, NodeLog log) throws IOException {
        if (config.proxy() == null) {
            config = config.withProxy(proxyFromKeysDat(config.dataDir()));
        }
        Path dir = config.nodeDir();
        Files.createDirectories(dir);
        FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = ch.tryLock();
        if (lock == null) {
            ch.close();
            throw new IOException("another node is already running with data directory " + config.dataDir());
        }
        NodeDatabase db;
        try {
            db = NodeDatabase.open(dir.resolve("objects.db"));
        } catch (IOException e) {
            lock.release();
            ch.close();
            throw e;
        }
        Node node = new Node(config, log, db, ch, lock);
        try {
            node.startServices();
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        return node;
    }

    private void startServices() throws IOException {
        long now = now();
        int removed = objects.deleteExpired(now, EXPIRED_GRACE);
        log.info("store " + db.file() + ": " + objects.count() + " objects" + (removed > 0 ? " (" + removed
                + " expired removed)" : ""));
        if (check.nonceTrialsPerByte() < PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE) {
            log.warn("extra-low difficulty (test network, as PyBitmessage -t): accepting objects with "
                    + check.nonceTrialsPerByte() + " / " + check.extraBytes() + " instead of 1000 / 1000;"
                    + " the live network rejects what such peers make");
        }
        if (config.bootstrap()) {
            peers.seedDefaults(now);
        }
        peers.cleanup(now);
        for (var p : config.peers()) {
            peers.heard(p.getHostString(), p.getPort(), STREAM, 1, now, "config");
        }
        network = new Network(this, config, log);
        network.start();
        if (config.apiPort() >= 0) {
            api = ApiServer.start(this, config.apiPort(), config.nodeDir());
            log.info("control API on 127.0.0.1:" + api.port() + " (token in " + config.nodeDir().resolve(ApiServer.TOKEN_FILE)
                    + ")");
        }
        housekeeping.scheduleWithFixedDelay(this::housekeeping, 5, 5, TimeUnit.MINUTES);
    }

    private void housekeeping() {
        try {
            long now = now();
            int gone = objects.deleteExpired(now, EXPIRED_GRACE);
            int forgotten = peers.cleanup(now);
            Network n = network;
            if (gone > 0 && n != null) {
                n.reloadInventory();
            }
            if (gone > 0 || forgotten > 0) {
                log.info("cleanup: " + gone + " expired objects, " + forgotten + " stale peers removed");
            }
        } catch (RuntimeException e) {
            log.warn("cleanup failed: " + e.getMessage());
        }
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    public NodeConfig config() {
        return config;
    }

    public NodeLog log() {
        return log;
    }

    public ObjectStore objects() {
        return objects;
    }

    public PeerStore peers() {
        return peers;
    }

    public NodeDatabase database() {
        return db;
    }

    /** The bound inbound port, or -1 without a listener. */
    public int listenPort() {
        Network n = network;
        return n == null ? -1 : n.listenPort();
    }

    /** The bound API port, or -1 without an API. */
    public int apiPort() {
        ApiServer a = api;
        return a == null ? -1 : a.port();
    }

    /** The outcome of offering an object to the node. */
    public record Offer(byte[] hash, boolean stored, boolean isNew, String rejection) {
        public String hashHex() {
            return Hex.encode(hash);
        }
    }

    /**
     * Validates and stores an object submitted locally, then announces it to every peer.
     * Throws {@link ProtocolException} for bytes that are not an object at all.
     */
    public Offer submit(byte[] objectBytes) {
        BitmessageObject o = BitmessageObject.read(objectBytes);
        Offer r = offer(o, null, "local");
        if (r.isNew()) {
            localUnfetched.add(r.hashHex());
        }
        if (r.rejection() != null) {
            log.info("rejected local object " + r.hashHex() + ": " + r.rejection());
        }
        return r;
    }

    /**
     * Shared path for local and received objects: checks (cheapest first), stores durably,
     * wakes API streams, announces to peers except {@code from}.
     */
    public Offer offer(BitmessageObject o, Object from, String origin) {
        byte[] raw = o.write();
        byte[] hash = PowMath.inventoryHash(raw);
        if (objects.contains(hash)) {
            return new Offer(hash, true, false, null);
        }
        String why = check.reject(o, now());
        if (why != null) {
            rejected.incrementAndGet();
            return new Offer(hash, false, false, why);
        }
        boolean isNew = objects.put(o, now());
        if (isNew) {
            accepted.incrementAndGet();
            String line = "object " + Hex.encode(hash) + " " + StoredObject.typeName(o.objectType()) + " v"
                    + o.version() + " " + o.length() + " bytes stored (from " + origin + ")";
            if (quietObjectLog && from != null) {
                log.debug(line); // a sync in progress: the network's progress line summarises
            } else {
                log.info(line);
            }
            synchronized (newObjectMonitor) {
                newObjectMonitor.notifyAll();
            }
            OnionPeers.learn(o, peers, config.proxy(), log);
            Network n = network;
            if (n != null) {
                n.advertise(hash, from);
            }
        }
        return new Offer(hash, true, isNew, null);
    }

    /**
     * Objects stored after {@code afterSeq}, waiting up to {@code waitMillis} for one to arrive
     * (long-poll for the API stream).
     */
    public List<StoredObject> awaitObjects(long afterSeq, int limit, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (true) {
            List<StoredObject> l = objects.list(null, null, afterSeq, limit, true);
            if (!l.isEmpty() || closed) {
                return l;
            }
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return l;
            }
            synchronized (newObjectMonitor) {
                newObjectMonitor.wait(Math.min(left, 1000));
            }
        }
    }

    /** Node summary for {@code node status}. */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("running", !closed);
        m.put("pid", ProcessHandle.current().pid());
        m.put("startedAt", startedAt);
        m.put("uptime", now() - startedAt);
        m.put("dataDir", config.dataDir().toAbsolutePath().toString());
        m.put("listenPort", listenPort());
        m.put("apiPort", apiPort());
        m.put("tls", config.tls());
        m.put("objects", objects.count());
        m.put("lastSeq", objects.lastSeq());
        m.put("knownPeers", peers.count());
        m.put("accepted", accepted.get());
        m.put("rejected", rejected.get());
        m.put("minimumDifficulty", Map.of("nonceTrialsPerByte", check.nonceTrialsPerByte(),
                "payloadLengthExtraBytes", check.extraBytes()));
        Network n = network;
        m.put("connections", n == null ? 0 : n.connectionCount());
        m.put("established", n == null ? 0 : n.establishedCount());
        m.put("wanted", n == null ? 0 : n.wantedCount());
        m.put("localNotFetched", localUnfetched.size());
        return m;
    }

    /** Objects accepted since start (local and from peers). */
    public long acceptedCount() {
        return accepted.get();
    }

    /** During a sync one line per object would flood the log; the network switches them to debug. */
    public void quietObjectLog(boolean quiet) {
        quietObjectLog = quiet;
    }

    /** A peer fetched the object with this inventory hash from us (getdata answered). */
    public void fetchedByPeer(byte[] hash) {
        localUnfetched.remove(Hex.encode(hash));
    }

    /**
     * How many objects submitted to this node no peer has fetched yet: a command that runs the
     * node in-process waits for 0 before it exits, so its new objects have left the machine.
     */
    public int localObjectsNotFetched() {
        return localUnfetched.size();
    }

    /** Open connections, for {@code peers}. */
    public List<Map<String, Object>> connections() {
        Network n = network;
        return n == null ? List.of() : n.connectionsJson();
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (newObjectMonitor) {
            newObjectMonitor.notifyAll();
        }
        housekeeping.shutdownNow();
        ApiServer a = api;
        if (a != null) {
            a.close();
        }
        Network n = network;
        if (n != null) {
            n.close();
        }
        db.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes away with the process anyway
        }
        log.info("node stopped");
    }
}
