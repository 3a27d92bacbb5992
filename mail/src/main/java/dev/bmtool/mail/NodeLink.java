package dev.bmtool.mail;

import java.util.List;
import java.util.Map;

/**
 * The one way the mail layer reaches a node: hand it objects, read its stored objects (with the
 * node's sequence numbers, so the agent can resume where it stopped), and what the PyBitmessage
 * API reports about it. Implemented for a node in this process ({@link InProcessNodeLink}) and
 * for a node in another process through its control API ({@link ApiNodeLink}); nothing else in
 * the mail module touches the node or its database.
 */
public interface NodeLink {

    /** A stored object: the node's sequence number, inventory hash and bytes. */
    record Stored(long seq, byte[] hash, byte[] raw) {
    }

    /**
     * One open connection to a peer.
     *
     * @param peer      host:port ({@code [v6]:port} for IPv6)
     * @param userAgent what the peer said in its version message, null before it did
     */
    record PeerConnection(String peer, boolean established, boolean inbound, String userAgent) {
    }

    /**
     * What PyBitmessage's {@code clientStatus} reports of the node.
     *
     * @param startedAt               UNIX seconds
     * @param pendingDownload         announced objects not fetched yet
     * @param objectsByTypeSinceStart objects stored since {@code startedAt}, by object type
     */
    record Status(long startedAt, long pendingDownload, List<PeerConnection> connections,
            Map<Long, Long> objectsByTypeSinceStart) {
        public Status {
            connections = List.copyOf(connections);
            objectsByTypeSinceStart = Map.copyOf(objectsByTypeSinceStart);
        }
    }

    /** The node refused an object; the message says why (its checks' reason). */
    final class RejectedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public RejectedException(String reason) {
            super("the node rejected the object: " + reason);
        }
    }

    /**
     * Hands an object (complete, with PoW) to the node; returns its inventory hash (hex).
     *
     * @throws RejectedException when a node in this process refuses it (through the control API a
     *         refusal comes as an {@link java.io.UncheckedIOException} with the API's message, as before)
     */
    String submit(byte[] object);

    /**
     * Objects stored after {@code afterSeq}, oldest first, waiting up to {@code waitMillis} when
     * there are none yet; {@code type} and {@code tag} filter when not null (then no waiting).
     */
    List<Stored> objects(Long type, byte[] tag, long afterSeq, int limit, long waitMillis);

    /** The node's open connections (a link that cannot see them says so). */
    default List<PeerConnection> connections() {
        throw new UnsupportedOperationException(describe() + ": connections are not known here");
    }

    /** The node's counters for {@code clientStatus} (a link that cannot see them says so). */
    default Status status() {
        throw new UnsupportedOperationException(describe() + ": the node's counters are not known here");
    }

    /** Short description for messages ("in-process node", "node API on port N"). */
    String describe();
}
