package dev.bmtool.node.net;

import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.wire.Addr;
import dev.bmtool.core.wire.Dinv;
import dev.bmtool.core.wire.ErrorMessage;
import dev.bmtool.core.wire.GetData;
import dev.bmtool.core.wire.HostAddress;
import dev.bmtool.core.wire.Inv;
import dev.bmtool.core.wire.InventoryVector;
import dev.bmtool.core.wire.Message;
import dev.bmtool.core.wire.Messages;
import dev.bmtool.core.wire.NetworkAddress;
import dev.bmtool.core.wire.ObjectMessage;
import dev.bmtool.core.wire.Packet;
import dev.bmtool.core.wire.PacketHeader;
import dev.bmtool.core.wire.Ping;
import dev.bmtool.core.wire.Pong;
import dev.bmtool.core.wire.Verack;
import dev.bmtool.core.wire.Version;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.store.InboundObject;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One peer connection: a reader thread (handshake, then the message loop) and a writer thread
 * draining a bounded send queue. Timeouts are enforced from outside by {@link Network}'s tick,
 * which closes the socket and so unblocks both threads.
 */
final class Connection implements PeerLink {
    enum State { HANDSHAKE, ESTABLISHED, CLOSED }

    private static final byte[] POISON = new byte[0];

    final Network net;
    final Socket socket;
    final boolean outbound;
    /** host:port we dialled, or the peer's IP and advertised listening port once known. */
    volatile String host;
    volatile int port;
    final long nonce;
    final long connectedAt = System.nanoTime();
    volatile long lastReceive = System.nanoTime();
    volatile long lastSend = System.nanoTime();
    /** Nanos when the packet being read started, 0 between packets. */
    volatile long packetStartedAt;
    /** Nanos when the blocking write in progress started, 0 when idle. */
    volatile long writeStartedAt;
    volatile State state = State.HANDSHAKE;
    /** Nanos when the handshake (and TLS) completed. */
    volatile long establishedAt;
    volatile Version remote;
    /** Whether the version we sent advertised NODE_SSL (set when it is built). */
    volatile boolean offeredTls;
    volatile boolean tls;
    volatile String closeReason;

    /**
     * Wanted hashes this peer added to the table and owns, newest last: its share, bounded by
     * {@code maxWantedPerPeer} (guarded by the network's wanted lock).
     */
    final java.util.LinkedHashSet<InventoryVector> wantedShare = new java.util.LinkedHashSet<>();
    /** getdata hashes sent to this peer and not answered yet, with the time asked. */
    final Map<InventoryVector, Long> inFlight = new ConcurrentHashMap<>();
    /**
     * Hashes to announce to this peer at the next tick; a set because MiNode drops a peer whose
     * inv repeats a hash (its Inv.from_message compares the count with the size of a set).
     */
    private final java.util.Set<InventoryVector> pendingInv = new java.util.LinkedHashSet<>();

    private final BlockingQueue<byte[]> sendQueue;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final TokenBucket packetBudget;
    private final TokenBucket invBudget;
    private InputStream in;
    private OutputStream out;
    private Thread writer;
    volatile long received;
    volatile long sent;
    volatile long objectsIn;
    volatile long invalidObjects;

    Connection(Network net, Socket socket, boolean outbound, String host, int port, long nonce) {
        this.net = net;
        this.socket = socket;
        this.outbound = outbound;
        this.host = host;
        this.port = port;
        this.nonce = nonce;
        var l = net.limits();
        this.sendQueue = new ArrayBlockingQueue<>(l.sendQueue());
        this.packetBudget = new TokenBucket(10.0 * l.packetsPerSecond(), l.packetsPerSecond());
        this.invBudget = new TokenBucket(l.invBurst(), l.invPerSecond());
    }

    @Override
    public String name() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    boolean isClosed() {
        return closed.get();
    }

