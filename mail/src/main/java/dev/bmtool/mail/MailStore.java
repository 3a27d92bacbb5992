package dev.bmtool.mail;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.crypto.PublicKey;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messaging database {@code <data-dir>/mail.db} (SQLite, WAL, shared safely between the node
 * process and CLI commands): pubkey cache, inbox, sent folder, subscriptions, published-pubkey
 * times and the position in the node's object stream. Status names are PyBitmessage's.
 */
public final class MailStore implements AutoCloseable {
    public static final String FILE_NAME = "mail.db";

    // short names for the statuses the agent uses (the enum; mail.db stores their dbName())
    /**
     * PyBitmessage's "queued": waiting for its proof of work (queued through the API, or imported),
     * or, once it has a msgid, PoW done and the object in this data dir's node store but no peer
     * has taken it yet (the command's in-process node found none, or the running node has no
     * connection). The latter becomes msgsent (or msgsentnoackexpected) once a node of this data
     * dir has handed it to a peer.
     */
    public static final MessageStatus MSG_QUEUED = MessageStatus.MSG_QUEUED;
    public static final MessageStatus AWAITING_PUBKEY = MessageStatus.AWAITING_PUBKEY;
    public static final MessageStatus DOING_PUBKEY_POW = MessageStatus.DOING_PUBKEY_POW;
    public static final MessageStatus DOING_MSG_POW = MessageStatus.DOING_MSG_POW;
    public static final MessageStatus MSG_SENT = MessageStatus.MSG_SENT;
    public static final MessageStatus MSG_SENT_NO_ACK = MessageStatus.MSG_SENT_NO_ACK_EXPECTED;
    public static final MessageStatus ACK_RECEIVED = MessageStatus.ACK_RECEIVED;
    public static final MessageStatus BROADCAST_QUEUED = MessageStatus.BROADCAST_QUEUED;
    public static final MessageStatus DOING_BROADCAST_POW = MessageStatus.DOING_BROADCAST_POW;
    public static final MessageStatus BROADCAST_SENT = MessageStatus.BROADCAST_SENT;
    public static final MessageStatus TOO_DIFFICULT = MessageStatus.TOO_DIFFICULT;

    /** PyBitmessage's folder names: a message is in one of them ({@code inbox} or {@code sent}, or {@code trash}). */
    public static final String FOLDER_INBOX = "inbox";
    public static final String FOLDER_SENT = "sent";
    public static final String FOLDER_TRASH = "trash";

    private final Db db;

    private MailStore(Db db) {
        this.db = db;
    }

