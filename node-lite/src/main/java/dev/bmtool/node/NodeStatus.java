package dev.bmtool.node;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of a running node, as {@code node status} and {@code GET /v1/status} show it. The
 * JSON field names ({@link #toJson()}) are the ones the CLI and scripts read.
 *
 * @param startedAt              UNIX seconds
 * @param uptime                 seconds
 * @param listenPort             the bound P2P port, -1 without a listener
 * @param apiPort                the bound control API port, -1 without an API
 * @param lastSeq                highest store sequence number (0 when empty)
 * @param accepted               objects stored since start (local and from peers)
 * @param rejected               objects refused since start
 * @param minimumDifficulty      the proof of work the node requires of objects
 * @param wanted                 announced hashes not fetched yet
 * @param localNotFetched        objects submitted here that no peer has fetched yet
 * @param preHandshakeBytes      bytes buffered now for packets from peers still in the handshake
 * @param preHandshakeBytesPeak  the most that has been since start
 * @param refusedAtAccept        inbound connections closed at accept (unverified per IP/subnet, slots)
 * @param evictedUnverified      unverified inbound connections dropped to make room
 * @param announcementsOverShare announced hashes not remembered (the peer's share of the wanted table was full)
 */
public record NodeStatus(boolean running, long pid, long startedAt, long uptime, String dataDir, int listenPort,
        int apiPort, boolean tls, long objects, long lastSeq, long knownPeers, long accepted, long rejected,
        MinimumDifficulty minimumDifficulty, int connections, int established, int wanted, int localNotFetched,
        long preHandshakeBytes, long preHandshakeBytesPeak, long refusedAtAccept, long evictedUnverified,
        long announcementsOverShare) {

    /** The proof-of-work parameters the node requires at least. */
    public record MinimumDifficulty(long nonceTrialsPerByte, long payloadLengthExtraBytes) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nonceTrialsPerByte", nonceTrialsPerByte);
            m.put("payloadLengthExtraBytes", payloadLengthExtraBytes);
            return m;
        }
    }

    /** JSON-ready view, field names as before this was a record. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("running", running);
        m.put("pid", pid);
        m.put("startedAt", startedAt);
        m.put("uptime", uptime);
        m.put("dataDir", dataDir);
        m.put("listenPort", listenPort);
        m.put("apiPort", apiPort);
        m.put("tls", tls);
        m.put("objects", objects);
        m.put("lastSeq", lastSeq);
        m.put("knownPeers", knownPeers);
        m.put("accepted", accepted);
        m.put("rejected", rejected);
        m.put("minimumDifficulty", minimumDifficulty.toJson());
        m.put("connections", connections);
        m.put("established", established);
        m.put("wanted", wanted);
        m.put("localNotFetched", localNotFetched);
        m.put("preHandshakeBytes", preHandshakeBytes);
        m.put("preHandshakeBytesPeak", preHandshakeBytesPeak);
        m.put("refusedAtAccept", refusedAtAccept);
        m.put("evictedUnverified", evictedUnverified);
        m.put("announcementsOverShare", announcementsOverShare);
        return m;
    }
}
