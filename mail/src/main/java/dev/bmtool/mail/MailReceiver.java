package dev.bmtool.mail;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.crypto.Hashes;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.message.MessageEncoding;
import dev.bmtool.core.message.MsgContent;
import dev.bmtool.core.message.ObjectCrypto;
import dev.bmtool.core.message.SenderKeys;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.wire.ObjectMessage;
import dev.bmtool.core.wire.Packet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The receiving part of the mail agent: every object the node stored since the last poll is
 * matched against our identities and subscriptions (acks, msgs, broadcasts, getpubkeys,
 * pubkeys). Nothing in an object can stop it or touch stored messages: failures are counted and
 * skipped. Work with proof of work that an object asks for (answering a getpubkey, sending to a
 * pubkey that just arrived, the timers) is deferred ({@link AgentCore#later}) and run by
 * {@link #poll} after it has released its locks.
 */
final class MailReceiver {
    private static final String SEQ_KEY = MailStore.POLL_CURSOR_KEY;
    /** Largest getpubkey PyBitmessage answers. */
    private static final int MAX_GETPUBKEY_LENGTH = 200;
    private static final int MAX_ACK_CANDIDATE = 2000;

    private final AgentCore core;
    private final MailStore store;
    private final MailSender sender;
    private final Runnable timers;
    private final ReentrantLock pollLock = new ReentrantLock();

    MailReceiver(AgentCore core, MailSender sender, Runnable timers) {
        this.core = core;
        this.store = core.store;
        this.sender = sender;
        this.timers = timers;
    }

    /**
     * Processes the objects the node stored since the last call (waiting up to {@code waitMillis}
     * for new ones), then runs the timers. Returns how many objects were looked at.
     */
    int poll(long waitMillis) {
        int n;
        pollLock.lock(); // one poll at a time (the loop and a command's catch-up), so no object is handled twice
        try {
            n = pollLocked(waitMillis);
        } finally {
            pollLock.unlock();
        }
        core.runDeferred(); // the proof of work receiving asked for, with no lock held
        return n;
    }

    private int pollLocked(long waitMillis) {
        long seq;
        synchronized (core) {
            seq = store.state(SEQ_KEY, 0);
        }
        // wait outside the lock, so send() is not blocked by an idle long-poll
        List<NodeLink.Stored> batch = core.link.objects(null, null, seq, MailSender.BATCH, waitMillis);
        synchronized (core) {
            for (NodeLink.Stored s : batch) {
                try {
                    handle(s.raw(), s.hash());
                } catch (RuntimeException e) {
                    // malformed or hostile objects, or a failed PoW/submit: count, never stop
                    core.countSkipped();
                    core.listener.event(new MailAgent.Event("skipped", Hex.encode(s.hash()) + ": " + e.getMessage(),
                            null, null));
                }
            }
            if (!batch.isEmpty()) {
                // once per batch; after a crash a few objects are seen again, which is harmless
                // (inbox de-duplicates by sigHash, acks and pubkey answers are idempotent)
                store.setState(SEQ_KEY, batch.getLast().seq());
            }
            core.later("tick", timers);
            return batch.size();
        }
    }

    /** Processes one object: ack match, then by type. */
    void handle(byte[] raw, byte[] hash) {
        synchronized (core) {
            if (raw.length > 16 && raw.length - 16 <= MAX_ACK_CANDIDATE) {
                byte[] candidate = Arrays.copyOfRange(raw, 16, raw.length);
                Optional<MailStore.SentEntry> e = store.sentByAck(candidate); // a read: no write per object
                if (e.isPresent() && store.ackReceived(candidate, core.now())) {
                    core.emit("ack received", "for message " + e.get().id() + " to " + e.get().to(), null);
                    return;
                }
            }
            BitmessageObject o;
            try {
                o = BitmessageObject.read(raw);
            } catch (ProtocolException e) {
                core.countSkipped();
                return;
            }
            if (o.objectType() == BitmessageObject.TYPE_MSG && o.version() == 1) {
                receiveMsg(o, hash);
            } else if (o.objectType() == BitmessageObject.TYPE_BROADCAST) {
                receiveBroadcast(o, hash);
            } else if (o.objectType() == BitmessageObject.TYPE_GETPUBKEY) {
                answerGetpubkey(o);
            } else if (o.objectType() == BitmessageObject.TYPE_PUBKEY) {
                receivePubkey(o);
            }
        }
    }

    private void receiveMsg(BitmessageObject o, byte[] hash) {
        ObjectCrypto.DecryptedMsg got = null;
        Identity to = null;
        for (Identity id : core.identities()) {
            if (!id.enabled()) {
                continue;
            }
            try {
                // one ECDH per identity; keep trying the others so timing does not tell which matched
                ObjectCrypto.DecryptedMsg d = ObjectCrypto.decryptMsg(o, id.encryptionKey());
                if (got == null) {
                    got = d;
                    to = id;
                }
            } catch (ProtocolException e) {
                // not for this identity (or garbage)
            }
        }
        if (got == null) {
            return;
        }
        if (!got.signatureValid()) {
            core.skip("msg with a bad signature");
            return;
        }
        if (!got.isFor(to.address().ripe())) {
            core.skip("msg whose destination ripe is not " + to.address() + " (surreptitious forwarding)");
            return;
        }
        if (!to.chan() && (to.nonceTrialsPerByte() > PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE
                || to.payloadLengthExtraBytes() > PowMath.DEFAULT_EXTRA_BYTES)) {
            long target = PowMath.verifierTarget(o.length(), o.expiresTime() - core.now(), to.nonceTrialsPerByte(),
                    to.payloadLengthExtraBytes());
            if (Long.compareUnsigned(o.trialValue(), target) > 0) {
                core.skip("msg with less PoW than " + to.address() + " demands");
                return;
            }
        }
        MsgContent c = got.content();
        cachePubkey(got.sender(), c.sender(), "msg");
        String blocked = blockedBy(got.sender());
        if (blocked != null) {
            // PyBitmessage: not shown and not acknowledged
            core.skip("msg from " + got.sender() + " ignored: " + blocked);
            return;
        }
        if (c.encoding() == MessageEncoding.IGNORE) {
            return;
        }
        MessageEncoding.Text text = decodeText(c.encoding(), c.message());
        Optional<Long> id = store.addInbox(hash, sigHash(c.signature()), "msg", to.address().encode(),
                got.sender().encode(), text.subject(), text.body(), c.encoding(), core.now());
        if (id.isEmpty()) {
            return; // duplicate (same signature)
        }
        core.emit("msg received", got.sender() + " -> " + to.address() + ": \"" + text.subject() + "\" (inbox #"
                + id.get() + ")", null);
        byte[] ack = c.ackData();
        if (!to.chan() && to.sendsAcks() && ack.length > 0) {
            sendAck(ack);
        }
    }

    /** Why msgs from {@code sender} are ignored (black- or whitelist, as PyBitmessage), or null. */
    private String blockedBy(Address from) {
        if (core.keysDatSettings().whitelistMode()) {
            return store.listed("whitelist", from) ? null : "not in the whitelist (blackwhitelist = white)";
        }
        return store.listed("blacklist", from) ? "in the blacklist" : null;
    }

    /** Injects the ack object embedded in a received msg: header checked (brief 12), then submitted. */
    private void sendAck(byte[] ackPacket) {
        try {
            Packet p = Packet.read(ackPacket);
            if (!p.command().equals(ObjectMessage.COMMAND)) {
                core.skip("ack is a '" + p.command() + "' packet, not an object");
                return;
            }
            core.link.submit(p.payload());
            core.emit("ack sent", Hex.encode(PowMath.inventoryHash(p.payload())).substring(0, 16) + "...", null);
        } catch (ProtocolException | IllegalStateException e) {
            core.skip("ack not sent: " + e.getMessage());
        }
    }

    private void receiveBroadcast(BitmessageObject o, byte[] hash) {
        if (o.version() != 4 && o.version() != 5) {
            return;
        }
        byte[] payload = o.objectPayload();
        for (MailStore.Subscription s : store.subscriptions()) {
            Address a = s.address();
            if (a.broadcastObjectVersion() != o.version() || a.stream() != o.stream()) {
                continue;
            }
            if (o.version() == 5 && (payload.length < 32 || !Arrays.equals(Arrays.copyOf(payload, 32), a.tag()))) {
                continue;
            }
            ObjectCrypto.DecryptedBroadcast d;
            try {
                d = ObjectCrypto.decryptBroadcast(o, a);
            } catch (ProtocolException e) {
                continue;
            }
            if (!d.signatureValid() || !d.senderMatches()) {
                core.skip("broadcast claiming to be from " + a + " fails its checks");
                return;
            }
            cachePubkey(d.sender(), d.content().sender(), "broadcast");
            if (d.content().encoding() == MessageEncoding.IGNORE) {
                return;
            }
            MessageEncoding.Text text = decodeText(d.content().encoding(), d.content().message());
            Optional<Long> id = store.addInbox(hash, sigHash(d.content().signature()), "broadcast",
                    MailAgent.BROADCAST_TO, a.encode(), text.subject(), text.body(), d.content().encoding(),
                    core.now());
            id.ifPresent(n -> core.emit("broadcast received", "from " + a + ": \"" + text.subject() + "\" (inbox #"
                    + n + ")", null));
            return;
        }
    }

    /**
     * A subscription added after its broadcasts arrived: look through the broadcasts the node
     * still holds (by tag for v5) once, so they reach the inbox too. Duplicates are dropped by
     * the inbox (signature hash).
     */
    void scanForNewSubscriptions() {
        synchronized (core) {
            for (MailStore.Subscription s : store.subscriptions()) {
                String key = MailStore.scannedKey(s.address());
                long pending = store.state(key, 1);
                if (pending >= 0) {
                    continue;
                }
                long upTo = -1 - pending; // objects after this one are polled with the subscription in place
                Address a = s.address();
                byte[] tag = a.broadcastObjectVersion() == 5 ? a.tag() : null;
                long after = 0;
                while (true) {
                    List<NodeLink.Stored> l;
                    try {
                        l = core.link.objects(BitmessageObject.TYPE_BROADCAST, tag, after, MailSender.BATCH, 0);
                    } catch (RuntimeException e) {
                        return; // node not reachable now: the next tick tries again
                    }
                    boolean past = false;
                    for (NodeLink.Stored st : l) {
                        if (st.seq() > upTo) {
                            past = true;
                            break;
                        }
                        try {
                            BitmessageObject o = BitmessageObject.read(st.raw());
                            if (o.objectType() == BitmessageObject.TYPE_BROADCAST) {
                                receiveBroadcast(o, st.hash());
                            }
                        } catch (RuntimeException e) {
                            core.countSkipped();
                        }
                    }
                    if (past || l.size() < MailSender.BATCH) {
                        break;
                    }
                    after = l.getLast().seq();
                }
                store.setState(key, 1);
            }
        }
    }

    private void answerGetpubkey(BitmessageObject o) {
        if (o.length() > MAX_GETPUBKEY_LENGTH || o.version() < 2 || o.version() > 4) {
            return;
        }
        byte[] payload = o.objectPayload();
        for (Identity id : core.identities()) {
            Address a = id.address();
            if (id.chan() || !id.enabled() || a.version() != o.version() || a.stream() != o.stream()) {
                continue;
            }
            boolean match = a.version() >= 4 ? payload.length >= 32 && Arrays.equals(Arrays.copyOf(payload, 32), a.tag())
                    : payload.length >= 20 && Arrays.equals(Arrays.copyOf(payload, 20), a.ripe());
            if (!match) {
                continue;
            }
            // brief 11.1: not again while the last pubkey we published is still alive (28 days by default)
            long last = store.lastPublished(a);
            if (last > 0 && last + core.settings.pubkeyTtl() > core.now()) {
                core.emit("getpubkey ignored", "for " + a + ": pubkey published recently", null);
                return;
            }
            core.emit("getpubkey received", "for " + a, null);
            core.later("publish " + a.encode(), () -> {
                long published = store.lastPublished(a); // a second getpubkey in the same batch asks again
                if (published <= 0 || published + core.settings.pubkeyTtl() <= core.now()) {
                    sender.publishPubkey(id);
                }
            });
            return;
        }
    }

    private void receivePubkey(BitmessageObject o) {
        if (o.version() < 2 || o.version() > 4) {
            return;
        }
        for (Address a : awaitedAddresses()) {
            if (a.version() != o.version() || a.stream() != o.stream()) {
                continue;
            }
            if (a.version() >= 4) {
                byte[] p = o.objectPayload();
                if (p.length < 32 || !Arrays.equals(Arrays.copyOf(p, 32), a.tag())) {
                    continue;
                }
            }
            try {
                if (sender.pubkeyFrom(o, a).isPresent()) {
                    core.emit("pubkey received", "for " + a, null);
                    deliverAwaiting(a);
                    return;
                }
            } catch (ProtocolException e) {
                // not a valid pubkey of this address
            }
        }
        if (o.version() <= 3) {
            // cleartext pubkeys are cached even when nobody waits for them
            try {
                ObjectCrypto.DecryptedPubkey d = ObjectCrypto.readPubkey(o);
                if (d.signatureValid()) {
                    cachePubkey(d.address(), d.content().keys(), "pubkey");
                }
            } catch (ProtocolException | IllegalArgumentException e) {
                // ignore
            }
        }
    }

    private List<Address> awaitedAddresses() {
        List<Address> out = new ArrayList<>();
        for (MailStore.SentEntry e : store.sentWithStatus(MailStore.AWAITING_PUBKEY)) {
            try {
                Address a = Address.decode(e.to());
                if (!out.contains(a)) {
                    out.add(a);
                }
            } catch (ProtocolException e2) {
                // unreachable: addresses are checked when queued
            }
        }
        return out;
    }

    /** The messages waiting for {@code a}'s pubkey go out once this poll has released its locks. */
    private void deliverAwaiting(Address a) {
        core.later("deliver " + a.encode(), () -> sender.deliverAwaiting(a));
    }

    private void cachePubkey(Address a, SenderKeys k, String source) {
        if (core.own(a).isPresent()) {
            return;
        }
        boolean known = store.pubkey(a).isPresent();
        store.putPubkey(new MailStore.Pubkey(a, k.bitfield(), k.signingKey(), k.encryptionKey(),
                MailSender.difficulty(k.nonceTrialsPerByte()), MailSender.difficulty(k.payloadLengthExtraBytes()),
                source, core.now()));
        if (!known) {
            deliverAwaiting(a);
        }
    }

    private static MessageEncoding.Text decodeText(long encoding, byte[] message) {
        try {
            return MessageEncoding.decode(encoding, message);
        } catch (UnsupportedOperationException e) {
            return new MessageEncoding.Text("", "(message in " + MessageEncoding.name(encoding)
                    + " encoding, not shown; " + message.length + " bytes)");
        } catch (ProtocolException e) {
            // PyBitmessage too keeps such a message and shows an error in place of its text
            return new MessageEncoding.Text("", "(could not decode the " + MessageEncoding.name(encoding)
                    + " message: " + e.getMessage() + ")");
        }
    }

    /** dsha512(signature)[32:64]: PyBitmessage's duplicate key. */
    static byte[] sigHash(byte[] signature) {
        return Arrays.copyOfRange(Hashes.dsha512(signature), 32, 64);
    }
}
