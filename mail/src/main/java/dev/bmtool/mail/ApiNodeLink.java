package dev.bmtool.mail;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.node.api.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link NodeLink} to a node in another process, through its control API. {@link #status()} is
 * not offered: the control API has no per-type object counts (the PyBitmessage API, which needs
 * them, runs in the node's own process).
 */
public final class ApiNodeLink implements NodeLink {
    private final ApiClient api;

    public ApiNodeLink(ApiClient api) {
        this.api = api;
    }

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
    public List<PeerConnection> connections() {
        try {
            return InProcessNodeLink.connectionsOf(ApiClient.listOf(api.peers().get("connections")));
        } catch (IOException e) {
            throw new UncheckedIOException("node API: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "running node (control API)";
    }
}
