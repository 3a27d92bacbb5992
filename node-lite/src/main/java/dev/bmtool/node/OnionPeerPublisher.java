package dev.bmtool.node;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.object.OnionPeerPayload;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.node.net.ProxySettings;
import dev.bmtool.node.store.StoredObject;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Announces our onion service the way PyBitmessage does: an onionpeer object (type 0x746F72,
 * version 2 for a v2 onion, 3 for v3; stream 1; var_int port + the OnionCat-prefixed onion bytes;
 * TTL 7 days +- 5 minutes; network-default proof of work), made at start and again whenever the
 * store holds none that lives another hour (PyBitmessage checks every ~2 hours). This is the only
 * way a v3 onion, too long for an addr entry, reaches other nodes.
 */
public final class OnionPeerPublisher implements AutoCloseable {
    static final long TTL = 7 * 24 * 3600;
    private final Node node;
    private final ProxySettings onion;
    private final PowService pow;
    private final NodeLog log;
    private final ScheduledExecutorService timer;
    private final SecureRandom random = new SecureRandom();

    private OnionPeerPublisher(Node node, ProxySettings onion, PowService pow, NodeLog log) {
        this.node = node;
        this.onion = onion;
        this.pow = pow;
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("bm-onionpeer")
                .factory());
    }

    /** Starts publishing when the node has an onion service ({@code onionhostname}); else null. */
    public static OnionPeerPublisher startIfOnion(Node node, PowService pow, NodeLog log) {
        ProxySettings p = node.config().proxy();
        if (p == null || !p.hasOnion()) {
            pow.close();
            return null;
        }
        OnionPeerPublisher o = new OnionPeerPublisher(node, p, pow, log);
        o.timer.scheduleWithFixedDelay(o::publishIfMissing, 5, 2 * 3600, TimeUnit.SECONDS);
        return o;
    }

    /** Publishes unless the store has an onionpeer object for our onion living at least another hour. */
    public synchronized boolean publishIfMissing() {
        try {
            OnionPeerPayload ours = OnionPeerPayload.of(onion.onionHostname(), onion.onionPort());
            long now = System.currentTimeMillis() / 1000;
            long after = 0;
            while (true) {
                var batch = node.objects().list(BitmessageObject.TYPE_ONIONPEER, null, after, 500, true);
                for (StoredObject s : batch) {
                    if (s.expires() > now + 3600 && Arrays.equals(s.object().objectPayload(), ours.write())) {
                        return false;
                    }
                }
                if (batch.size() < 500) {
                    break;
                }
                after = batch.getLast().seq();
            }
            long expires = now + TTL + random.nextInt(601) - 300;
            BitmessageObject o = BitmessageObject.of(0, expires, BitmessageObject.TYPE_ONIONPEER, ours.version(),
                    Node.STREAM, ours.write());
            PowService.Solved d = pow.solveObject(o, expires - now, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE,
                    PowMath.DEFAULT_EXTRA_BYTES, null);
            Offer r = node.submit(d.object().write());
            log.info("onionpeer object for " + onion.onionHostname() + ":" + onion.onionPort() + " published ("
                    + r.hashHex().substring(0, 16) + "..., PoW " + d.engine() + ")");
            return true;
        } catch (RuntimeException e) {
            log.warn("onionpeer object not published: " + e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        pow.close();
        timer.shutdownNow();
    }
}
