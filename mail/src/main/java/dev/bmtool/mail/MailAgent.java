package dev.bmtool.mail;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.message.MessageEncoding;
import dev.bmtool.core.pow.service.PowService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Sends and receives person-to-person messages through a node (protocol brief 11-13): a small
 * facade over its three parts, split by job, that share one {@link AgentCore}.
 *
 * <ul>
 * <li>{@link MailSender}: find the recipient's pubkey (cache, the node's stored pubkey objects,
 * else a getpubkey and wait), build the ack object with its own PoW, sign, encrypt, PoW with the
 * recipient's difficulty, submit.</li>
 * <li>{@link MailReceiver} ({@link #poll}): every object the node stored since the last call is
 * matched against our identities and subscriptions; nothing in an object can stop the agent or
 * touch stored messages (failures are counted and skipped).</li>
 * <li>{@link MailTimers} ({@link #tick}): resends with a doubled TTL when no ack came after
 * TTL*1.1, messages interrupted during their PoW, too-difficult retries, and what the
 * PyBitmessage API queued.</li>
 * </ul>
 *
 * <p>The parts share one lock, but no proof of work runs under it: {@link AgentCore#work}
 * releases it while the {@link PowService} searches (a monitor wait), and work that receiving
 * triggers (answering a getpubkey, sending to a pubkey that just arrived, the timers) is run by
 * {@link #poll} after it has released its own locks. So receiving, the API and other commands go
 * on while a nonce is searched.
 */
public final class MailAgent implements AutoCloseable {
    /** To-address PyBitmessage shows for received broadcasts. */
    public static final String BROADCAST_TO = "[Broadcast subscribers]";

    /** Steps reported to a {@link Listener}. */
    public record Event(String step, String detail, String engine, Duration pow) {
    }

    /** Receives progress events (demo output, --verbose). */
    public interface Listener {
        void event(Event e);

        Listener NONE = e -> {
        };
    }

    private final AgentCore core;
    private final MailSender sender;
    private final MailReceiver receiver;
    private final MailTimers timers;
    private Thread loop;

    public MailAgent(Path dataDir, MailStore store, NodeLink link, PowService pow, MailSettings settings,
            Listener listener, LongSupplier clock) {
        this.core = new AgentCore(dataDir, store, link, pow, settings, listener, clock);
        this.sender = new MailSender(core);
        this.timers = new MailTimers(core, sender);
        this.receiver = new MailReceiver(core, sender, timers);
        timers.receiver(receiver);
    }

    public static long systemClock() {
        return System.currentTimeMillis() / 1000;
    }

    public MailStore store() {
        return core.store;
    }

    public MailSettings settings() {
        return core.settings;
    }

    /** Objects that could not be processed (malformed, failed checks), since start. */
    public long skipped() {
        return core.skipped();
    }

    /** Our identities from keys.dat, re-read when the file changed. */
    public List<Identity> identities() {
        return core.identities();
    }

    // ============================================================= sending

    /**
     * Queues a message and tries to deliver it now (does the PoW when the pubkey is known).
     *
     * @return the sent-table id
     */
    public long send(Address from, Address to, String subject, String body, long ttl) {
        return send(from, to, subject, body, ttl, MessageEncoding.SIMPLE);
    }

    /**
     * {@link #send(Address, Address, String, String, long)} in a chosen message encoding:
     * {@link MessageEncoding#SIMPLE} (what PyBitmessage sends) or {@link MessageEncoding#EXTENDED}
     * (zlib + msgpack; PyBitmessage reads it when it has msgpack).
     */
    public long send(Address from, Address to, String subject, String body, long ttl, long encoding) {
        return sender.send(from, to, subject, body, ttl, encoding);
    }

    /**
     * Queues a message without trying to deliver it: the agent of the node running for the data
     * dir (or the next one started) does the rest ({@code bmtool sendmail} hands over this way).
     * Checks the sender, the TTL and the size first.
     *
     * @return the sent-table id
     */
    public long queue(Address from, Address to, String subject, String body, long ttl, long encoding) {
        return sender.queue(from, to, subject, body, ttl, encoding);
    }

    /** Sends a broadcast from one of our identities (PoW at network minimum); returns its sent-table id. */
    public long broadcast(Address from, String subject, String body, long ttl) {
        return broadcast(from, subject, body, ttl, MessageEncoding.SIMPLE);
    }

    /** {@link #broadcast(Address, String, String, long)} in SIMPLE or EXTENDED encoding. */
    public long broadcast(Address from, String subject, String body, long ttl, long encoding) {
        return sender.broadcast(from, subject, body, ttl, encoding);
    }

    /** Publishes the pubkey of an own (non-chan) identity: v4 encrypted or v3 signed, network minimum PoW. */
    public String publishPubkey(Identity id) {
        return sender.publishPubkey(id);
    }

    // =========================================================== receiving

    /**
     * Processes the objects the node stored since the last call (waiting up to {@code waitMillis}
     * for new ones), then runs the timers. Returns how many objects were looked at.
     */
    public int poll(long waitMillis) {
        return receiver.poll(waitMillis);
    }

    // ============================================================== timers

    /** Retries: getpubkey for messages still waiting, resend (TTL doubled) of unacknowledged ones. */
    public void tick() {
        timers.tick();
    }

    // ======================================================== background

    /** Runs {@link #poll} on a daemon thread until {@link #close()}. */
    public synchronized MailAgent startLoop() {
        if (loop == null) {
            loop = Thread.ofPlatform().daemon().name("bmtool-mail").start(() -> {
                while (!core.closed) {
                    try {
                        poll(1000);
                    } catch (RuntimeException e) {
                        core.listener.event(new Event("error", String.valueOf(e.getMessage()), null, null));
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
        core.closed = true;
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
