package dev.bmtool.node.api;

import dev.bmtool.node.NodeStatus;
import dev.bmtool.node.Offer;
import dev.bmtool.node.store.ObjectStore;
import dev.bmtool.node.store.PeerStore;
import dev.bmtool.node.store.StoredObject;
import java.util.List;
import java.util.Map;

/** What the control API serves; the node implements it (so the API does not depend on the node class). */
public interface ApiBackend {
    NodeStatus status();

    /** Open peer connections, JSON-ready. */
    List<Map<String, Object>> connections();

    PeerStore peers();

    ObjectStore objects();

    /** Validates and stores a locally submitted object; ProtocolException for bytes that are not one. */
    Offer submit(byte[] objectBytes);

    /** Objects stored after {@code afterSeq}, waiting up to {@code waitMillis} for one. */
    List<StoredObject> awaitObjects(long afterSeq, int limit, long waitMillis) throws InterruptedException;

    boolean isClosed();
}