    /** The reader thread's body. */
    void run() {
        try {
            in = socket.getInputStream();
            out = socket.getOutputStream();
            handshake();
            if (tls) {
                Tls.Streams s;
                try {
                    s = outbound ? Tls.client(in, out) : Tls.server(in, out);
                } catch (IOException e) {
                    throw new PeerException(net.tlsFailed(this, e));
                }
                in = s.in();
                out = s.out();
            }
            establishedAt = System.nanoTime();
            state = State.ESTABLISHED;
            writer = Thread.ofVirtual().name("bm-write-" + name()).start(this::writeLoop);
            net.established(this);
            while (!closed.get()) {
                Object m = readMessage();
                if (m != null) {
                    handle(m);
                }
            }
        } catch (PeerException e) {
            close(e.getMessage());
        } catch (EOFException e) {
            close("connection closed by peer");
        } catch (IOException e) {
            close(closeReason != null ? closeReason : "I/O error: " + e.getMessage());
        } catch (ProtocolException e) {
            close("protocol error: " + e.getMessage());
        } catch (InterruptedException e) {
            close("interrupted");
        } catch (RuntimeException e) {
            close("internal error: " + e);
        } catch (Error e) {
            // the node's fatal-error handler decides (node run stops the process); the peer goes first
            close("internal error: " + e);
            throw e;
        }
    }

    /** A reason to drop the peer. */
    static final class PeerException extends Exception {
        private static final long serialVersionUID = 1L;

        PeerException(String message) {
            super(message, null, false, false);
        }
    }

    // ---- handshake (brief 4.3/4.4) ----

    private void handshake() throws IOException, PeerException {
        boolean sentVersion = false;
        boolean sentVerack = false;
        boolean gotVerack = false;
        if (outbound) {
            writeDirect(net.ourVersion(this));
            sentVersion = true;
        }
        while (!(sentVerack && gotVerack)) {
            Object m = readMessage();
            switch (m) {
                case null -> { }
                case Version v -> {
                    if (remote != null) {
                        throw new PeerException("second version during handshake");
                    }
                    String problem = net.checkVersion(this, v);
                    if (problem != null) {
                        writeDirect(ErrorMessage.fatal(problem));
                        throw new PeerException("rejected version: " + problem);
                    }
                    remote = v;
                    if (!outbound) {
                        // the peer's listening address: its IP with the port it advertises
                        port = v.addrFrom().port();
                    }
                    writeDirect(new Verack());
                    sentVerack = true;
                    if (!sentVersion) {
                        writeDirect(net.ourVersion(this));
                        sentVersion = true;
                    }
                }
                case Verack ignored -> gotVerack = true;
                case ErrorMessage e -> net.log().info("peer " + name() + " says: " + e.text());
                case Message other -> throw new PeerException("'" + other.command() + "' before the handshake completed");
                default -> throw new PeerException("an object before the handshake completed");
            }
        }
        // PyBitmessage and MiNode start TLS iff the *other* side advertised NODE_SSL, so both
        // sides agree exactly when we advertise it only if we also do TLS then
        tls = offeredTls && remote.hasService(Version.NODE_SSL);
    }

    // ---- reading ----

