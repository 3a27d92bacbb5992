package dev.bmtool.mail;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.crypto.Ecies;
import dev.bmtool.core.crypto.Hashes;
import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.message.Bitfield;
import dev.bmtool.core.message.MessageEncoding;
import dev.bmtool.core.message.MsgContent;
import dev.bmtool.core.message.ObjectCrypto;
import dev.bmtool.core.message.SenderKeys;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.core.wire.ObjectMessage;
import dev.bmtool.core.wire.Packet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Sends and receives person-to-person messages through a node (protocol brief 11-13).
 *
 * <p>Sending: find the recipient's pubkey (cache, the node's stored pubkey objects, else a
 * getpubkey and wait), build the ack object with its own PoW, sign, encrypt, PoW with the
 * recipient's difficulty, submit; resend with a doubled TTL when no ack came after TTL*1.1.
 * Receiving ({@link #poll}): every object the node stored since the last call is matched against
 * our identities and subscriptions; nothing in an object can stop the agent or touch stored
 * messages (failures are counted and skipped). Methods are synchronized, but no proof of work
 * runs under the agent's lock: {@link #work} releases it while the {@link PowService} searches
 * (a monitor wait), and work that receiving triggers (answering a getpubkey, sending to a pubkey
 * that just arrived, the timers) is run by {@link #poll} after it has released its own locks. So
 * receiving, the API and other commands go on while a nonce is searched.
 */
public final class MailAgent implements AutoCloseable {
    /** To-address PyBitmessage shows for received broadcasts. */
    public static final String BROADCAST_TO = "[Broadcast subscribers]";
    private static final String SEQ_KEY = MailStore.POLL_CURSOR_KEY;
    private static final int BATCH = 200;
    /** Largest getpubkey PyBitmessage answers. */
    private static final int MAX_GETPUBKEY_LENGTH = 200;
    private static final int MAX_ACK_CANDIDATE = 2000;

    /** Steps reported to a {@link Listener}. */
    public record Event(String step, String detail, String engine, Duration pow) {
    }

    /** Receives progress events (demo output, --verbose). */
    public interface Listener {
        void event(Event e);

        Listener NONE = e -> {
        };
    }

    private final IdentityStore identityStore;
    private final MailStore store;
    private final NodeLink link;
    private final PowService pow;
    private final MailSettings settings;
    private final Listener listener;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private final ReentrantLock pollLock = new ReentrantLock();
    private List<Identity> identities = List.of();
    private KeysDatSettings keysDatSettings = KeysDatSettings.DEFAULT;
    private FileTime identitiesTime;
    private long skipped;
    /** Work with proof of work that receiving asked for; {@link #poll} runs it after releasing its locks. */
    private final java.util.LinkedHashMap<String, Runnable> deferred = new java.util.LinkedHashMap<>();
    private volatile boolean closed;
    private Thread loop;

    public MailAgent(Path dataDir, MailStore store, NodeLink link, PowService pow, MailSettings settings,
            Listener listener, LongSupplier clock) {
        this.identityStore = new IdentityStore(dataDir);
        this.store = store;
        this.link = link;
        this.pow = pow;
        this.settings = settings;
        this.listener = listener == null ? Listener.NONE : listener;
        this.clock = clock;
    }

    public static long systemClock() {
        return System.currentTimeMillis() / 1000;
    }

    public MailStore store() {
        return store;
    }

    public MailSettings settings() {
        return settings;
    }

    /** Objects that could not be processed (malformed, failed checks), since start. */
    public synchronized long skipped() {
        return skipped;
    }

    /** Our identities from keys.dat, re-read when the file changed. */
    public synchronized List<Identity> identities() {
        Path f = identityStore.file();
        try {
            FileTime t = Files.exists(f) ? Files.getLastModifiedTime(f) : FileTime.fromMillis(0);
            if (!t.equals(identitiesTime)) {
                KeysDat k = identityStore.load();
                identities = k.identities().identities();
                keysDatSettings = KeysDatSettings.of(k.section(KeysDat.SETTINGS_SECTION));
                identitiesTime = t;
            }
        } catch (IOException | RuntimeException e) {
            // keep the identities we had; a half-written keys.dat is replaced atomically anyway
        }
        return identities;
    }

    /** keys.dat's settings as of now (re-read with the identities when the file changed). */
    private synchronized KeysDatSettings keysDatSettings() {
        identities();
        return keysDatSettings;
    }

    /** Why a recipient's demanded work is over our limit, or null when it is not. */
    private String tooDifficult(Recipient r) {
        DifficultyLimit limit = keysDatSettings().difficultyLimit();
        if (r.chan() || limit.allows(r.keys())) {
            return null;
        }
        return String.format(java.util.Locale.ROOT,
                "the recipient demands %s x and %s x the network minimum (nonceTrialsPerByte %d,"
                        + " payloadLengthExtraBytes %d); the limit is %d and %d (raise it with 'bmtool settings set"
                        + " maxacceptablenoncetrialsperbyte N' / maxacceptablepayloadlengthextrabytes)",
                times(r.keys().nonceTrialsPerByte(), PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE),
                times(r.keys().payloadLengthExtraBytes(), PowMath.DEFAULT_EXTRA_BYTES), r.keys().nonceTrialsPerByte(),
                r.keys().payloadLengthExtraBytes(), limit.nonceTrialsPerByte(), limit.extraBytes());
    }

    private static String times(long v, long unit) {
        return java.math.BigDecimal.valueOf(v).divide(java.math.BigDecimal.valueOf(unit)).stripTrailingZeros()
                .toPlainString();
    }

    private Optional<Identity> own(Address a) {
        return identities().stream().filter(i -> i.address().equals(a)).findFirst();
    }

    private long now() {
        return clock.getAsLong();
    }

    private long jitter(long ttl) {
        if (!settings.jitter() || ttl < 3600) {
            return ttl;
        }
        return Math.min(MailSettings.MAX_TTL, ttl + random.nextInt(601) - 300);
    }

    private void emit(String step, String detail, PowService.Solved d) {
        listener.event(new Event(step, detail, d == null ? null : d.engine(), d == null ? null : d.elapsed()));
    }

    // ============================================================= sending

    /**
     * Queues a message and tries to deliver it now (does the PoW when the pubkey is known).
     *
     * @return the sent-table id
     */
    public synchronized long send(Address from, Address to, String subject, String body, long ttl) {
        return send(from, to, subject, body, ttl, MessageEncoding.SIMPLE);
    }

    /**
     * {@link #send(Address, Address, String, String, long)} in a chosen message encoding:
     * {@link MessageEncoding#SIMPLE} (what PyBitmessage sends) or {@link MessageEncoding#EXTENDED}
     * (zlib + msgpack; PyBitmessage reads it when it has msgpack).
     */
    public synchronized long send(Address from, Address to, String subject, String body, long ttl, long encoding) {
        long rowId = queue(from, to, subject, body, ttl, encoding);
        deliver(rowId);
        return rowId;
    }

    /**
     * Queues a message without trying to deliver it: the agent of the node running for the data
     * dir (or the next one started) does the rest ({@code bmtool sendmail} hands over this way).
     * Checks the sender, the TTL and the size first.
     *
     * @return the sent-table id
     */
    public synchronized long queue(Address from, Address to, String subject, String body, long ttl, long encoding) {
        Identity id = own(from).orElseThrow(() -> new IllegalArgumentException(from + " is not one of your identities"));
        if (!id.enabled()) {
            throw new IllegalArgumentException(from + " is disabled");
        }
        checkTtl(ttl);
        checkSize(encodeText(encoding, subject, body));
        byte[] ack = newAckData(to.stream());
        return store.addSent(ack, "msg", from.encode(), to.encode(), subject, body, ttl,
                MailStore.AWAITING_PUBKEY, now(), encoding);
    }

    /**
     * The ack object's payload after nonce and expiresTime, at PyBitmessage's {@code ackstealthlevel}
     * (keys.dat): 0 a msg-typed object with 32 random bytes; 1 a v4 getpubkey with a random tag;
     * 2 a msg-typed object holding an ECIES blob of 234..800 random bytes for a throw-away key,
     * indistinguishable from a real msg. Recognised by its bytes either way.
     */
    private byte[] newAckData(long stream) {
        return AckData.generate(keysDatSettings().ackStealthLevel(), stream, random);
    }

    /** Sends a broadcast from one of our identities (PoW at network minimum); returns its sent-table id. */
    public synchronized long broadcast(Address from, String subject, String body, long ttl) {
        return broadcast(from, subject, body, ttl, MessageEncoding.SIMPLE);
    }

    /** {@link #broadcast(Address, String, String, long)} in SIMPLE or EXTENDED encoding. */
    public synchronized long broadcast(Address from, String subject, String body, long ttl, long encoding) {
        Identity id = own(from).orElseThrow(() -> new IllegalArgumentException(from + " is not one of your identities"));
        checkTtl(ttl);
        byte[] text = encodeText(encoding, subject, body);
        checkSize(text);
        // ackdata shaped as PyBitmessage's (38+ bytes), so the API's getStatus finds broadcasts too
        long rowId = store.addSent(newAckData(from.stream()), "broadcast", from.encode(), BROADCAST_TO, subject, body,
                ttl, MailStore.DOING_BROADCAST_POW, now(), encoding);
        sendBroadcast(id, rowId, encoding, text, ttl);
        return rowId;
    }

    private void sendBroadcast(Identity id, long rowId, long encoding, byte[] text, long ttl) {
        long expires = now() + jitter(ttl);
        BitmessageObject o = ObjectCrypto.encryptBroadcast(id, encoding, text, expires);
        PowService.Solved d = work(o, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE, PowMath.DEFAULT_EXTRA_BYTES);
        String hash = link.submit(d.object().write());
        store.markSent(rowId, MailStore.BROADCAST_SENT, Hex.decode(hash), ttl, 0, now(), 0, d.engine());
        emit("broadcast sent", id.address() + " (" + d.object().length() + " bytes)", d);
    }

    /** A broadcast queued by another face (the PyBitmessage API): PoW and send it now. */
    private void sendQueuedBroadcast(MailStore.SentEntry e) {
        if (!store.transition(e.id(), MailStore.BROADCAST_QUEUED, MailStore.DOING_BROADCAST_POW, now())) {
            return; // another process took it
        }
        try {
            Identity id = own(Address.decode(e.from())).orElseThrow(
                    () -> new IllegalStateException("identity " + e.from() + " is no longer in keys.dat"));
            sendBroadcast(id, e.id(), e.encoding(), encodeText(e.encoding(), e.subject(), e.body()), e.ttl());
        } catch (RuntimeException ex) {
            store.setStatus(e.id(), MailStore.BROADCAST_QUEUED, "send failed: " + ex.getMessage(), now());
            throw ex;
        }
    }

    private static void checkTtl(long ttl) {
        if (ttl < MailSettings.MIN_TTL || ttl > MailSettings.MAX_TTL) {
            throw new IllegalArgumentException("TTL must be " + MailSettings.MIN_TTL + ".." + MailSettings.MAX_TTL
                    + " seconds");
        }
    }

    private static void checkSize(byte[] encodedText) {
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
            return dev.bmtool.core.message.ExtendedEncoding.encode(subject, body);
        }
        throw new IllegalArgumentException("can send encoding 2 (simple) or 3 (extended), not " + encoding);
    }

    /** Tries to move one queued message on: pubkey lookup, getpubkey, or the msg itself. */
    private void deliver(long rowId) {
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
                if (store.transition(rowId, was, MailStore.TOO_DIFFICULT, now())) {
                    store.setStatus(rowId, MailStore.TOO_DIFFICULT, why, now());
                }
                emit("too difficult", "message " + rowId + " to " + e.to() + ": " + why, null);
                return;
            }
            if (store.transition(rowId, was, MailStore.DOING_MSG_POW, now())) {
                sendMsg(store.sentEntry(rowId).orElseThrow(), r.get(), e.ttl(), e.retries());
            }
            return;
        }
        if (was == MailStore.MSG_QUEUED) {
            // PyBitmessage's steps: doingpubkeypow while the getpubkey's PoW runs, then awaitingpubkey
            if (!store.transition(rowId, was, MailStore.DOING_PUBKEY_POW, now())) {
                return;
            }
            try {
                requestPubkey(to);
            } catch (RuntimeException ex) {
                store.transition(rowId, MailStore.DOING_PUBKEY_POW, MailStore.MSG_QUEUED, now());
                throw ex;
            }
            store.transition(rowId, MailStore.DOING_PUBKEY_POW, MailStore.AWAITING_PUBKEY, now());
            return;
        }
        requestPubkey(to);
    }

    /** Where a msg goes: encryption key, difficulty, whether an ack is expected. */
    private record Recipient(SenderKeys keys, boolean wantsAck, boolean chan) {
    }

    private Optional<Recipient> recipient(Address to) {
        Optional<Identity> mine = own(to);
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
                ? link.objects(BitmessageObject.TYPE_PUBKEY, a.tag(), 0, BATCH, 0)
                : link.objects(BitmessageObject.TYPE_PUBKEY, null, 0, 10_000, 0);
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
    private Optional<MailStore.Pubkey> pubkeyFrom(BitmessageObject o, Address a) {
        if (o.version() != a.version() || o.stream() != a.stream()) {
            return Optional.empty();
        }
        ObjectCrypto.DecryptedPubkey d = ObjectCrypto.decryptPubkey(o, a);
        if (!d.signatureValid() || !d.addressMatches()) {
            return Optional.empty();
        }
        SenderKeys k = d.content().keys();
        MailStore.Pubkey p = new MailStore.Pubkey(a, k.bitfield(), k.signingKey(), k.encryptionKey(),
                difficulty(k.nonceTrialsPerByte()), difficulty(k.payloadLengthExtraBytes()), "pubkey", now());
        store.putPubkey(p);
        return Optional.of(p);
    }

    private static long difficulty(long v) {
        return Math.max(v, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE);
    }

    /** Sends a getpubkey for {@code to} unless one is still alive (retry with doubled TTL). */
    private void requestPubkey(Address to) {
        String key = "getpubkey." + to.encode();
        long next = store.state(key + ".next", 0);
        if (next > now()) {
            return;
        }
        int tries = (int) store.state(key + ".tries", 0);
        long ttl = Math.min(MailSettings.MAX_TTL, settings.getpubkeyTtl() << Math.min(tries, 10));
        byte[] payload = to.version() >= 4 ? to.tag() : to.ripe();
        BitmessageObject o = BitmessageObject.of(0, now() + jitter(ttl), BitmessageObject.TYPE_GETPUBKEY, to.version(),
                to.stream(), payload);
        // reserve before the PoW, so another process sharing mail.db does not send a second one meanwhile
        store.setState(key + ".next", now() + ttl);
        PowService.Solved d;
        try {
            d = work(o, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE, PowMath.DEFAULT_EXTRA_BYTES);
            link.submit(d.object().write());
        } catch (RuntimeException e) {
            store.setState(key + ".next", 0);
            throw e;
        }
        store.setState(key + ".tries", tries + 1);
        emit("getpubkey sent", "for " + to, d);
    }

    /** Builds, signs, encrypts and submits the msg of one sent entry (status already doingmsgpow). */
    private void sendMsg(MailStore.SentEntry e, Recipient r, long ttl, int retries) {
        try {
            Identity from = own(Address.decode(e.from())).orElseThrow(
                    () -> new IllegalStateException("identity " + e.from() + " is no longer in keys.dat"));
            Address to = Address.decode(e.to());
            long expires = now() + jitter(ttl);
            byte[] ackPacket = new byte[0];
            if (r.wantsAck()) {
                PowService.Solved ack = makeAck(e.ackData(), ttl);
                ackPacket = Packet.of(ObjectMessage.COMMAND, ack.object().write()).write();
                emit("ack object prepared", "TTL bucket " + MailSettings.ackTtl(ttl) / 3600 + " h", ack);
            }
            MsgContent c = MsgContent.of(from.address().version(), from.address().stream(), ObjectCrypto.senderKeys(from),
                    to.ripe(), e.encoding(), encodeText(e.encoding(), e.subject(), e.body()), ackPacket);
            BitmessageObject o = ObjectCrypto.encryptMsg(c, from.signingKey(), r.keys().encryptionKey(), expires,
                    to.stream());
            PowService.Solved d = work(o, r.keys().nonceTrialsPerByte(), r.keys().payloadLengthExtraBytes());
            String hash = link.submit(d.object().write());
            MessageStatus status = r.wantsAck() ? MailStore.MSG_SENT : MailStore.MSG_SENT_NO_ACK;
            long nextTry = r.wantsAck() ? now() + ttl + ttl / 10 : 0;
            store.markSent(e.id(), status, Hex.decode(hash), ttl, retries, now(), nextTry, d.engine());
            emit("msg sent", e.from() + " -> " + e.to() + (r.chan() ? " (chan)" : "") + ", " + d.object().length()
                    + " bytes, TTL " + ttl + " s", d);
        } catch (RuntimeException ex) {
            // leave it resumable: back to awaitingpubkey so the next tick tries again
            store.setStatus(e.id(), MailStore.AWAITING_PUBKEY, "send failed: " + ex.getMessage(), now());
            throw ex;
        }
    }

    /** The ack object: nonce || expiresTime || ackdata, PoW at network minimum, TTL bucket of the msg TTL. */
    private PowService.Solved makeAck(byte[] ackData, long msgTtl) {
        long expires = now() + jitter(MailSettings.ackTtl(msgTtl));
        byte[] raw = new ByteWriter(16 + ackData.length).writeInt64(0).writeInt64(expires).writeBytes(ackData)
                .toByteArray();
        return work(BitmessageObject.read(raw), PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE,
                PowMath.DEFAULT_EXTRA_BYTES);
    }

    /** Publishes the pubkey of an own (non-chan) identity: v4 encrypted or v3 signed, network minimum PoW. */
    public synchronized String publishPubkey(Identity id) {
        if (id.chan()) {
            throw new IllegalArgumentException("chans never publish a pubkey");
        }
        long expires = now() + jitter(settings.pubkeyTtl());
        BitmessageObject o = id.address().version() >= 4 ? ObjectCrypto.encryptPubkey(id, expires)
                : ObjectCrypto.signPubkeyV3(id, expires);
        PowService.Solved d = work(o, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE, PowMath.DEFAULT_EXTRA_BYTES);
        String hash = link.submit(d.object().write());
        store.setPublished(id.address(), now());
        emit("pubkey published", id.address() + " (v" + id.address().version() + ", " + d.object().length()
                + " bytes)", d);
        return hash;
    }

    // =========================================================== receiving

    /**
     * Processes the objects the node stored since the last call (waiting up to {@code waitMillis}
     * for new ones), then runs the timers. Returns how many objects were looked at.
     */
    public int poll(long waitMillis) {
        int n;
        pollLock.lock(); // one poll at a time (the loop and a command's catch-up), so no object is handled twice
        try {
            n = pollLocked(waitMillis);
        } finally {
            pollLock.unlock();
        }
        runDeferred(); // the proof of work receiving asked for, with no lock held
        return n;
    }

    private int pollLocked(long waitMillis) {
        long seq;
        synchronized (this) {
            seq = store.state(SEQ_KEY, 0);
        }
        // wait outside the lock, so send() is not blocked by an idle long-poll
        List<NodeLink.Stored> batch = link.objects(null, null, seq, BATCH, waitMillis);
        synchronized (this) {
            for (NodeLink.Stored s : batch) {
                try {
                    handle(s.raw(), s.hash());
                } catch (RuntimeException e) {
                    // malformed or hostile objects, or a failed PoW/submit: count, never stop
                    skipped++;
                    listener.event(new Event("skipped", Hex.encode(s.hash()) + ": " + e.getMessage(), null, null));
                }
            }
            if (!batch.isEmpty()) {
                // once per batch; after a crash a few objects are seen again, which is harmless
                // (inbox de-duplicates by sigHash, acks and pubkey answers are idempotent)
                store.setState(SEQ_KEY, batch.getLast().seq());
            }
            later("tick", this::tick);
            return batch.size();
        }
    }

    /** Queues work with proof of work for {@link #poll} to run once its locks are released; one per key. */
    private void later(String key, Runnable task) {
        deferred.putIfAbsent(key, task);
    }

    /** Runs the queued work, each task under the agent's lock (which {@link #work} releases during PoW). */
    private void runDeferred() {
        while (!closed) {
            Runnable task;
            synchronized (this) {
                var it = deferred.values().iterator();
                if (!it.hasNext()) {
                    return;
                }
                task = it.next();
                it.remove();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    skip(e.getMessage() == null ? e.toString() : e.getMessage());
                }
            }
        }
    }

    /**
     * Proof of work for {@code o} with the agent's lock released while it runs: the search goes
     * to the service's own thread and this thread waits on the agent's monitor, which lets
     * receiving, the API and other commands in; the lock is held again on return. Interrupting
     * the waiting thread cancels the search.
     */
    private PowService.Solved work(BitmessageObject o, long nonceTrialsPerByte, long extraBytes) {
        long ttl = Math.max(0, o.expiresTime() - now());
        if (!Thread.holdsLock(this)) {
            throw new IllegalStateException("work() needs the agent's lock");
        }
        AtomicBoolean cancel = new AtomicBoolean();
        CompletableFuture<PowService.Solved> f = pow.solveObjectAsync(o, ttl, nonceTrialsPerByte, extraBytes,
                () -> cancel.get() || closed);
        f.whenComplete((r, e) -> {
            synchronized (this) {
                notifyAll();
            }
        });
        boolean interrupted = false;
        while (!f.isDone()) {
            try {
                wait(); // releases the agent's lock until the search ends
            } catch (InterruptedException e) {
                interrupted = true;
                cancel.set(true);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** Processes one object: ack match, then by type. */
    synchronized void handle(byte[] raw, byte[] hash) {
        if (raw.length > 16 && raw.length - 16 <= MAX_ACK_CANDIDATE) {
            byte[] candidate = Arrays.copyOfRange(raw, 16, raw.length);
            Optional<MailStore.SentEntry> e = store.sentByAck(candidate); // a read: no write per object
            if (e.isPresent() && store.ackReceived(candidate, now())) {
                emit("ack received", "for message " + e.get().id() + " to " + e.get().to(), null);
                return;
            }
        }
        BitmessageObject o;
        try {
            o = BitmessageObject.read(raw);
        } catch (ProtocolException e) {
            skipped++;
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

    private void receiveMsg(BitmessageObject o, byte[] hash) {
        ObjectCrypto.DecryptedMsg got = null;
        Identity to = null;
        for (Identity id : identities()) {
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
            skip("msg with a bad signature");
            return;
        }
        if (!got.isFor(to.address().ripe())) {
            skip("msg whose destination ripe is not " + to.address() + " (surreptitious forwarding)");
            return;
        }
        if (!to.chan() && (to.nonceTrialsPerByte() > PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE
                || to.payloadLengthExtraBytes() > PowMath.DEFAULT_EXTRA_BYTES)) {
            long target = PowMath.verifierTarget(o.length(), o.expiresTime() - now(), to.nonceTrialsPerByte(),
                    to.payloadLengthExtraBytes());
            if (Long.compareUnsigned(o.trialValue(), target) > 0) {
                skip("msg with less PoW than " + to.address() + " demands");
                return;
            }
        }
        MsgContent c = got.content();
        cachePubkey(got.sender(), c.sender(), "msg");
        String blocked = blockedBy(got.sender());
        if (blocked != null) {
            // PyBitmessage: not shown and not acknowledged
            skip("msg from " + got.sender() + " ignored: " + blocked);
            return;
        }
        if (c.encoding() == MessageEncoding.IGNORE) {
            return;
        }
        MessageEncoding.Text text = decodeText(c.encoding(), c.message());
        Optional<Long> id = store.addInbox(hash, sigHash(c.signature()), "msg", to.address().encode(),
                got.sender().encode(), text.subject(), text.body(), c.encoding(), now());
        if (id.isEmpty()) {
            return; // duplicate (same signature)
        }
        emit("msg received", got.sender() + " -> " + to.address() + ": \"" + text.subject() + "\" (inbox #" + id.get()
                + ")", null);
        byte[] ack = c.ackData();
        if (!to.chan() && to.sendsAcks() && ack.length > 0) {
            sendAck(ack);
        }
    }

    /** Why msgs from {@code sender} are ignored (black- or whitelist, as PyBitmessage), or null. */
    private String blockedBy(Address sender) {
        if (keysDatSettings().whitelistMode()) {
            return store.listed("whitelist", sender) ? null : "not in the whitelist (blackwhitelist = white)";
        }
        return store.listed("blacklist", sender) ? "in the blacklist" : null;
    }

    /** Injects the ack object embedded in a received msg: header checked (brief 12), then submitted. */
    private void sendAck(byte[] ackPacket) {
        try {
            Packet p = Packet.read(ackPacket);
            if (!p.command().equals(ObjectMessage.COMMAND)) {
                skip("ack is a '" + p.command() + "' packet, not an object");
                return;
            }
            link.submit(p.payload());
            emit("ack sent", Hex.encode(PowMath.inventoryHash(p.payload())).substring(0, 16) + "...", null);
        } catch (ProtocolException | IllegalStateException e) {
            skip("ack not sent: " + e.getMessage());
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
                skip("broadcast claiming to be from " + a + " fails its checks");
                return;
            }
            cachePubkey(d.sender(), d.content().sender(), "broadcast");
            if (d.content().encoding() == MessageEncoding.IGNORE) {
                return;
            }
            MessageEncoding.Text text = decodeText(d.content().encoding(), d.content().message());
            Optional<Long> id = store.addInbox(hash, sigHash(d.content().signature()), "broadcast", BROADCAST_TO,
                    a.encode(), text.subject(), text.body(), d.content().encoding(), now());
            id.ifPresent(n -> emit("broadcast received", "from " + a + ": \"" + text.subject() + "\" (inbox #" + n
                    + ")", null));
            return;
        }
    }

    /**
     * A subscription added after its broadcasts arrived: look through the broadcasts the node
     * still holds (by tag for v5) once, so they reach the inbox too. Duplicates are dropped by
     * the inbox (signature hash).
     */
    private void scanForNewSubscriptions() {
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
                    l = link.objects(BitmessageObject.TYPE_BROADCAST, tag, after, BATCH, 0);
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
                        skipped++;
                    }
                }
                if (past || l.size() < BATCH) {
                    break;
                }
                after = l.getLast().seq();
            }
            store.setState(key, 1);
        }
    }

    private void answerGetpubkey(BitmessageObject o) {
        if (o.length() > MAX_GETPUBKEY_LENGTH || o.version() < 2 || o.version() > 4) {
            return;
        }
        byte[] payload = o.objectPayload();
        for (Identity id : identities()) {
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
            if (last > 0 && last + settings.pubkeyTtl() > now()) {
                emit("getpubkey ignored", "for " + a + ": pubkey published recently", null);
                return;
            }
            emit("getpubkey received", "for " + a, null);
            later("publish " + a.encode(), () -> {
                long published = store.lastPublished(a); // a second getpubkey in the same batch asks again
                if (published <= 0 || published + settings.pubkeyTtl() <= now()) {
                    publishPubkey(id);
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
                if (pubkeyFrom(o, a).isPresent()) {
                    emit("pubkey received", "for " + a, null);
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

    private void deliverAwaiting(Address a) {
        later("deliver " + a.encode(), () -> deliverAwaitingNow(a));
    }

    private void deliverAwaitingNow(Address a) {
        for (MailStore.SentEntry e : store.sentWithStatus(MailStore.AWAITING_PUBKEY)) {
            if (e.to().equals(a.encode())) {
                deliver(e.id());
            }
        }
    }

    private void cachePubkey(Address a, SenderKeys k, String source) {
        if (own(a).isPresent()) {
            return;
        }
        boolean known = store.pubkey(a).isPresent();
        store.putPubkey(new MailStore.Pubkey(a, k.bitfield(), k.signingKey(), k.encryptionKey(),
                difficulty(k.nonceTrialsPerByte()), difficulty(k.payloadLengthExtraBytes()), source, now()));
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

    private void skip(String why) {
        skipped++;
        listener.event(new Event("skipped", why, null, null));
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    // ============================================================== timers

    /** Retries: getpubkey for messages still waiting, resend (TTL doubled) of unacknowledged ones. */
    public synchronized void tick() {
        long now = now();
        scanForNewSubscriptions();
        if (store.recoverAbandoned(now) > 0) {
            emit("recovered", "messages interrupted during their proof of work are queued again", null);
        }
        for (MailStore.SentEntry e : store.sentWithStatus(MailStore.TOO_DIFFICULT)) {
            // the limit may have been raised in keys.dat since (PyBitmessage retries these too)
            Optional<Recipient> r = recipient(Address.decode(e.to()));
            if (r.isPresent() && tooDifficult(r.get()) == null) {
                store.transition(e.id(), MailStore.TOO_DIFFICULT, MailStore.AWAITING_PUBKEY, now);
            }
        }
        // queued by the PyBitmessage API (it only writes mail.db; the PoW happens here)
        for (MailStore.SentEntry e : store.sentWithStatus(MailStore.MSG_QUEUED)) {
            if (e.objectMade()) {
                continue; // PoW done, waiting for a peer: the node hands it over (MailStore.queuedHandedOver)
            }
            try {
                deliver(e.id());
            } catch (RuntimeException ex) {
                skip("message " + e.id() + ": " + ex.getMessage());
            }
        }
        for (MailStore.SentEntry e : store.sentWithStatus(MailStore.BROADCAST_QUEUED)) {
            if (e.objectMade()) {
                continue; // PoW done, waiting for a peer
            }
            try {
                sendQueuedBroadcast(e);
            } catch (RuntimeException ex) {
                skip("broadcast " + e.id() + ": " + ex.getMessage());
            }
        }
        for (MailStore.SentEntry e : store.sentWithStatus(MailStore.AWAITING_PUBKEY)) {
            try {
                deliver(e.id());
            } catch (RuntimeException ex) {
                skip("message " + e.id() + ": " + ex.getMessage());
            }
        }
        List<MailStore.SentEntry> waiting = new java.util.ArrayList<>(store.sentWithStatus(MailStore.MSG_SENT));
        waiting.addAll(store.sentWithStatus(MailStore.MSG_QUEUED)); // never handed over, and now expired
        for (MailStore.SentEntry e : waiting) {
            if (e.nextTry() <= 0 || e.nextTry() > now) {
                continue;
            }
            long ttl = Math.min(MailSettings.MAX_TTL, e.ttl() * 2);
            Optional<Recipient> r = recipient(Address.decode(e.to()));
            if (r.isPresent() && store.transition(e.id(), e.status(), MailStore.DOING_MSG_POW, now)) {
                emit("resending", "message " + e.id() + " (no ack after " + (e.ttl() + e.ttl() / 10) + " s), TTL " + ttl,
                        null);
                try {
                    sendMsg(e, r.get(), ttl, e.retries() + 1);
                } catch (RuntimeException ex) {
                    skip("resend of " + e.id() + " failed: " + ex.getMessage());
                }
            }
        }
    }

    // ======================================================== background

    /** Runs {@link #poll} on a daemon thread until {@link #close()}. */
    public synchronized MailAgent startLoop() {
        if (loop == null) {
            loop = Thread.ofPlatform().daemon().name("bmtool-mail").start(() -> {
                while (!closed) {
                    try {
                        poll(1000);
                    } catch (RuntimeException e) {
                        listener.event(new Event("error", String.valueOf(e.getMessage()), null, null));
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException ie) {
                            return;
                        }
                    }
                }
            });
        }
        return this;
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = loop;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
