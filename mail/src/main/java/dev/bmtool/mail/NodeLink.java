package dev.bmtool.mail;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.node.Node;
import dev.bmtool.node.api.ApiClient;
import dev.bmtool.node.store.StoredObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the mail agent reaches a node: in-process ({@link #of(Node)}) or through a running node's
 * control API ({@link #of(ApiClient)}). Objects come back with the node's sequence numbers so the
 * agent can resume where it stopped.
 */
public interface NodeLink {

    /** A stored object: the node's sequence number, inventory hash and bytes. */
    record Stored(long seq, byte[] hash, byte[] raw) {
    }

    /** Hands an object (complete, with PoW) to the node; returns its inventory hash (hex). */
    String submit(byte[] object);

    /**
     * Objects stored after {@code afterSeq}, oldest first, waiting up to {@code waitMillis} when
     * there are none yet; {@code type} and {@code tag} filter when not null (then no waiting).
     */
    List<Stored> objects(Long type, byte[] tag, long afterSeq, int limit, long waitMillis);

    /** Short description for messages ("in-process node", "node API on port N"). */
    String describe();

    static NodeLink of(Node node) {
        return new NodeLink() {
            @Override
            public String submit(byte[] object) {
                dev.bmtool.node.Offer o = node.submit(object);
                if (o.rejection() != null) {
                    throw new IllegalStateException("the node rejected the object: " + o.rejection());
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
            public String describe() {
                return "in-process node";
            }
        };
    }

    static NodeLink of(ApiClient api) {
        return new NodeLink() {
            @Override
            public String submit(byte[] object) {
                try {
                    return String.valueOf(api.submit(Hex.encode(object)).get("hash"));
                } catch (IOException e) {
                    throw new UncheckedIOException("node API: " + e.getMessage(), e);
                }
            }

            @Override
            public List<Stored> objects(Long type, byte[] tag, long afterSeq, int limit, long waitMillis) {
                try {
                    Map<String, Object> m = api.list(type == null ? null : Long.toString(type),
                            tag == null ? null : Hex.encode(tag), afterSeq, limit, true);
                    List<Stored> out = new ArrayList<>();
                    for (Map<String, Object> o : ApiClient.listOf(m.get("objects"))) {
                        try {
                            out.add(new Stored(((Number) o.get("seq")).longValue(), Hex.decode((String) o.get("hash")),
                                    Hex.decode((String) o.get("hex"))));
                        } catch (ProtocolException | ClassCastException | NullPointerException e) {
                            // a malformed entry is skipped; the agent never stops on one object
                        }
                    }
                    if (out.isEmpty() && waitMillis > 0) {
                        Thread.sleep(Math.min(waitMillis, 500));
                    }
                    return out;
                } catch (IOException e) {
                    throw new UncheckedIOException("node API: " + e.getMessage(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }

            @Override
            public String describe() {
                return "running node (control API)";
            }
        };
    }
}