    /**
     * Reads one packet (header first: nothing is allocated for a payload above the limit): a
     * {@link Message}, or for an object an {@link InboundObject} (decoded and hashed once, here).
     */
    private Object readMessage() throws IOException, PeerException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException();
        }
        packetStartedAt = System.nanoTime();
        byte[] hb = new byte[PacketHeader.LENGTH];
        hb[0] = (byte) first;
        if (in.readNBytes(hb, 1, hb.length - 1) != hb.length - 1) {
            throw new EOFException();
        }
        PacketHeader h;
        try {
            h = PacketHeader.read(hb);
        } catch (ProtocolException e) {
            throw new PeerException("bad packet header: " + e.getMessage());
        }
        long reserved = state == State.HANDSHAKE ? reservePreHandshake(h) : 0;
        int largeKib = state == State.HANDSHAKE ? 0 : net.reserveLarge(h.payloadLength());
        if (largeKib < 0) {
            throw new PeerException("no memory for a " + h.payloadLength() + "-byte '" + h.command()
                    + "' within the packet timeout (many large packets at once)");
        }
        byte[] payload;
        try {
            payload = in.readNBytes(h.payloadLength());
        } finally {
            if (reserved > 0) {
                net.releasePreHandshake(reserved);
            }
            if (largeKib > 0) {
                net.releaseLarge(largeKib);
            }
        }
        if (payload.length != h.payloadLength()) {
            throw new EOFException();
        }
        packetStartedAt = 0;
        lastReceive = System.nanoTime();
        received++;
        try {
            h.verify(payload);
        } catch (ProtocolException e) {
            throw new PeerException(e.getMessage());
        }
        // objects we asked for do not count: an initial sync may bring thousands per second
        boolean requested = h.command().equals(ObjectMessage.COMMAND) && !inFlight.isEmpty();
        if (!requested && !packetBudget.take(1)) {
            throw new PeerException("too many packets (rate limit)");
        }
        try {
            if (h.command().equals(ObjectMessage.COMMAND)) {
                return InboundObject.adopt(payload); // the payload array is ours alone: no copy kept elsewhere
            }
            return Messages.decode(h.command(), payload);
        } catch (ProtocolException e) {
            if ((h.command().equals(Inv.COMMAND) || h.command().equals(Dinv.COMMAND))
                    && e instanceof ProtocolException.Oversized) {
                // PyBitmessage ignores an inv with more than 50,000 entries but keeps the peer
                net.log().debug("ignored oversized " + h.command() + " from " + name());
                return null;
            }
            throw new PeerException("malformed '" + h.command() + "': " + e.getMessage());
        }
    }

    /**
     * Before the handshake only version, verack and error are accepted, each at most
     * {@link NodeConfig.Limits#MAX_PRE_HANDSHAKE_PAYLOAD} bytes, and all unverified peers together
     * may hold at most the node's pre-handshake budget: checked on the header, before the payload
     * is read, so a stranger cannot make the node buffer megabytes.
     *
     * @return the bytes reserved from the budget (released once the payload is read)
     */
    private long reservePreHandshake(PacketHeader h) throws PeerException {
        String cmd = h.command();
        if (!cmd.equals(Version.COMMAND) && !cmd.equals(Verack.COMMAND) && !cmd.equals(ErrorMessage.COMMAND)) {
            throw new PeerException("'" + cmd + "' before the handshake completed");
        }
        int len = h.payloadLength();
        if (len > NodeConfig.Limits.MAX_PRE_HANDSHAKE_PAYLOAD) {
            throw new PeerException("'" + cmd + "' of " + len + " bytes before the handshake (at most "
                    + NodeConfig.Limits.MAX_PRE_HANDSHAKE_PAYLOAD + ")");
        }
        if (len > 0 && !net.reservePreHandshake(len)) {
            throw new PeerException("pre-handshake buffer budget exhausted (" + net.limits().preHandshakeBudget()
                    + " bytes for all unverified peers)");
        }
        return len;
    }

    private void handle(Object m) throws InterruptedException, PeerException {
        switch (m) {
            case Inv inv -> {
                if (!invBudget.take(inv.hashes().size())) {
                    throw new PeerException("inv flood (" + inv.hashes().size() + " hashes over the rate limit)");
                }
                net.announced(this, inv.hashes());
            }
            case Dinv ignored -> {
                // we do not advertise NODE_DANDELION; such peers should not send stems to us
            }
            case GetData gd -> {
                int served = 0;
                for (InventoryVector v : gd.hashes()) {
                    byte[] raw = net.objectBytes(v);
                    if (raw != null) {
                        sendBlocking(Packet.of(ObjectMessage.COMMAND, raw).write());
                        net.fetched(v);
                        served++;
                    }
                }
                if (served > 0) {
                    net.log().info("sent " + served + " object" + (served == 1 ? "" : "s") + " to " + name());
                }
            }
            case InboundObject o -> {
                objectsIn++;
                net.received(this, o);
            }
            case Addr a -> net.addresses(this, a.addresses());
            case Ping ignored -> send(new Pong());
            case Pong ignored -> { }
            case ErrorMessage e -> net.log().info("peer " + name() + " error (level " + e.fatal() + "): " + e.text());
            case Version ignored -> { }
            case Verack ignored -> { }
            default -> { } // unknown commands are ignored (protocol rule)
        }
    }

    // ---- writing ----

    /** Handshake writes happen on the reader thread before the writer exists. */
    private void writeDirect(Message m) throws IOException {
        byte[] p = m.toPacket().write();
        writeStartedAt = System.nanoTime();
        out.write(p);
        out.flush();
        writeStartedAt = 0;
        lastSend = System.nanoTime();
        sent++;
    }

    /** Queues a message; a peer whose queue is full is too slow and gets disconnected. */
    boolean send(Message m) {
        return sendRaw(m.toPacket().write());
    }

    private boolean sendRaw(byte[] packet) {
        if (closed.get()) {
            return false;
        }
        if (!sendQueue.offer(packet)) {
            close("send queue full: peer is not reading");
            return false;
        }
        return true;
    }

    /** Queues a reply from this peer's own reader: waits for room (back-pressure on that peer only). */
    private void sendBlocking(byte[] packet) throws InterruptedException {
        while (!closed.get()) {
            if (sendQueue.offer(packet, 1, TimeUnit.SECONDS)) {
                return;
            }
        }
    }

    private void writeLoop() {
        try {
            while (!closed.get()) {
                byte[] p = sendQueue.take();
                if (p == POISON) {
                    break;
                }
                writeStartedAt = System.nanoTime();
                out.write(p);
                if (sendQueue.isEmpty()) {
                    out.flush();
                }
                writeStartedAt = 0;
                lastSend = System.nanoTime();
                sent++;
            }
        } catch (InterruptedException e) {
            // closing
        } catch (IOException e) {
            close("write failed: " + e.getMessage());
        }
    }

    /** Adds a hash to the next batched inv. */
    void queueInv(InventoryVector v) {
        synchronized (pendingInv) {
            if (pendingInv.size() < Inv.MAX_COUNT) {
                pendingInv.add(v);
            }
        }
    }

    /** Sends the batched inv (called from the tick). */
    void flushInv() {
        List<InventoryVector> l;
        synchronized (pendingInv) {
            if (pendingInv.isEmpty()) {
                return;
            }
            l = new ArrayList<>(pendingInv);
            pendingInv.clear();
        }
        net.log().debug("announced " + l.size() + " hash" + (l.size() == 1 ? "" : "es") + " to " + name());
        send(new Inv(l));
    }

    void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (closeReason == null) {
            closeReason = reason;
        }
        state = State.CLOSED;
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
        sendQueue.clear();
        sendQueue.offer(POISON);
        Thread w = writer;
        if (w != null) {
            w.interrupt();
        }
        net.closed(this, closeReason);
    }

    /** Records {@code reason} and closes the socket (used by the watchdog). */
    void abort(String reason) {
        closeReason = reason;
        close(reason);
    }

    String remoteHostForChecks() {
        return socket.getInetAddress() == null ? host : socket.getInetAddress().getHostAddress();
    }

    boolean isLoopback() {
        return socket.getInetAddress() != null && socket.getInetAddress().isLoopbackAddress();
    }

    /** The peer's address as it should appear in our version's addr_recv. */
    NetworkAddress remoteAddress() {
        HostAddress h = socket.getInetAddress() != null ? HostAddress.of(socket.getInetAddress())
                : HostAddress.parse("127.0.0.1");
        return NetworkAddress.ofShort(Version.NODE_NETWORK, h, socket.getPort());
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peer", name());
        m.put("direction", outbound ? "outbound" : "inbound");
        m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        m.put("tls", tls);
        Version v = remote;
        m.put("userAgent", v == null ? null : v.userAgent());
        m.put("services", v == null ? null : v.services());
        m.put("packetsIn", received);
        m.put("packetsOut", sent);
        m.put("objectsIn", objectsIn);
        m.put("inFlight", inFlight.size());
        m.put("connectedSeconds", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - connectedAt));
        return m;
    }

    /** A token bucket: {@code capacity} tokens, refilled at {@code rate} per second. */
    static final class TokenBucket {
        private final double capacity;
        private final double rate;
        private double tokens;
        private long last = System.nanoTime();

        TokenBucket(double capacity, double rate) {
            this.capacity = capacity;
            this.rate = rate;
            this.tokens = capacity;
        }

        synchronized boolean take(double n) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens < n) {
                return false;
            }
            tokens -= n;
            return true;
        }
    }
}
