package dev.bmtool.mail;

import dev.bmtool.node.Node;
import dev.bmtool.node.NodeStatus;
import dev.bmtool.node.Offer;
import dev.bmtool.node.store.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link NodeLink} to a node running in this process: the only mail class that calls {@link Node}. */
public final class InProcessNodeLink implements NodeLink {
    private final Node node;

    public InProcessNodeLink(Node node) {
        this.node = node;
    }

    @Override
    public String submit(byte[] object) {
        Offer o = node.submit(object);
        if (o.rejection() != null) {
            throw new RejectedException(o.rejection());
        }
        return o.hashHex();
    }

    @Override
    public List<Stored> objects(Long type, byte[] tag, long afterSeq, int limit, long waitMillis) {
        List<StoredObject> l = node.objects().list(type, tag, afterSeq, limit, true);
        if (l.isEmpty() && waitMillis > 0 && type == null && tag == null) {
            try {
                l = node.awaitObjects(afterSeq, limit, waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return l.stream().map(s -> new Stored(s.seq(), s.hash(), s.raw())).toList();
    }

    @Override
    public List<PeerConnection> connections() {
        return connectionsOf(node.connections());
    }

    @Override
    public Status status() {
        List<PeerConnection> conns = connections();
        NodeStatus s = node.status();
        return new Status(s.startedAt(), s.wanted(), conns, node.objects().countByTypeReceivedSince(s.startedAt()));
    }

    @Override
    public String describe() {
        return "in-process node";
    }

    /** The node's connection list (its JSON-ready maps, as {@code GET /v1/peers} shows them) as records. */
    static List<PeerConnection> connectionsOf(List<Map<String, Object>> json) {
        List<PeerConnection> out = new ArrayList<>();
        for (Map<String, Object> m : json) {
            Object ua = m.get("userAgent");
            out.add(new PeerConnection(String.valueOf(m.get("peer")), "established".equals(m.get("state")),
                    "inbound".equals(m.get("direction")), ua == null ? null : String.valueOf(ua)));
        }
        return out;
    }
}
