package dev.bmtool.node;

import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.node.api.ApiBackend;
import dev.bmtool.node.api.ApiServer;
import dev.bmtool.node.net.Network;
import dev.bmtool.node.net.NetworkHost;
import dev.bmtool.node.net.OnionPeers;
import dev.bmtool.node.net.PeerLink;
import dev.bmtool.node.net.ProxySettings;
import dev.bmtool.node.store.InboundObject;
import dev.bmtool.node.store.NodeDatabase;
import dev.bmtool.node.store.ObjectStore;
import dev.bmtool.node.store.PeerStore;
import dev.bmtool.node.store.StoredObject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running lightweight node: the SQLite store, the peer-to-peer network and the local control
 * API. {@link #start(NodeConfig, NodeLog)} brings it up; {@link #close()} shuts it down cleanly.
 */
public final class Node implements AutoCloseable, NetworkHost, ApiBackend {
    /** The only stream this node serves. */
    public static final long STREAM = Network.STREAM;
    /** Objects committed in one transaction at most. */
    static final int MAX_BATCH = 1000;
    /** Objects validated and waiting for the store; a full queue slows the peers that send (back-pressure). */
    static final int INTAKE_QUEUE = 4096;
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
    /** Validated objects on their way to the store, written in batches by {@link #storeWriter}. */
    private final BlockingQueue<Pending> intake = new ArrayBlockingQueue<>(INTAKE_QUEUE);
    private final Thread storeWriter;
    private volatile boolean stopping;

    /** One validated object waiting for its commit; {@code done} is set for local submissions that wait. */
    private record Pending(InboundObject object, PeerLink from, String origin, CompletableFuture<Boolean> done) {
    }

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
        this.storeWriter = Thread.ofVirtual().name("node-store-writer").unstarted(this::writeLoop);
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
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null; // a node of this same JVM holds it
        }
        if (lock == null) {
            ch.close();
            throw new NodeAlreadyRunningException(config.dataDir());
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
        storeWriter.start();
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
        } catch (Error e) {
            FatalErrors.rethrowIfError(e); // an executor would keep it and silently stop the cleanup
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

    @Override
    public ObjectStore objects() {
        return objects;
    }

    @Override
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

    /**
     * Validates and stores an object submitted locally, then announces it to every peer; returns
     * once it is committed. Throws {@link ProtocolException} for bytes that are not an object at all.
     */
    @Override
    public Offer submit(byte[] objectBytes) {
        InboundObject in = InboundObject.adopt(objectBytes.clone());
        Offer r = offer(in);
        if (r.isNew()) {
            localUnfetched.add(r.hashHex());
        }
        if (r.rejection() != null) {
            log.info("rejected local object " + r.hashHex() + ": " + r.rejection());
        }
        return r;
    }

    /** A local object: checked, queued for the store, and waited for. */
    private Offer offer(InboundObject in) {
        if (objects.contains(in.hash())) {
            return new Offer(in.hash(), true, false, null);
        }
        String why = check.reject(in.object(), now());
        if (why != null) {
            rejected.incrementAndGet();
            return new Offer(in.hash(), false, false, why);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        enqueue(new Pending(in, null, "local", done));
        try {
            return new Offer(in.hash(), true, done.get(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** An object from a peer: checked on the peer's thread, stored in the next batch. */
    @Override
    public String received(InboundObject in, PeerLink from) {
        String why = check.reject(in.object(), now());
        if (why != null) {
            rejected.incrementAndGet();
            return why;
        }
        enqueue(new Pending(in, from, from.name(), null));
        return null;
    }

    private void enqueue(Pending p) {
        if (stopping) {
            throw new IllegalStateException("node shutting down");
        }
        try {
            intake.put(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing an object", e);
        }
    }

    /**
     * The store writer: takes what is queued (up to {@link #MAX_BATCH}), commits it in one
     * transaction, then counts, logs, wakes API streams and announces what was new. Local
     * submitters are answered only after the commit, so an acknowledged object is on disk.
     */
    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        List<InboundObject> objs = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                Pending first = intake.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                intake.drainTo(batch, MAX_BATCH - 1);
            } catch (InterruptedException e) {
                if (intake.isEmpty()) {
                    return;
                }
                intake.drainTo(batch, MAX_BATCH);
            }
            for (Pending p : batch) {
                objs.add(p.object());
            }
            try {
                boolean[] isNew = objects.putAll(objs, now());
                for (int i = 0; i < isNew.length; i++) {
                    stored(batch.get(i), isNew[i]);
                }
                synchronized (newObjectMonitor) {
                    newObjectMonitor.notifyAll();
                }
            } catch (RuntimeException e) {
                log.warn("storing " + batch.size() + " object" + (batch.size() == 1 ? "" : "s") + " failed: "
                        + e.getMessage());
                for (Pending p : batch) {
                    if (p.done() != null) {
                        p.done().completeExceptionally(e);
                    }
                }
            } catch (Error e) {
                FatalErrors.rethrowIfError(e);
            } finally {
                batch.clear();
                objs.clear();
            }
        }
    }

    private void stored(Pending p, boolean isNew) {
        if (isNew) {
            accepted.incrementAndGet();
            InboundObject in = p.object();
            BitmessageObject o = in.object();
            String line = "object " + Hex.encode(in.hash()) + " " + StoredObject.typeName(o.objectType()) + " v"
                    + o.version() + " " + o.length() + " bytes stored (from " + p.origin() + ")";
            if (quietObjectLog && p.from() != null) {
                log.debug(line); // a sync in progress: the network's progress line summarises
            } else {
                log.info(line);
            }
            OnionPeers.learn(o, peers, config.proxy(), log);
            Network n = network;
            if (n != null) {
                n.advertise(in.hash(), p.from());
            }
        }
        if (p.done() != null) {
            p.done().complete(isNew);
        }
    }

    /**
     * Objects stored after {@code afterSeq}, waiting up to {@code waitMillis} for one to arrive
     * (long-poll for the API stream).
     */
    @Override
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
    @Override
    public NodeStatus status() {
        Network n = network;
        return new NodeStatus(!closed, ProcessHandle.current().pid(), startedAt, now() - startedAt,
                config.dataDir().toAbsolutePath().toString(), listenPort(), apiPort(), config.tls(), objects.count(),
                objects.lastSeq(), peers.count(), accepted.get(), rejected.get(),
                new NodeStatus.MinimumDifficulty(check.nonceTrialsPerByte(), check.extraBytes()),
                n == null ? 0 : n.connectionCount(), n == null ? 0 : n.establishedCount(),
                n == null ? 0 : n.wantedCount(), localUnfetched.size(), n == null ? 0 : n.preHandshakeBytes(),
                n == null ? 0 : n.preHandshakeBytesPeak(), n == null ? 0 : n.refusedAtAccept(),
                n == null ? 0 : n.evictedUnverified(), n == null ? 0 : n.announcementsOverShare());
    }

    /** Objects accepted since start (local and from peers). */
    @Override
    public long acceptedCount() {
        return accepted.get();
    }

    /** During a sync one line per object would flood the log; the network switches them to debug. */
    @Override
    public void quietObjectLog(boolean quiet) {
        quietObjectLog = quiet;
    }

    /** A peer fetched the object with this inventory hash from us (getdata answered). */
    @Override
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
    @Override
    public List<Map<String, Object>> connections() {
        Network n = network;
        return n == null ? List.of() : n.connectionsJson();
    }

    @Override
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
        // what peers sent and was validated is committed before the database closes
        stopping = true;
        try {
            storeWriter.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending p; (p = intake.poll()) != null;) {
            if (p.done() != null) {
                p.done().completeExceptionally(new IllegalStateException("node shutting down"));
            }
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
