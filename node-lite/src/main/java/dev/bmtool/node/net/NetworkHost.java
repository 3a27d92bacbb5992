package dev.bmtool.node.net;

import dev.bmtool.node.store.InboundObject;
import dev.bmtool.node.store.ObjectStore;
import dev.bmtool.node.store.PeerStore;

/**
 * What the network needs from the node it belongs to. The node implements it, so the network
 * does not depend on the node class (which starts the network).
 */
public interface NetworkHost {
    ObjectStore objects();

    PeerStore peers();

    /**
     * An object a peer sent: validated now, stored soon after (in a batch), then announced by
     * {@link Network#advertise}. Returns why it was refused, or null.
     */
    String received(InboundObject o, PeerLink from);

    /** A peer fetched the object with this inventory hash from us. */
    void fetchedByPeer(byte[] hash);

    /** Objects accepted since start. */
    long acceptedCount();

    /** During a sync the per-object log lines give way to a progress line. */
    void quietObjectLog(boolean quiet);
}
