package dev.bmtool.core.address;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Our identities, kept as a PyBitmessage-format {@code keys.dat} in the data directory. Writes
 * are atomic (temporary file in the same directory, then rename) with permissions 0600, so an
 * error never loses the identities already stored.
 */
public final class IdentityStore {
    public static final String FILE_NAME = "keys.dat";
    private final Path file;

    public IdentityStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The stored file, or a fresh one with defaults if there is none yet. */
    public KeysDat load() {
        if (!Files.exists(file)) {
            return KeysDat.withDefaults();
        }
        try {
            return KeysDat.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (dev.bmtool.core.encoding.ProtocolException.BadValue e) {
            // name the file: a user with several data dirs must know which one is broken
            String m = String.valueOf(e.getMessage());
            throw new dev.bmtool.core.encoding.ProtocolException.BadValue(
                    file + (m.startsWith("keys.dat ") ? m.substring("keys.dat".length()) : ": " + m));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new dev.bmtool.core.encoding.ProtocolException.BadValue(file
                    + ": not UTF-8 text (a binary file, or another encoding; keys.dat is UTF-8)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The valid identities in the store (broken sections are skipped). */
    public List<Identity> list() {
        return load().identities().identities();
    }

    /** Adds or replaces one identity. */
    public void add(Identity id) {
        locked(() -> {
            KeysDat k = load();
            k.put(id);
            save(k);
            return null;
        });
    }

    /** Read-modify-write of the whole file under the store's lock (settings changes). */
    public <T> T update(java.util.function.Function<KeysDat, T> change) {
        return locked(() -> {
            KeysDat k = load();
            T result = change.apply(k);
            save(k);
            return result;
        });
    }

    /** In-process guard: a FileLock cannot be taken twice by one JVM. */
    private static final java.util.concurrent.locks.ReentrantLock JVM_LOCK =
            new java.util.concurrent.locks.ReentrantLock();

    /**
     * Runs a read-modify-write under an exclusive lock on {@code keys.dat.lock}, so two bmtool
     * processes adding identities at once do not lose one another's.
     */
    private <T> T locked(java.util.function.Supplier<T> body) {
        JVM_LOCK.lock();
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(FILE_NAME + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); var l = ch.lock()) {
                return body.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file + ": " + reason(e), e);
        } finally {
            JVM_LOCK.unlock();
        }
    }

    /** Result of a merge. */
    public record MergeResult(List<Identity> added, List<Identity> alreadyPresent, List<String> problems) {
    }

    /**
     * Merges identities from another keys.dat: new addresses are added, existing ones are left as
     * they are (never overwritten), broken sections reported.
     */
    public MergeResult merge(KeysDat other) {
        return locked(() -> mergeUnlocked(other));
    }

    private MergeResult mergeUnlocked(KeysDat other) {
        KeysDat k = load();
        KeysDat.Identities in = other.identities();
        List<Identity> added = new ArrayList<>();
        List<Identity> present = new ArrayList<>();
        for (Identity id : in.identities()) {
            if (k.contains(id.address().encode())) {
                present.add(id);
            } else {
                k.put(id);
                added.add(id);
            }
        }
        if (!added.isEmpty()) {
            save(k);
        }
        return new MergeResult(added, present, in.problems());
    }

    /** Writes atomically with permissions 0600. */
    public void save(KeysDat k) {
        writeAtomically(file, k.write());
    }

    /**
     * Writes {@code text} to {@code file} atomically (temporary file in the same directory, fsync,
     * rename) with permissions 0600; on failure the old file is untouched and no temporary is left.
     */
    public static void writeAtomically(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                // createDirectories would say FileAlreadyExists, read below as a temporary clash
                throw new java.nio.file.FileSystemException(dir.toString(), null, "Not a directory");
            }
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + FILE_NAME + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            try {
                if (posix) {
                    Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-------");
                    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(perms));
                } else {
                    Files.createFile(tmp);
                }
                byte[] data = text.getBytes(StandardCharsets.UTF_8);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(data));
                    ch.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("temporary file clash writing " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + reason(e), e);
        }
    }

    /** Why an I/O operation failed, for a one-line error: NIO's messages are often just the path. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file or directory" + (n.getFile() == null ? "" : " (" + n.getFile() + ")");
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied" + (a.getFile() == null ? "" : " (" + a.getFile() + ")");
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return String.valueOf(e.getMessage());
    }
}