    /** Work on mail.db's connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** mail.db failed (disk full, corrupt file, locked too long): the message says what. */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One JDBC connection under a lock (like the node's database); busy_timeout covers other processes. */
    private static final class Db {
        private final Connection conn;
        private final ReentrantLock lock = new ReentrantLock();

        Db(Connection conn) {
            this.conn = conn;
        }

        <T> T with(Work<T> work) {
            lock.lock();
            try {
                return work.run(conn);
            } catch (SQLException e) {
                throw new StoreException("mail database error: " + e.getMessage(), e);
            } finally {
                lock.unlock();
            }
        }

        void close() {
            lock.lock();
            try {
                conn.close();
            } catch (SQLException e) {
                // going away anyway
            } finally {
                lock.unlock();
            }
        }
    }

    /** Opens (creating if needed) {@code dataDir/mail.db}. */
    public static MailStore open(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        Connection conn;
        try {
            conn = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement st = conn.createStatement()) {
                st.execute("PRAGMA busy_timeout=15000");
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
            }
        } catch (SQLException e) {
            throw new IOException("cannot open " + file + ": " + e.getMessage(), e);
        }
        MailStore s = new MailStore(new Db(conn));
        s.db.with(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("""
                        CREATE TABLE IF NOT EXISTS pubkeys(
                          address TEXT PRIMARY KEY,
                          version INTEGER NOT NULL, stream INTEGER NOT NULL,
                          bitfield INTEGER NOT NULL, signing BLOB NOT NULL, encryption BLOB NOT NULL,
                          ntpb INTEGER NOT NULL, extra INTEGER NOT NULL,
                          source TEXT NOT NULL, seen INTEGER NOT NULL)""");
                st.execute("""
                        CREATE TABLE IF NOT EXISTS inbox(
                          id INTEGER PRIMARY KEY AUTOINCREMENT,
                          msgid BLOB NOT NULL, sighash BLOB NOT NULL UNIQUE,
                          kind TEXT NOT NULL, to_address TEXT NOT NULL, from_address TEXT NOT NULL,
                          subject TEXT NOT NULL, body TEXT NOT NULL, encoding INTEGER NOT NULL,
                          received INTEGER NOT NULL, read INTEGER NOT NULL DEFAULT 0)""");
                st.execute("""
                        CREATE TABLE IF NOT EXISTS sent(
                          id INTEGER PRIMARY KEY AUTOINCREMENT,
                          ackdata BLOB NOT NULL UNIQUE, msgid BLOB,
                          kind TEXT NOT NULL, from_address TEXT NOT NULL, to_address TEXT NOT NULL,
                          subject TEXT NOT NULL, body TEXT NOT NULL,
                          ttl INTEGER NOT NULL, retries INTEGER NOT NULL DEFAULT 0,
                          status TEXT NOT NULL, created INTEGER NOT NULL, last_action INTEGER NOT NULL,
                          next_try INTEGER NOT NULL DEFAULT 0, engine TEXT, note TEXT)""");
                st.execute("CREATE INDEX IF NOT EXISTS sent_status ON sent(status)");
                // added later: how the message text is encoded (2 SIMPLE, 3 EXTENDED); older files lack it
                boolean hasEncoding = false;
                try (ResultSet cols = st.executeQuery("PRAGMA table_info(sent)")) {
                    while (cols.next()) {
                        hasEncoding |= cols.getString("name").equals("encoding");
                    }
                }
                if (!hasEncoding) {
                    st.execute("ALTER TABLE sent ADD COLUMN encoding INTEGER NOT NULL DEFAULT 2");
                }
                // added later: PyBitmessage's folder (inbox/sent, or trash); older files get the default
                addColumnIfMissing(st, "inbox", "folder", "TEXT NOT NULL DEFAULT 'inbox'");
                addColumnIfMissing(st, "sent", "folder", "TEXT NOT NULL DEFAULT 'sent'");
                st.execute("""
                        CREATE TABLE IF NOT EXISTS subscriptions(
                          address TEXT PRIMARY KEY, label TEXT NOT NULL, added INTEGER NOT NULL)""");
                st.execute("""
                        CREATE TABLE IF NOT EXISTS published(
                          address TEXT PRIMARY KEY, time INTEGER NOT NULL)""");
                st.execute("CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
                st.execute("CREATE TABLE IF NOT EXISTS addressbook(address TEXT PRIMARY KEY, label TEXT NOT NULL)");
                for (String list : ACCESS_LISTS) {
                    // PyBitmessage's blacklist / whitelist tables (label, address, enabled)
                    st.execute("CREATE TABLE IF NOT EXISTS " + list
                            + "(address TEXT PRIMARY KEY, label TEXT NOT NULL, enabled INTEGER NOT NULL DEFAULT 1)");
                }
            }
            return null;
        });
        return s;
    }

    private static void addColumnIfMissing(Statement st, String table, String column, String definition)
            throws SQLException {
        try (ResultSet cols = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (cols.next()) {
                if (cols.getString("name").equals(column)) {
                    return;
                }
            }
        }
        st.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + definition);
    }

    // ------------------------------------------------------------- pubkeys

    /**
     * A verified public key of an address.
     *
     * @param source where it came from: pubkey, msg, broadcast, own
     */
    public record Pubkey(Address address, int bitfield, PublicKey signingKey, PublicKey encryptionKey,
            long nonceTrialsPerByte, long payloadLengthExtraBytes, String source, long seen) {
    }

    /** Stores or refreshes a pubkey (callers have verified it belongs to its address). */
    public void putPubkey(Pubkey p) {
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO pubkeys VALUES(?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, p.address().encode());
                ps.setInt(2, p.address().version());
                ps.setLong(3, p.address().stream());
                ps.setLong(4, p.bitfield() & 0xFFFFFFFFL);
                ps.setBytes(5, p.signingKey().bytes());
                ps.setBytes(6, p.encryptionKey().bytes());
                ps.setLong(7, p.nonceTrialsPerByte());
                ps.setLong(8, p.payloadLengthExtraBytes());
                ps.setString(9, p.source());
                ps.setLong(10, p.seen());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Pubkey> pubkey(Address a) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT bitfield, signing, encryption, ntpb, extra, source, seen FROM pubkeys WHERE address=?")) {
                ps.setString(1, a.encode());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Pubkey>empty();
                    }
                    return Optional.of(new Pubkey(a, (int) rs.getLong(1), PublicKey.of(rs.getBytes(2)),
                            PublicKey.of(rs.getBytes(3)), rs.getLong(4), rs.getLong(5), rs.getString(6),
                            rs.getLong(7)));
                }
            }
        });
    }

    public long pubkeyCount() {
        return count("SELECT count(*) FROM pubkeys");
    }

    // --------------------------------------------------------------- inbox

    /** One received message or broadcast. */
    public record InboxEntry(long id, byte[] msgid, String kind, String to, String from, String subject,
            String body, long encoding, long received, boolean read) {
    }

    /**
     * Adds a received message unless one with the same sigHash is already there.
     *
     * @return the new id, or empty for a duplicate
     */
    public Optional<Long> addInbox(byte[] msgid, byte[] sigHash, String kind, String to, String from,
            String subject, String body, long encoding, long received) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO inbox(msgid, sighash, kind, to_address, from_address, subject, body,"
                            + " encoding, received) VALUES(?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setBytes(1, msgid);
                ps.setBytes(2, sigHash);
                ps.setString(3, kind);
                ps.setString(4, to);
                ps.setString(5, from);
                ps.setString(6, subject);
                ps.setString(7, body);
                ps.setLong(8, encoding);
                ps.setLong(9, received);
                if (ps.executeUpdate() != 1) {
                    return Optional.<Long>empty();
                }
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return Optional.of(rs.getLong(1));
                }
            }
        });
    }

    /**
     * Moves an inbox ({@code sent} false) or sent entry to the trash or back ({@code trash} false);
     * true if it changed. A trashed sent message still gets its ack but is neither sent nor resent, as in PyBitmessage.
     */
    public boolean moveToTrash(boolean sent, long id, boolean trash) {
        String table = sent ? "sent" : "inbox";
        String home = sent ? FOLDER_SENT : FOLDER_INBOX;
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET folder=? WHERE id=? AND folder=?")) {
                ps.setString(1, trash ? FOLDER_TRASH : home);
                ps.setLong(2, id);
                ps.setString(3, trash ? home : FOLDER_TRASH);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The ids in the trash: inbox ({@code sent} false) or sent entries, oldest first. */
    public List<Long> trashIds(boolean sent) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + (sent ? "sent" : "inbox")
                    + " WHERE folder=? ORDER BY id")) {
                ps.setString(1, FOLDER_TRASH);
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }

    /** Deletes everything in the trash for good; returns how many messages. */
    public int emptyTrash() {
        return db.with(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM inbox WHERE folder='trash'")
                        + st.executeUpdate("DELETE FROM sent WHERE folder='trash'");
            }
        });
    }

    private static final String INBOX_COLUMNS = "id, msgid, kind, to_address, from_address, subject, body, encoding,"
            + " received, read";

    /** The inbox (not trashed), oldest first, entries with id > afterId. */
    public List<InboxEntry> inbox(long afterId) {
        return inboxWhere("id > ? AND folder='inbox'", ps -> ps.setLong(1, afterId));
    }

    /** One inbox entry by id, in the inbox or in the trash. */
    public Optional<InboxEntry> inboxEntry(long id) {
        return inboxWhere("id=?", ps -> ps.setLong(1, id)).stream().findFirst();
    }

    /** The inbox entries (any folder, trash included) with this msgid: PyBitmessage's getInboxMessageById. */
    public List<InboxEntry> inboxByMsgid(byte[] msgid) {
        return inboxWhere("msgid=?", ps -> ps.setBytes(1, msgid));
    }

    /** Sets a query's parameters. */
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<InboxEntry> inboxWhere(String where, Binder binder) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + INBOX_COLUMNS + " FROM inbox WHERE " + where
                    + " ORDER BY id")) {
                binder.bind(ps);
                List<InboxEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new InboxEntry(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9),
                                rs.getInt(10) != 0));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Adds a message brought over from another client (PyBitmessage's inbox) unless its sigHash
     * or msgid is already here; true if added. Nothing stored is changed.
     */
    public boolean addImportedInbox(byte[] msgid, byte[] sigHash, String kind, String to, String from, String subject,
            String body, long encoding, long received, boolean read, String folder) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM inbox WHERE msgid=? OR sighash=?")) {
                ps.setBytes(1, msgid);
                ps.setBytes(2, sigHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO inbox(msgid, sighash, kind, to_address,"
                    + " from_address, subject, body, encoding, received, read, folder) VALUES(?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setBytes(1, msgid);
                ps.setBytes(2, sigHash);
                ps.setString(3, kind);
                ps.setString(4, to);
                ps.setString(5, from);
                ps.setString(6, subject);
                ps.setString(7, body);
                ps.setLong(8, encoding);
                ps.setLong(9, received);
                ps.setInt(10, read ? 1 : 0);
                ps.setString(11, folder);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Adds a sent entry brought over from another client unless its ackdata is already here; true if added. */
    public boolean addImportedSent(byte[] ackData, byte[] msgid, String kind, String from, String to, String subject,
            String body, long ttl, int retries, MessageStatus status, long created, long lastAction, long encoding,
            String folder) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO sent(ackdata, msgid, kind,"
                    + " from_address, to_address, subject, body, ttl, retries, status, created, last_action, encoding,"
                    + " folder) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setBytes(1, ackData);
                ps.setBytes(2, msgid);
                ps.setString(3, kind);
                ps.setString(4, from);
                ps.setString(5, to);
                ps.setString(6, subject);
                ps.setString(7, body);
                ps.setLong(8, ttl);
                ps.setInt(9, retries);
                ps.setString(10, status.dbName());
                ps.setLong(11, created);
                ps.setLong(12, lastAction);
                ps.setLong(13, encoding);
                ps.setString(14, folder);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Sets the read flag of the inbox entries with this msgid. */
    public void setRead(byte[] msgid, boolean read) {
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE inbox SET read=? WHERE msgid=?")) {
                ps.setInt(1, read ? 1 : 0);
                ps.setBytes(2, msgid);
                return ps.executeUpdate();
            }
        });
    }

    /** Moves inbox entries with this msgid to {@code folder} (trash, or back to inbox); returns how many. */
    public int moveInbox(byte[] msgid, String folder) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE inbox SET folder=? WHERE msgid=?")) {
                ps.setString(1, folder);
                ps.setBytes(2, msgid);
                return ps.executeUpdate();
            }
        });
    }

    /** Moves sent entries whose {@code column} (msgid or ackdata) equals {@code key} to {@code folder}. */
    public int moveSent(String column, byte[] key, String folder) {
        if (!column.equals("msgid") && !column.equals("ackdata")) {
            throw new IllegalArgumentException("no such column: " + column);
        }
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sent SET folder=? WHERE " + column + "=?")) {
                ps.setString(1, folder);
                ps.setBytes(2, key);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes everything in the trash and compacts the file (PyBitmessage's deleteandvacuume). */
    public void emptyTrashAndVacuum() {
        emptyTrash();
        db.with(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("VACUUM");
            }
            return null;
        });
    }

    public void markRead(long id) {
        update("UPDATE inbox SET read=1 WHERE id=?", id);
    }

    // ---------------------------------------------------------------- sent

    /** One sent (or queued) message or broadcast. */
    public record SentEntry(long id, byte[] ackData, byte[] msgid, String kind, String from, String to,
            String subject, String body, long ttl, int retries, MessageStatus status, long created, long lastAction,
            long nextTry, String engine, String note, long encoding) {
        /**
         * Whether the object exists (PoW done, in the node's store): its msgid is then the
         * 32-byte inventory hash. Until then PyBitmessage (and its API here) keeps a 16-byte
         * uuid4 placeholder there, or none.
         */
        public boolean objectMade() {
            return msgid != null && msgid.length == INVENTORY_HASH_LENGTH;
        }
    }

    static final int INVENTORY_HASH_LENGTH = 32;

    private static final String SENT_COLUMNS = "id, ackdata, msgid, kind, from_address, to_address, subject, body,"
            + " ttl, retries, status, created, last_action, next_try, engine, note, encoding";

    /** Adds a queued message (SIMPLE encoding); returns its id. */
    public long addSent(byte[] ackData, String kind, String from, String to, String subject, String body, long ttl,
            MessageStatus status, long now) {
        return addSent(ackData, kind, from, to, subject, body, ttl, status, now, 2);
    }

    /** Sets the msgid of a queued entry (PyBitmessage gives queued messages a random one until sent). */
    public void setMsgid(long id, byte[] msgid) {
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sent SET msgid=? WHERE id=?")) {
                ps.setBytes(1, msgid);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Sent entries (any folder) with this msgid. */
    public List<SentEntry> sentByMsgid(byte[] msgid) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SENT_COLUMNS + " FROM sent WHERE msgid=?"
                    + " ORDER BY id")) {
                ps.setBytes(1, msgid);
                return sentRows(ps);
            }
        });
    }

    /** Adds a queued message with the message encoding to send it in (2 SIMPLE, 3 EXTENDED); returns its id. */
    public long addSent(byte[] ackData, String kind, String from, String to, String subject, String body, long ttl,
            MessageStatus status, long now, long encoding) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sent(ackdata, kind, from_address, to_address, subject, body, ttl, status, created,"
                            + " last_action, encoding) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(11, encoding);
                ps.setBytes(1, ackData);
                ps.setString(2, kind);
                ps.setString(3, from);
                ps.setString(4, to);
                ps.setString(5, subject);
                ps.setString(6, body);
                ps.setLong(7, ttl);
                ps.setString(8, status.dbName());
                ps.setLong(9, now);
                ps.setLong(10, now);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The sent folder (not the trash), oldest first. */
    public List<SentEntry> sent() {
        return sentWhere("folder='sent'");
    }

    /** Entries of the sent folder in {@code status} (trashed ones are not worked on, as in PyBitmessage). */
    public List<SentEntry> sentWithStatus(MessageStatus status) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SENT_COLUMNS
                    + " FROM sent WHERE status=? AND folder='sent' ORDER BY id")) {
                ps.setString(1, status.dbName());
                return sentRows(ps);
            }
        });
    }

    private List<SentEntry> sentWhere(String where) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SENT_COLUMNS + " FROM sent WHERE " + where
                    + " ORDER BY id")) {
                return sentRows(ps);
            }
        });
    }

    private static List<SentEntry> sentRows(PreparedStatement ps) throws SQLException {
        List<SentEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new SentEntry(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getInt(10),
                        MessageStatus.of(rs.getString(11)), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getString(15),
                        rs.getString(16), rs.getLong(17)));
            }
        }
        return out;
    }

    public Optional<SentEntry> sentEntry(long id) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SENT_COLUMNS + " FROM sent WHERE id=?")) {
                ps.setLong(1, id);
                return sentRows(ps).stream().findFirst();
            }
        });
    }

    /** The sent entry whose ackdata equals {@code ackData}, if any. */
    public Optional<SentEntry> sentByAck(byte[] ackData) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SENT_COLUMNS + " FROM sent WHERE ackdata=?")) {
                ps.setBytes(1, ackData);
                return sentRows(ps).stream().findFirst();
            }
        });
    }

    /**
     * Moves an entry from one status to another atomically; false if it was not in {@code from}
     * (someone else, e.g. the node process, took it).
     */
    public boolean transition(long id, MessageStatus from, MessageStatus to, long now) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sent SET status=?, last_action=?, note=? WHERE id=? AND status=?")) {
                ps.setString(1, to.dbName());
                ps.setLong(2, now);
                // who works on it: a message left in doingmsgpow by a dead process is taken up again
                ps.setString(3, to.equals(DOING_MSG_POW) ? OWNER_PREFIX + ProcessHandle.current().pid() : null);
                ps.setLong(4, id);
                ps.setString(5, from.dbName());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * A node of this data dir has handed its stored objects to a peer: every msg in msgqueued
     * becomes msgsent (an ack is awaited: next_try set) or msgsentnoackexpected, and every
     * broadcast whose proof of work is done ({@link SentEntry#objectMade}) and that waited in broadcastqueued becomes
     * broadcastsent. Returns how many changed.
     */
    public int queuedHandedOver(long now) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sent SET last_action=?, status=CASE"
                    + " WHEN status=? AND next_try > 0 THEN ? WHEN status=? THEN ? ELSE ? END"
                    + " WHERE length(msgid) = " + INVENTORY_HASH_LENGTH + " AND status IN (?, ?)")) {
                ps.setLong(1, now);
                ps.setString(2, MSG_QUEUED.dbName());
                ps.setString(3, MSG_SENT.dbName());
                ps.setString(4, MSG_QUEUED.dbName());
                ps.setString(5, MSG_SENT_NO_ACK.dbName());
                ps.setString(6, BROADCAST_SENT.dbName());
                ps.setString(7, MSG_QUEUED.dbName());
                ps.setString(8, BROADCAST_QUEUED.dbName());
                return ps.executeUpdate();
            }
        });
    }

    static final String OWNER_PREFIX = "pid ";

    /** The process doing the proof of work of an entry in doingmsgpow, or -1 if unknown. */
    public static long powOwner(SentEntry e) {
        if (e.note() != null && e.note().startsWith(OWNER_PREFIX)) {
            try {
                return Long.parseLong(e.note().substring(OWNER_PREFIX.length()));
            } catch (NumberFormatException ex) {
                return -1; // unknown owner: treated as gone
            }
        }
        return -1;
    }

    /**
     * Puts messages left in doingmsgpow by a process that no longer runs (killed during the
     * proof of work) back to awaitingpubkey, so they are sent again. Returns how many.
     */
    public int recoverAbandoned(long now) {
        int n = 0;
        for (SentEntry e : sentWithStatus(DOING_MSG_POW)) {
            long pid = powOwner(e);
            boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive && transition(e.id(), DOING_MSG_POW, AWAITING_PUBKEY, now)) {
                n++;
            }
        }
        return n;
    }

    /** Records a send (or resend) of an entry. */
    public void markSent(long id, MessageStatus status, byte[] msgid, long ttl, int retries, long now, long nextTry,
            String engine) {
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sent SET status=?, msgid=?, ttl=?, retries=?,"
                    + " last_action=?, next_try=?, engine=? WHERE id=?")) {
                ps.setString(1, status.dbName());
                ps.setBytes(2, msgid);
                ps.setLong(3, ttl);
                ps.setInt(4, retries);
                ps.setLong(5, now);
                ps.setLong(6, nextTry);
                ps.setString(7, engine);
                ps.setLong(8, id);
                return ps.executeUpdate();
            }
        });
    }

    public void setStatus(long id, MessageStatus status, String note, long now) {
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sent SET status=?, note=?, last_action=? WHERE id=?")) {
                ps.setString(1, status.dbName());
                ps.setString(2, note);
                ps.setLong(3, now);
                ps.setLong(4, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Marks the entry with this ackdata as acknowledged; true if it changed. */
    public boolean ackReceived(byte[] ackData, long now) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sent SET status=?, last_action=? WHERE ackdata=?"
                    + " AND status IN (?, ?, ?)")) {
                ps.setString(1, ACK_RECEIVED.dbName());
                ps.setLong(2, now);
                ps.setBytes(3, ackData);
                ps.setString(4, MSG_SENT.dbName());
                ps.setString(5, DOING_MSG_POW.dbName());
                ps.setString(6, MSG_QUEUED.dbName());
                return ps.executeUpdate() == 1;
            }
        });
    }

    // ------------------------------------------------------- subscriptions

    public record Subscription(Address address, String label, long added) {
    }

    public boolean subscribe(Address a, String label, long now) {
        boolean added = db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO subscriptions VALUES(?,?,?)")) {
                ps.setString(1, a.encode());
                ps.setString(2, label);
                ps.setLong(3, now);
                return ps.executeUpdate() == 1;
            }
        });
        if (added) {
            // the agent looks once through the broadcasts it had already polled: -1 - its cursor
            setState(scannedKey(a), -1 - state(POLL_CURSOR_KEY, 0));
        }
        return added;
    }

    // ------------------------------------------------------- address book

    /** An address book entry (PyBitmessage's addressbook: label, address). */
    public record Contact(Address address, String label) {
    }

    /** Adds or relabels a contact; true if the address was not in the book. */
    public boolean contactPut(Address a, String label) {
        return db.with(c -> {
            boolean existed;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM addressbook WHERE address=?")) {
                ps.setString(1, a.encode());
                try (var rs = ps.executeQuery()) {
                    existed = rs.next();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO addressbook VALUES(?,?)")) {
                ps.setString(1, a.encode());
                ps.setString(2, label);
                ps.executeUpdate();
            }
            return !existed;
        });
    }

    public boolean contactRemove(Address a) {
        return update("DELETE FROM addressbook WHERE address=?", a.encode()) == 1;
    }

    public List<Contact> contacts() {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT address, label FROM addressbook ORDER BY label, address");
                    var rs = ps.executeQuery()) {
                List<Contact> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Contact(Address.decode(rs.getString(1)), rs.getString(2)));
                }
                return out;
            }
        });
    }

    // ------------------------------------------------------- black / white lists

    /** The two access lists, as PyBitmessage names them. */
    public static final List<String> ACCESS_LISTS = List.of("blacklist", "whitelist");

    /** One entry of a blacklist or whitelist. */
    public record AccessEntry(Address address, String label, boolean enabled) {
    }

    private static String accessTable(String list) {
        if (!ACCESS_LISTS.contains(list)) {
            throw new IllegalArgumentException("no such list: " + list);
        }
        return list;
    }

    /** Adds an address, or re-enables it (and relabels it if {@code label} is not empty); true if new. */
    public boolean listAdd(String list, Address a, String label) {
        String t = accessTable(list);
        return db.with(c -> {
            boolean existed;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + t + " WHERE address=?")) {
                ps.setString(1, a.encode());
                try (var rs = ps.executeQuery()) {
                    existed = rs.next();
                }
            }
            // listing again re-enables; an empty label keeps the one it has
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + t + "(address, label, enabled) VALUES(?,?,1)"
                    + " ON CONFLICT(address) DO UPDATE SET enabled=1,"
                    + " label=CASE WHEN excluded.label='' THEN label ELSE excluded.label END")) {
                ps.setString(1, a.encode());
                ps.setString(2, label);
                ps.executeUpdate();
            }
            return !existed;
        });
    }

    public boolean listRemove(String list, Address a) {
        return update("DELETE FROM " + accessTable(list) + " WHERE address=?", a.encode()) == 1;
    }

    public List<AccessEntry> listEntries(String list) {
        String t = accessTable(list);
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT address, label, enabled FROM " + t
                    + " ORDER BY address"); var rs = ps.executeQuery()) {
                List<AccessEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new AccessEntry(Address.decode(rs.getString(1)), rs.getString(2), rs.getInt(3) != 0));
                }
                return out;
            }
        });
    }

    /** The address is listed and enabled in {@code list}. */
    public boolean listed(String list, Address a) {
        String t = accessTable(list);
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + t + " WHERE address=? AND enabled=1")) {
                ps.setString(1, a.encode());
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** State key of the mail agent's position in the node's object stream (last sequence handled). */
    public static final String POLL_CURSOR_KEY = "node.seq";

    /**
     * State key per subscription: negative (-1 - cursor when subscribed) while the broadcasts the
     * node already held are still to be searched; 1 (or missing) when done.
     */
    static String scannedKey(Address a) {
        return "subscription.scanned." + a.encode();
    }

    public boolean unsubscribe(Address a) {
        return update("DELETE FROM subscriptions WHERE address=?", a.encode()) == 1;
    }

    public List<Subscription> subscriptions() {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT address, label, added FROM subscriptions ORDER BY added");
                    ResultSet rs = ps.executeQuery()) {
                List<Subscription> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Subscription(Address.decode(rs.getString(1)), rs.getString(2), rs.getLong(3)));
                }
                return out;
            }
        });
    }

    // ----------------------------------------------------- published, state

    /** When we last published the pubkey of an own address (0 = never). */
    public long lastPublished(Address a) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT time FROM published WHERE address=?")) {
                ps.setString(1, a.encode());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    public void setPublished(Address a, long time) {
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO published VALUES(?,?)")) {
                ps.setString(1, a.encode());
                ps.setLong(2, time);
                return ps.executeUpdate();
            }
        });
    }

    public long state(String key, long dflt) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM state WHERE key=?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : dflt;
                }
            }
        });
    }

    public void setState(String key, long value) {
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO state VALUES(?,?)")) {
                ps.setString(1, key);
                ps.setLong(2, value);
                return ps.executeUpdate();
            }
        });
    }

    private long count(String sql) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private int update(String sql, Object arg) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, arg);
                return ps.executeUpdate();
            }
        });
    }

    /** For tests: direct access. */
    <T> T with(Work<T> w) {
        return db.with(w);
    }

    @Override
    public void close() {
        db.close();
    }
}
