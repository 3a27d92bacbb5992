package dev.bmtool.mail.maildir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes messages into a Maildir the way Maildir requires: the file is written and synced in
 * {@code tmp/}, then renamed into {@code new/}, so a mail program never sees half a message. The
 * file name is unique (time, inbox id, a part of the Message-ID, host) and starts the same for
 * the same inbox entry, so a redelivery after a crash between the rename and the bookkeeping is
 * recognised and skipped.
 */
public final class MaildirDelivery {
    private final Path root;
    private final String host;
    private final AtomicLong counter = new AtomicLong();

    public MaildirDelivery(Path root) throws IOException {
        this.root = root;
        for (String sub : new String[] {"tmp", "new", "cur"}) {
            Files.createDirectories(root.resolve(sub));
        }
        String h = hostName();
        // Maildir: '/' and ':' may not appear in the host part
        this.host = h.replace("/", "\\057").replace(":", "\\072");
    }

    /**
     * The machine's name for Maildir file names, read locally: never a DNS lookup (a node behind a
     * proxy must not make one, and InetAddress.getLocalHost() may).
     */
    static String hostName() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            } catch (IOException | RuntimeException e) {
                h = "";
            }
        }
        return h.isBlank() ? "localhost" : h.strip();
    }

    public Path root() {
        return root;
    }

    /** The file-name stem for one inbox entry: the same on every try. */
    static String stem(long inboxId, byte[] msgid) {
        return "bm" + inboxId + "_" + HexFormat.of().formatHex(msgid, 0, Math.min(8, msgid.length));
    }

    /** Whether the entry is already in {@code new/} or {@code cur/} (the mail program may have moved it). */
    public boolean delivered(long inboxId, byte[] msgid) throws IOException {
        String stem = "." + stem(inboxId, msgid) + ".";
        for (String sub : new String[] {"new", "cur"}) {
            try (var s = Files.list(root.resolve(sub))) {
                if (s.anyMatch(p -> p.getFileName().toString().contains(stem))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Delivers one message; returns the file in {@code new/}. */
    public Path deliver(long inboxId, MailFormat.Received m) throws IOException {
        byte[] bytes = MailFormat.format(m);
        long now = System.currentTimeMillis();
        String name = (now / 1000) + ".M" + (now % 1000) * 1000 + "P" + ProcessHandle.current().pid() + "Q"
                + counter.incrementAndGet() + "." + stem(inboxId, m.msgid()) + "." + host;
        Path tmp = root.resolve("tmp").resolve(name);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        Path target = root.resolve("new").resolve(name + ",S=" + bytes.length);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("Maildir " + root + ": tmp/ and new/ must be on one file system", e);
        }
        syncDir(root.resolve("new"));
        return target;
    }

    private static void syncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be synced; the rename itself is atomic
        }
    }
}
