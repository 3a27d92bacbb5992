package dev.bmtool.mail;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.service.PowService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * What the agent's parts ({@link MailSender}, {@link MailReceiver}, {@link MailTimers}) share:
 * the stores, the node link, the PoW service, our identities, and the agent's lock. The lock is
 * this object's monitor: every part synchronizes on it, and {@link #work} waits on it, which
 * releases it for as long as a proof of work runs.
 */
final class AgentCore {
    final IdentityStore identityStore;
    final MailStore store;
    final Outbox outbox;
    final NodeLink link;
    final PowService pow;
    final MailSettings settings;
    final MailAgent.Listener listener;
    private final LongSupplier clock;
    final SecureRandom random = new SecureRandom();
    private List<Identity> identities = List.of();
    private KeysDatSettings keysDatSettings = KeysDatSettings.DEFAULT;
    private FileTime identitiesTime;
    private long skipped;
    /** Work with proof of work that receiving asked for; {@link #runDeferred} runs it with no lock held. */
    private final LinkedHashMap<String, Runnable> deferred = new LinkedHashMap<>();
    volatile boolean closed;

    AgentCore(Path dataDir, MailStore store, NodeLink link, PowService pow, MailSettings settings,
            MailAgent.Listener listener, LongSupplier clock) {
        this.identityStore = new IdentityStore(dataDir);
        this.store = store;
        this.outbox = new Outbox(store, random);
        this.link = link;
        this.pow = pow;
        this.settings = settings;
        this.listener = listener == null ? MailAgent.Listener.NONE : listener;
        this.clock = clock;
    }

    long now() {
        return clock.getAsLong();
    }

    /**
     * Whether the node has an established connection now; null when the link cannot tell (then
     * a submitted object counts as sent, as before links could see connections).
     */
    Boolean peerConnected() {
        try {
            return link.connections().stream().anyMatch(NodeLink.PeerConnection::established);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The status for an object just submitted: {@code sent} when a peer is connected (the node
     * announces new objects to its peers at once), else {@code queued}: PoW done, waiting for a
     * peer ({@link MailStore#queuedHandedOver} moves it on), so nothing is called sent that
     * reached nobody.
     */
    MessageStatus afterSubmit(MessageStatus sent, MessageStatus queued) {
        return Boolean.FALSE.equals(peerConnected()) ? queued : sent;
    }

    /** Our identities from keys.dat, re-read when the file changed. */
    synchronized List<Identity> identities() {
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
    synchronized KeysDatSettings keysDatSettings() {
        identities();
        return keysDatSettings;
    }

    Optional<Identity> own(Address a) {
        return identities().stream().filter(i -> i.address().equals(a)).findFirst();
    }

    long jitter(long ttl) {
        if (!settings.jitter() || ttl < 3600) {
            return ttl;
        }
        return Math.min(MailSettings.MAX_TTL, ttl + random.nextInt(601) - 300);
    }

    void emit(String step, String detail, PowService.Solved d) {
        listener.event(new MailAgent.Event(step, detail, d == null ? null : d.engine(),
                d == null ? null : d.elapsed()));
    }

    /** Objects that could not be processed (malformed, failed checks), since start. */
    synchronized long skipped() {
        return skipped;
    }

    /** Counts an object or task that failed, without telling the listener. */
    synchronized void countSkipped() {
        skipped++;
    }

    /** Counts a failure and tells the listener why. */
    synchronized void skip(String why) {
        skipped++;
        listener.event(new MailAgent.Event("skipped", why, null, null));
    }

    /** Queues work with proof of work for {@link #runDeferred} once the caller's locks are released; one per key. */
    synchronized void later(String key, Runnable task) {
        deferred.putIfAbsent(key, task);
    }

    /** Runs the queued work, each task under the agent's lock (which {@link #work} releases during PoW). */
    void runDeferred() {
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
    PowService.Solved work(BitmessageObject o, long nonceTrialsPerByte, long extraBytes) {
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
}
