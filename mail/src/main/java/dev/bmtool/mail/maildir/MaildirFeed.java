package dev.bmtool.mail.maildir;

import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.node.NodeLog;
import dev.bmtool.mail.MailStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Copies every inbox entry (msgs, chan msgs, broadcasts) into a Maildir, in inbox order, from
 * the running node. Where it got to is kept in {@code <data-dir>/maildir.state} and written
 * only after the file is in {@code new/}, so nothing is skipped across crashes and restarts; a
 * Maildir that is new to this data dir first receives the whole inbox.
 */
public final class MaildirFeed implements AutoCloseable {
    static final String STATE_FILE = "maildir.state";
    private final Path dataDir;
    private final MaildirDelivery maildir;
    private final MailStore store;
    private final NodeLog log;
    private final Thread thread;
    private volatile boolean closed;
    private long lastId;

    private MaildirFeed(Path dataDir, MaildirDelivery maildir, MailStore store, NodeLog log) throws IOException {
        this.dataDir = dataDir;
        this.maildir = maildir;
        this.store = store;
        this.log = log;
        this.lastId = readState();
        this.thread = Thread.ofPlatform().daemon().name("bm-maildir").unstarted(this::loop);
    }

    /** Starts delivering into {@code maildirPath} (created if missing). */
    public static MaildirFeed start(Path dataDir, Path maildirPath, MailStore store, NodeLog log) throws IOException {
        MaildirFeed f = new MaildirFeed(dataDir, new MaildirDelivery(maildirPath.toAbsolutePath()), store, log);
        log.info("maildir: delivering received messages into " + f.maildir.root()
                + (f.lastId > 0 ? " (after inbox #" + f.lastId + ")" : ""));
        f.thread.start();
        return f;
    }

    private long readState() throws IOException {
        Path p = dataDir.resolve(STATE_FILE);
        if (!Files.exists(p)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        // the state belongs to one Maildir: another one starts from the beginning
        if (lines.size() < 2 || !lines.get(0).equals(maildir.root().toString())) {
            return 0;
        }
        try {
            return Long.parseLong(lines.get(1).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void writeState(long id) throws IOException {
        Path p = dataDir.resolve(STATE_FILE);
        Path tmp = dataDir.resolve(STATE_FILE + ".tmp");
        Files.writeString(tmp, maildir.root() + "\n" + id + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void loop() {
        while (!closed) {
            try {
                deliverPending();
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    log.warn("maildir: " + e.getMessage() + " (trying again)");
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Delivers what arrived since the last call; returns how many files were written. */
    public synchronized int deliverPending() throws IOException {
        List<MailStore.InboxEntry> entries = store.inbox(lastId);
        if (entries.isEmpty()) {
            return 0;
        }
        Map<String, Identity> ours = new HashMap<>();
        for (Identity id : new IdentityStore(dataDir).load().identities().identities()) {
            ours.put(id.address().encode(), id);
        }
        int written = 0;
        for (MailStore.InboxEntry e : entries) {
            if (!maildir.delivered(e.id(), e.msgid())) {
                Identity to = ours.get(e.to());
                MailFormat.Kind kind = "broadcast".equals(e.kind()) ? MailFormat.Kind.BROADCAST
                        : to != null && to.chan() ? MailFormat.Kind.CHAN : MailFormat.Kind.MSG;
                Path f = maildir.deliver(e.id(), new MailFormat.Received(e.msgid(), kind, e.from(), e.to(),
                        to == null ? "" : to.label(), e.subject(), e.body(), e.received()));
                written++;
                log.info("maildir: inbox #" + e.id() + " from " + e.from() + " delivered as new/"
                        + f.getFileName());
            }
            lastId = e.id();
            writeState(lastId);
        }
        return written;
    }

    /**
     * Stops after the file being written (never interrupted half way), then delivers what the
     * mail agent stored meanwhile: close the agent first.
     */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            deliverPending();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.warn("maildir: " + e.getMessage() + "; delivered at the next start");
        }
    }
}
