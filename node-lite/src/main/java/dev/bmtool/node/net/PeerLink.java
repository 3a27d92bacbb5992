package dev.bmtool.node.net;

/** A peer connection as the node sees it: where an object came from (so it is not announced back). */
public interface PeerLink {
    /** host:port, for logs. */
    String name();
}
