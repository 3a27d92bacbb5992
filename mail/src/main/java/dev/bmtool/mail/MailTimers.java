package dev.bmtool.mail;

import dev.bmtool.core.address.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The timed part of the mail agent, run after each poll: late scans for new subscriptions,
 * messages interrupted during their PoW queued again, too-difficult messages retried when the
 * limit allows them now, what the PyBitmessage API queued picked up, getpubkeys repeated, and
 * msgs resent with a doubled TTL when no ack came after TTL*1.1. Holds the agent's lock, which
 * the proof of work releases ({@link AgentCore#work}).
 */
final class MailTimers implements Runnable {
    private final AgentCore core;
    private final MailStore store;
    private final MailSender sender;
    private MailReceiver receiver;

    MailTimers(AgentCore core, MailSender sender) {
        this.core = core;
        this.store = core.store;
        this.sender = sender;
    }

    /** How long a connection must have lasted before queued objects count as handed to a peer. */
    static final long HANDOVER_NANOS = 5_000_000_000L;
    /** Since when (System.nanoTime) the node has had an established connection; null: none now. */
    private Long connectedSince;

    /**
     * msgqueued / broadcastqueued objects (PoW done, no peer when they were made) are announced to
     * every peer at connect time, with the rest of the node's inventory: once a connection has
     * lasted {@link #HANDOVER_NANOS}, they count as sent.
     */
    private void handOverQueued(long now) {
        Boolean connected = core.peerConnected();
        if (!Boolean.TRUE.equals(connected)) {
            connectedSince = null;
            return;
        }
        long t = System.nanoTime();
        if (connectedSince == null) {
            connectedSince = t;
        }
        if (t - connectedSince >= HANDOVER_NANOS) {
            int moved = store.queuedHandedOver(now);
            if (moved > 0) {
                core.emit("handed over", moved + " queued message" + (moved == 1 ? "" : "s")
                        + " handed to peers (now msgsent / broadcastsent)", null);
            }
        }
    }

    /** The receiver is made with these timers; it is wired back here once it exists. */
    void receiver(MailReceiver r) {
        this.receiver = r;
    }

    @Override
    public void run() {
        tick();
    }

    /** Retries: getpubkey for messages still waiting, resend (TTL doubled) of unacknowledged ones. */
    void tick() {
        synchronized (core) {
            long now = core.now();
            handOverQueued(now);
            receiver.scanForNewSubscriptions();
            if (store.recoverAbandoned(now) > 0) {
                core.emit("recovered", "messages interrupted during their proof of work are queued again", null);
            }
            for (MailStore.SentEntry e : store.sentWithStatus(MailStore.TOO_DIFFICULT)) {
                // the limit may have been raised in keys.dat since (PyBitmessage retries these too)
                Optional<MailSender.Recipient> r = sender.recipient(Address.decode(e.to()));
                if (r.isPresent() && sender.tooDifficult(r.get()) == null) {
                    store.transition(e.id(), MailStore.TOO_DIFFICULT, MailStore.AWAITING_PUBKEY, now);
                }
            }
            // queued by the PyBitmessage API (it only writes mail.db; the PoW happens here)
            for (MailStore.SentEntry e : store.sentWithStatus(MailStore.MSG_QUEUED)) {
                if (e.objectMade()) {
                    continue; // PoW done, waiting for a peer: the node hands it over (MailStore.queuedHandedOver)
                }
                try {
                    sender.deliver(e.id());
                } catch (RuntimeException ex) {
                    core.skip("message " + e.id() + ": " + ex.getMessage());
                }
            }
            for (MailStore.SentEntry e : store.sentWithStatus(MailStore.BROADCAST_QUEUED)) {
                if (e.objectMade()) {
                    continue; // PoW done, waiting for a peer
                }
                try {
                    sender.sendQueuedBroadcast(e);
                } catch (RuntimeException ex) {
                    core.skip("broadcast " + e.id() + ": " + ex.getMessage());
                }
            }
            for (MailStore.SentEntry e : store.sentWithStatus(MailStore.AWAITING_PUBKEY)) {
                try {
                    sender.deliver(e.id());
                } catch (RuntimeException ex) {
                    core.skip("message " + e.id() + ": " + ex.getMessage());
                }
            }
            resendUnacknowledged(now);
        }
    }

    private void resendUnacknowledged(long now) {
        List<MailStore.SentEntry> waiting = new ArrayList<>(store.sentWithStatus(MailStore.MSG_SENT));
        waiting.addAll(store.sentWithStatus(MailStore.MSG_QUEUED)); // never handed over, and now expired
        for (MailStore.SentEntry e : waiting) {
            if (e.nextTry() <= 0 || e.nextTry() > now) {
                continue;
            }
            long ttl = Math.min(MailSettings.MAX_TTL, e.ttl() * 2);
            Optional<MailSender.Recipient> r = sender.recipient(Address.decode(e.to()));
            if (r.isPresent() && store.transition(e.id(), e.status(), MailStore.DOING_MSG_POW, now)) {
                core.emit("resending", "message " + e.id() + " (no ack after " + (e.ttl() + e.ttl() / 10) + " s), TTL "
                        + ttl, null);
                try {
                    sender.sendMsg(e, r.get(), ttl, e.retries() + 1);
                } catch (RuntimeException ex) {
                    core.skip("resend of " + e.id() + " failed: " + ex.getMessage());
                }
            }
        }
    }
}
