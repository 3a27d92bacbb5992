package dev.bmtool.mail;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.message.Bitfield;
import dev.bmtool.core.message.ExtendedEncoding;
import dev.bmtool.core.message.MessageEncoding;
import dev.bmtool.core.message.MsgContent;
import dev.bmtool.core.message.ObjectCrypto;
import dev.bmtool.core.message.SenderKeys;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.core.wire.ObjectMessage;
import dev.bmtool.core.wire.Packet;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sending part of the mail agent: queueing, the recipient's pubkey (cache, the node's stored
 * pubkey objects, else a getpubkey), the ack object, signing, encryption, proof of work with the
 * recipient's difficulty, and submitting to the node. Every entry point holds the agent's lock
 * ({@link AgentCore}); the proof of work itself runs with it released ({@link AgentCore#work}).
 */
final class MailSender {
    static final int BATCH = 200;

    private final AgentCore core;
    private final MailStore store;

    MailSender(AgentCore core) {
        this.core = core;
        this.store = core.store;
    }

    /** Where a msg goes: encryption key, difficulty, whether an ack is expected. */
    record Recipient(SenderKeys keys, boolean wantsAck, boolean chan) {
    }

    long send(Address from, Address to, String subject, String body, long ttl, long encoding) {
        synchronized (core) {
            long rowId = queue(from, to, subject, body, ttl, encoding);
            deliver(rowId);
            return rowId;
        }
    }

    long queue(Address from, Address to, String subject, String body, long ttl, long encoding) {
        synchronized (core) {
            Identity id = core.own(from).orElseThrow(
                    () -> new IllegalArgumentException(from + " is not one of your identities"));
            if (!id.enabled()) {
                throw new IllegalArgumentException(from + " is disabled");
            }
            checkTtl(ttl);
            checkSize(encodeText(encoding, subject, body));
            return core.outbox.queueMsg(core.keysDatSettings().ackStealthLevel(), from, to, subject, body, ttl,
                    encoding, core.now());
        }
    }

    /**
     * The ack object's payload after nonce and expiresTime, at PyBitmessage's {@code ackstealthlevel}
     * (keys.dat): 0 a msg-typed object with 32 random bytes; 1 a v4 getpubkey with a random tag;
     * 2 a msg-typed object holding an ECIES blob of 234..800 random bytes for a throw-away key,
     * indistinguishable from a real msg. Recognised by its bytes either way.
     */
    private byte[] newAckData(long stream) {
        return core.outbox.newAckData(core.keysDatSettings().ackStealthLevel(), stream);
    }

    long broadcast(Address from, String subject, String body, long ttl, long encoding) {
        synchronized (core) {
            Identity id = core.own(from).orElseThrow(
                    () -> new IllegalArgumentException(from + " is not one of your identities"));
            checkTtl(ttl);
            byte[] text = encodeText(encoding, subject, body);
            checkSize(text);
            // ackdata shaped as PyBitmessage's (38+ bytes), so the API's getStatus finds broadcasts too
            long rowId = store.addSent(newAckData(from.stream()), "broadcast", from.encode(), MailAgent.BROADCAST_TO,
                    subject, body, ttl, MailStore.DOING_BROADCAST_POW, core.now(), encoding);
            sendBroadcast(id, rowId, encoding, text, ttl);
            return rowId;
        }
    }

    private void sendBroadcast(Identity id, long rowId, long encoding, byte[] text, long ttl) {
        long expires = core.now() + core.jitter(ttl);
        BitmessageObject o = ObjectCrypto.encryptBroadcast(id, encoding, text, expires);
        PowService.Solved d = core.work(o, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE, PowMath.DEFAULT_EXTRA_BYTES);
        String hash = core.link.submit(d.object().write());
        store.markSent(rowId, core.afterSubmit(MailStore.BROADCAST_SENT, MailStore.BROADCAST_QUEUED), Hex.decode(hash),
                ttl, 0, core.now(), 0, d.engine());
        core.emit("broadcast sent", id.address() + " (" + d.object().length() + " bytes)", d);
    }

    /** A broadcast queued by another face (the PyBitmessage API): PoW and send it now. */
    void sendQueuedBroadcast(MailStore.SentEntry e) {
        synchronized (core) {
            if (!store.transition(e.id(), MailStore.BROADCAST_QUEUED, MailStore.DOING_BROADCAST_POW, core.now())) {
                return; // another process took it
            }
            try {
                Identity id = core.own(Address.decode(e.from())).orElseThrow(
                        () -> new IllegalStateException("identity " + e.from() + " is no longer in keys.dat"));
                sendBroadcast(id, e.id(), e.encoding(), encodeText(e.encoding(), e.subject(), e.body()), e.ttl());
            } catch (RuntimeException ex) {
                store.setStatus(e.id(), MailStore.BROADCAST_QUEUED, "send failed: " + ex.getMessage(), core.now());
                throw ex;
            }
        }
    }

    static void checkTtl(long ttl) {
        if (ttl < MailSettings.MIN_TTL || ttl > MailSettings.MAX_TTL) {
            throw new IllegalArgumentException("TTL must be " + MailSettings.MIN_TTL + ".." + MailSettings.MAX_TTL
                    + " seconds");
        }
    }

    static void checkSize(byte[] encodedText) {
        if (encodedText.length > (1 << 18) - 500) {
            throw new IllegalArgumentException("message too long (encoded, subject + body must stay under 261 644"
                    + " bytes)");
        }
    }

    /** The message field in SIMPLE or EXTENDED encoding. */
    static byte[] encodeText(long encoding, String subject, String body) {
        if (encoding == MessageEncoding.SIMPLE) {
            return MessageEncoding.encodeSimple(subject, body);
        }
        if (encoding == MessageEncoding.EXTENDED) {
            return ExtendedEncoding.encode(subject, body);
        }
        throw new IllegalArgumentException("can send encoding 2 (simple) or 3 (extended), not " + encoding);
    }

    /** Tries to move one queued message on: pubkey lookup, getpubkey, or the msg itself. */
    void deliver(long rowId) {
        synchronized (core) {
            MailStore.SentEntry e = store.sentEntry(rowId).orElseThrow();
            MessageStatus was = e.status();
            if (was != MailStore.AWAITING_PUBKEY && was != MailStore.MSG_QUEUED || e.objectMade()) {
                return; // a msgqueued entry whose object exists waits for a peer, not for PoW
            }
            Address to = Address.decode(e.to());
            Optional<Recipient> r = recipient(to);
            if (r.isPresent()) {
                String why = tooDifficult(r.get());
                if (why != null) {
                    // PyBitmessage's "toodifficult": kept, and sent once the limit allows it
                    if (store.transition(rowId, was, MailStore.TOO_DIFFICULT, core.now())) {
                        store.setStatus(rowId, MailStore.TOO_DIFFICULT, why, core.now());
                    }
                    core.emit("too difficult", "message " + rowId + " to " + e.to() + ": " + why, null);
                    return;
                }
                if (store.transition(rowId, was, MailStore.DOING_MSG_POW, core.now())) {
                    sendMsg(store.sentEntry(rowId).orElseThrow(), r.get(), e.ttl(), e.retries());
                }
                return;
            }
            if (was == MailStore.MSG_QUEUED) {
                // PyBitmessage's steps: doingpubkeypow while the getpubkey's PoW runs, then awaitingpubkey
                if (!store.transition(rowId, was, MailStore.DOING_PUBKEY_POW, core.now())) {
                    return;
                }
                try {
                    requestPubkey(to);
                } catch (RuntimeException ex) {
                    store.transition(rowId, MailStore.DOING_PUBKEY_POW, MailStore.MSG_QUEUED, core.now());
                    throw ex;
                }
                store.transition(rowId, MailStore.DOING_PUBKEY_POW, MailStore.AWAITING_PUBKEY, core.now());
                return;
            }
            requestPubkey(to);
        }
    }

    /** Sends every message waiting for {@code a}'s pubkey (it just arrived). */
    void deliverAwaiting(Address a) {
        synchronized (core) {
            for (MailStore.SentEntry e : store.sentWithStatus(MailStore.AWAITING_PUBKEY)) {
                if (e.to().equals(a.encode())) {
                    deliver(e.id());
                }
            }
        }
    }

    /** Why a recipient's demanded work is over our limit, or null when it is not. */
    String tooDifficult(Recipient r) {
        DifficultyLimit limit = core.keysDatSettings().difficultyLimit();
        if (r.chan() || limit.allows(r.keys())) {
            return null;
        }
        return String.format(Locale.ROOT,
                "the recipient demands %s x and %s x the network minimum (nonceTrialsPerByte %d,"
                        + " payloadLengthExtraBytes %d); the limit is %d and %d (raise it with 'bmtool settings set"
                        + " maxacceptablenoncetrialsperbyte N' / maxacceptablepayloadlengthextrabytes)",
                times(r.keys().nonceTrialsPerByte(), PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE),
                times(r.keys().payloadLengthExtraBytes(), PowMath.DEFAULT_EXTRA_BYTES), r.keys().nonceTrialsPerByte(),
                r.keys().payloadLengthExtraBytes(), limit.nonceTrialsPerByte(), limit.extraBytes());
    }

    private static String times(long v, long unit) {
        return BigDecimal.valueOf(v).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
    }

    Optional<Recipient> recipient(Address to) {
        Optional<Identity> mine = core.own(to);
        if (mine.isPresent()) {
            // a chan, or ourselves: encrypted to our own key, no ack (PyBitmessage omits it)
            Identity i = mine.get();
            return Optional.of(new Recipient(ObjectCrypto.senderKeys(i), false, i.chan()));
        }
        Optional<MailStore.Pubkey> p = store.pubkey(to).or(() -> findStoredPubkey(to));
        return p.map(k -> new Recipient(new SenderKeys(k.bitfield(), k.signingKey(), k.encryptionKey(),
                k.nonceTrialsPerByte(), k.payloadLengthExtraBytes()), Bitfield.doesAck(k.bitfield()), false));
    }

    /** Scans the node's stored pubkey objects for {@code a} (by tag for v4). */
    private Optional<MailStore.Pubkey> findStoredPubkey(Address a) {
        List<NodeLink.Stored> l = a.version() >= 4
                ? core.link.objects(BitmessageObject.TYPE_PUBKEY, a.tag(), 0, BATCH, 0)
                : core.link.objects(BitmessageObject.TYPE_PUBKEY, null, 0, 10_000, 0);
        for (NodeLink.Stored s : l) {
            try {
                Optional<MailStore.Pubkey> p = pubkeyFrom(BitmessageObject.read(s.raw()), a);
                if (p.isPresent()) {
                    return p;
                }
            } catch (ProtocolException | IllegalArgumentException e) {
                // not this one
            }
        }
        return Optional.empty();
    }

    /** Decrypts/reads a pubkey object for {@code a}, verifies it and caches it. */
    Optional<MailStore.Pubkey> pubkeyFrom(BitmessageObject o, Address a) {
        if (o.version() != a.version() || o.stream() != a.stream()) {
            return Optional.empty();
        }
        ObjectCrypto.DecryptedPubkey d = ObjectCrypto.decryptPubkey(o, a);
        if (!d.signatureValid() || !d.addressMatches()) {
            return Optional.empty();
        }
        SenderKeys k = d.content().keys();
        MailStore.Pubkey p = new MailStore.Pubkey(a, k.bitfield(), k.signingKey(), k.encryptionKey(),
                difficulty(k.nonceTrialsPerByte()), difficulty(k.payloadLengthExtraBytes()), "pubkey", core.now());
        store.putPubkey(p);
        return Optional.of(p);
    }

    static long difficulty(long v) {
        return Math.max(v, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE);
    }

    /** Sends a getpubkey for {@code to} unless one is still alive (retry with doubled TTL). */
    private void requestPubkey(Address to) {
        String key = "getpubkey." + to.encode();
        long next = store.state(key + ".next", 0);
        if (next > core.now()) {
            return;
        }
        int tries = (int) store.state(key + ".tries", 0);
        long ttl = Math.min(MailSettings.MAX_TTL, core.settings.getpubkeyTtl() << Math.min(tries, 10));
        byte[] payload = to.version() >= 4 ? to.tag() : to.ripe();
        BitmessageObject o = BitmessageObject.of(0, core.now() + core.jitter(ttl), BitmessageObject.TYPE_GETPUBKEY,
                to.version(), to.stream(), payload);
        // reserve before the PoW, so another process sharing mail.db does not send a second one meanwhile
        store.setState(key + ".next", core.now() + ttl);
        PowService.Solved d;
        try {
            d = core.work(o, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE, PowMath.DEFAULT_EXTRA_BYTES);
            core.link.submit(d.object().write());
        } catch (RuntimeException e) {
            store.setState(key + ".next", 0);
            throw e;
        }
        store.setState(key + ".tries", tries + 1);
        core.emit("getpubkey sent", "for " + to, d);
    }

    /** Builds, signs, encrypts and submits the msg of one sent entry (status already doingmsgpow). */
    void sendMsg(MailStore.SentEntry e, Recipient r, long ttl, int retries) {
        synchronized (core) {
            try {
                Identity from = core.own(Address.decode(e.from())).orElseThrow(
                        () -> new IllegalStateException("identity " + e.from() + " is no longer in keys.dat"));
                Address to = Address.decode(e.to());
                long expires = core.now() + core.jitter(ttl);
                byte[] ackPacket = new byte[0];
                if (r.wantsAck()) {
                    PowService.Solved ack = makeAck(e.ackData(), ttl);
                    ackPacket = Packet.of(ObjectMessage.COMMAND, ack.object().write()).write();
                    core.emit("ack object prepared", "TTL bucket " + MailSettings.ackTtl(ttl) / 3600 + " h", ack);
                }
                MsgContent c = MsgContent.of(from.address().version(), from.address().stream(),
                        ObjectCrypto.senderKeys(from), to.ripe(), e.encoding(),
                        encodeText(e.encoding(), e.subject(), e.body()), ackPacket);
                BitmessageObject o = ObjectCrypto.encryptMsg(c, from.signingKey(), r.keys().encryptionKey(), expires,
                        to.stream());
                PowService.Solved d = core.work(o, r.keys().nonceTrialsPerByte(), r.keys().payloadLengthExtraBytes());
                String hash = core.link.submit(d.object().write());
                MessageStatus status = core.afterSubmit(r.wantsAck() ? MailStore.MSG_SENT : MailStore.MSG_SENT_NO_ACK,
                        MailStore.MSG_QUEUED); // queued: next_try tells queuedHandedOver whether an ack is awaited
                long nextTry = r.wantsAck() ? core.now() + ttl + ttl / 10 : 0;
                store.markSent(e.id(), status, Hex.decode(hash), ttl, retries, core.now(), nextTry, d.engine());
                core.emit("msg sent", e.from() + " -> " + e.to() + (r.chan() ? " (chan)" : "") + ", "
                        + d.object().length() + " bytes, TTL " + ttl + " s", d);
            } catch (RuntimeException ex) {
                // leave it resumable: back to awaitingpubkey so the next tick tries again
                store.setStatus(e.id(), MailStore.AWAITING_PUBKEY, "send failed: " + ex.getMessage(), core.now());
                throw ex;
            }
        }
    }

    /** The ack object: nonce || expiresTime || ackdata, PoW at network minimum, TTL bucket of the msg TTL. */
    private PowService.Solved makeAck(byte[] ackData, long msgTtl) {
        long expires = core.now() + core.jitter(MailSettings.ackTtl(msgTtl));
        byte[] raw = new ByteWriter(16 + ackData.length).writeInt64(0).writeInt64(expires).writeBytes(ackData)
                .toByteArray();
        return core.work(BitmessageObject.read(raw), PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE,
                PowMath.DEFAULT_EXTRA_BYTES);
    }

    /** Publishes the pubkey of an own (non-chan) identity: v4 encrypted or v3 signed, network minimum PoW. */
    String publishPubkey(Identity id) {
        synchronized (core) {
            if (id.chan()) {
                throw new IllegalArgumentException("chans never publish a pubkey");
            }
            long expires = core.now() + core.jitter(core.settings.pubkeyTtl());
            BitmessageObject o = id.address().version() >= 4 ? ObjectCrypto.encryptPubkey(id, expires)
                    : ObjectCrypto.signPubkeyV3(id, expires);
            PowService.Solved d = core.work(o, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE, PowMath.DEFAULT_EXTRA_BYTES);
            String hash = core.link.submit(d.object().write());
            store.setPublished(id.address(), core.now());
            core.emit("pubkey published", id.address() + " (v" + id.address().version() + ", "
                    + d.object().length() + " bytes)", d);
            return hash;
        }
    }
}
