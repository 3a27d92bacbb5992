package dev.bmtool.node;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link Node} is started with. Build with {@link #builder(Path)}; the defaults are
 * the network's (PyBitmessage) values, tests shrink the timeouts.
 *
 * @param dataDir          bmtool data directory; the node keeps its files in {@code dataDir/node}
 * @param listen           inbound listener address (port 0 = any free port), or null for none
 * @param peers            outbound peers to keep connected (loopback allowed here)
 * @param bootstrap        also use the default nodes / known-peer table
 * @param tls              advertise NODE_SSL and do TLS with peers that also advertise it
 * @param apiPort          local control API port on 127.0.0.1 (0 = any free port, -1 = no API)
 * @param limits           connection limits and timeouts
 * @param extraLowDifficulty accept objects with 1/100 of the network's minimum proof of work, like
 *                         PyBitmessage in test mode ({@code -t} or keys.dat {@code extralowdifficulty});
 *                         also switched on by that keys.dat setting in the data dir
 */
public record NodeConfig(Path dataDir, InetSocketAddress listen, List<InetSocketAddress> peers, boolean bootstrap,
        boolean tls, int apiPort, Limits limits, boolean extraLowDifficulty) {

    public static final int DEFAULT_PORT = 8444;
    public static final int DEFAULT_API_PORT = 8446;

    public NodeConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        peers = List.copyOf(peers);
        Objects.requireNonNull(limits, "limits");
    }

    /** The node's own directory inside the data dir. */
    public Path nodeDir() {
        return dataDir.resolve("node");
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Bounds that keep one peer from hurting the node or the other peers.
     *
     * @param maxConnections     total connections (PyBitmessage: 200)
     * @param maxOutbound        outbound connections (PyBitmessage: 8)
     * @param handshakeTimeout   not established within this: closed (20 s)
     * @param idleTimeout        nothing received for this long: closed (10 min)
     * @param pingInterval       nothing sent for this long: send a ping (300 s)
     * @param packetTimeout      a started packet must be complete within this
     * @param requestTimeout     a getdata unanswered for this long is asked of another peer
     * @param maxInFlightPerPeer outstanding getdata hashes per peer
     * @param maxInFlight        outstanding getdata hashes in all
     * @param maxWanted          hashes announced but not yet fetched, all peers together
     * @param invBurst           hashes a peer may announce in a burst (token bucket capacity)
     * @param invPerSecond       ... refilled at this rate; a peer exceeding it is disconnected
     * @param packetsPerSecond   packets a peer may send per second on average (burst 10x)
     * @param sendQueue          packets queued towards one peer before it counts as too slow
     * @param reconnectDelay     wait between outbound connection attempts to one peer
     * @param getDataDelay       no getdata to a peer this soon after the handshake (PyBitmessage drops
     *                           getdata during its anti-intersection delay)
     * @param progressInterval   how often a sync in progress is reported (10 s)
     */
    public record Limits(int maxConnections, int maxOutbound, Duration handshakeTimeout, Duration idleTimeout,
            Duration pingInterval, Duration packetTimeout, Duration requestTimeout, int maxInFlightPerPeer,
            int maxInFlight, int maxWanted, int invBurst, int invPerSecond, int packetsPerSecond, int sendQueue,
            Duration reconnectDelay, Duration getDataDelay, Duration progressInterval) {

        public static Limits defaults() {
            return new Limits(200, 8, Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofSeconds(300),
                    Duration.ofSeconds(120), Duration.ofSeconds(60), 1000, 5000, 100_000, 200_000, 2000, 500, 2000,
                    Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(10));
        }

        /** Short timeouts for loopback tests. */
        public Limits withTimeouts(Duration handshake, Duration idle, Duration packet, Duration request,
                Duration reconnect) {
            return new Limits(maxConnections, maxOutbound, handshake, idle, pingInterval, packet, request,
                    maxInFlightPerPeer, maxInFlight, maxWanted, invBurst, invPerSecond, packetsPerSecond, sendQueue,
                    reconnect, Duration.ZERO, Duration.ofMillis(500));
        }

        /** The same limits with another connection cap. */
        public Limits withMaxConnections(int max) {
            return new Limits(max, Math.min(maxOutbound, max), handshakeTimeout, idleTimeout, pingInterval,
                    packetTimeout, requestTimeout, maxInFlightPerPeer, maxInFlight, maxWanted, invBurst, invPerSecond,
                    packetsPerSecond, sendQueue, reconnectDelay, getDataDelay, progressInterval);
        }

        public Limits withInvBudget(int burst, int perSecond) {
            return new Limits(maxConnections, maxOutbound, handshakeTimeout, idleTimeout, pingInterval,
                    packetTimeout, requestTimeout, maxInFlightPerPeer, maxInFlight, maxWanted, burst, perSecond,
                    packetsPerSecond, sendQueue, reconnectDelay, getDataDelay, progressInterval);
        }
    }

    /** Mutable builder with network defaults. */
    public static final class Builder {
        private final Path dataDir;
        private InetSocketAddress listen = new InetSocketAddress("127.0.0.1", DEFAULT_PORT);
        private List<InetSocketAddress> peers = List.of();
        private boolean bootstrap = true;
        private boolean tls = true;
        private int apiPort = DEFAULT_API_PORT;
        private Limits limits = Limits.defaults();
        private boolean extraLowDifficulty;

        Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder listen(InetSocketAddress a) {
            this.listen = a;
            return this;
        }

        public Builder peers(List<InetSocketAddress> p) {
            this.peers = List.copyOf(p);
            return this;
        }

        public Builder bootstrap(boolean b) {
            this.bootstrap = b;
            return this;
        }

        public Builder tls(boolean b) {
            this.tls = b;
            return this;
        }

        public Builder apiPort(int p) {
            this.apiPort = p;
            return this;
        }

        public Builder limits(Limits l) {
            this.limits = l;
            return this;
        }

        public Builder extraLowDifficulty(boolean b) {
            this.extraLowDifficulty = b;
            return this;
        }

        public NodeConfig build() {
            return new NodeConfig(dataDir, listen, peers, bootstrap, tls, apiPort, limits, extraLowDifficulty);
        }
    }
}
