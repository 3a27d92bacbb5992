package dev.bmtool.node.net;

import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.object.OnionPeerPayload;
import dev.bmtool.core.wire.HostAddress;
import dev.bmtool.core.wire.NetworkAddress;
import dev.bmtool.node.NodeLog;
import dev.bmtool.node.store.PeerStore;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Onion peers as PyBitmessage knows them: in addr entries a v2 onion is the OnionCat form
 * ({@code FD87D87EEB43} + its 10 bytes, see {@link HostAddress}); a v3 onion (35 bytes) does not
 * fit there and travels in onionpeer objects (type 0x746F72: var_int port + the same prefix and
 * bytes), which PyBitmessage both sends for its own onion service and adds to its known nodes.
 */
public final class OnionPeers {
    private static final Pattern ONION = Pattern.compile("([a-z2-7]{16}|[a-z2-7]{56})\\.onion");

    private OnionPeers() {
    }

    /** Whether {@code host} is a v2 or v3 onion name. */
    public static boolean isOnion(String host) {
        return host != null && ONION.matcher(host.toLowerCase(Locale.ROOT)).matches();
    }

    /** A v2 onion fits an addr entry; a v3 one does not. */
    public static boolean fitsAddr(String host) {
        return host != null && host.length() == 22 && isOnion(host);
    }

    /**
     * An onionpeer object that was just stored: its onion goes into the known-peer table (not our
     * own service). Anything else, or a malformed host, is ignored as PyBitmessage does.
     */
    public static void learn(BitmessageObject o, PeerStore peers, ProxySettings self, NodeLog log) {
        if (o.objectType() != BitmessageObject.TYPE_ONIONPEER) {
            return;
        }
        OnionPeerPayload p;
        try {
            p = OnionPeerPayload.read(o.version(), o.objectPayload());
        } catch (ProtocolException e) {
            return;
        }
        String host = p.hostName();
        if (!isOnion(host) || p.port() == 0) {
            return;
        }
        if (self != null && host.equalsIgnoreCase(self.onionHostname()) && p.port() == self.onionPort()) {
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        peers.heard(host, p.port(), o.stream(), 1, now, "onionpeer");
        log.debug("learnt onion peer " + host + ":" + p.port() + " from an onionpeer object");
    }

    /** Our own onion service as an addr entry (v2 only), or null. */
    static NetworkAddress selfAddr(ProxySettings p, long stream, long services, long now) {
        if (p == null || !p.hasOnion() || !fitsAddr(p.onionHostname())) {
            return null;
        }
        return new NetworkAddress(now, stream, services, HostAddress.parse(p.onionHostname()), p.onionPort());
    }
}
