package dev.bmtool.node.store;

import dev.bmtool.core.object.BitmessageObject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The object inventory: every valid, unexpired object this node holds, by inventory hash. */
public final class ObjectStore {
    private static final String COLUMNS = "id, hash, type, version, stream, expires, tag, length(raw), received";

    private final NodeDatabase db;

    public ObjectStore(NodeDatabase db) {
        this.db = db;
    }

    /**
     * The 32-byte tag a client looks objects up by: v4 getpubkey, v4 pubkey and v5 broadcast
     * start their objectPayload with it. Null for other objects.
     */
    public static byte[] tagOf(BitmessageObject o) {
        long t = o.objectType();
        long v = o.version();
        boolean tagged = (t == BitmessageObject.TYPE_GETPUBKEY && v == 4)
                || (t == BitmessageObject.TYPE_PUBKEY && v == 4)
                || (t == BitmessageObject.TYPE_BROADCAST && v == 5);
        if (!tagged || o.length() - o.payloadOffset() < 32) {
            return null;
        }
        byte[] raw = o.write();
        return Arrays.copyOfRange(raw, o.payloadOffset(), o.payloadOffset() + 32);
    }

    /** The tag of an object on its way in, read from its bytes without copying them first. */
    static byte[] tagOf(InboundObject in) {
        BitmessageObject o = in.object();
        long t = o.objectType();
        long v = o.version();
        boolean tagged = (t == BitmessageObject.TYPE_GETPUBKEY && v == 4)
                || (t == BitmessageObject.TYPE_PUBKEY && v == 4)
                || (t == BitmessageObject.TYPE_BROADCAST && v == 5);
        if (!tagged || in.raw().length - o.payloadOffset() < 32) {
            return null;
        }
        return Arrays.copyOfRange(in.raw(), o.payloadOffset(), o.payloadOffset() + 32);
    }

    /**
     * Stores an object (already validated) and commits it durably.
     *
     * @return true if it was new, false if already held
     */
    public boolean put(BitmessageObject o, long receivedTime) {
        return putAll(List.of(InboundObject.of(o)), receivedTime)[0];
    }

    /**
     * Stores objects (already validated) in one transaction: one commit (one fsync) for the
     * batch, which is what lets the node take thousands of objects a second durably.
     *
     * @return for each, whether it was new
     */
    public boolean[] putAll(List<InboundObject> batch, long receivedTime) {
        if (batch.isEmpty()) {
            return new boolean[0];
        }
        return db.transaction(c -> {
            boolean[] isNew = new boolean[batch.size()];
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO objects(hash, type, version, stream, expires, tag, raw, received)"
                            + " VALUES(?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < isNew.length; i++) {
                    InboundObject in = batch.get(i);
                    BitmessageObject o = in.object();
                    ps.setBytes(1, in.hash());
                    ps.setLong(2, o.objectType());
                    ps.setLong(3, o.version());
                    ps.setLong(4, o.stream());
                    ps.setLong(5, o.expiresTime());
                    ps.setBytes(6, tagOf(in));
                    ps.setBytes(7, in.raw());
                    ps.setLong(8, receivedTime);
                    isNew[i] = ps.executeUpdate() == 1;
                }
            }
            return isNew;
        });
    }

    public boolean contains(byte[] hash) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM objects WHERE hash=?")) {
                ps.setBytes(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The object bytes by inventory hash. */
    public Optional<byte[]> getRaw(byte[] hash) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT raw FROM objects WHERE hash=?")) {
                ps.setBytes(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /** The full entry (with bytes) by inventory hash. */
    public Optional<StoredObject> get(byte[] hash) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", raw FROM objects WHERE hash=?")) {
                ps.setBytes(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs, true)) : Optional.<StoredObject>empty();
                }
            }
        });
    }

    /**
     * Lists entries, oldest first.
     *
     * @param type     object type or null for all
     * @param tag      32-byte tag or null for all
     * @param afterSeq only entries stored after this sequence number (0 for all)
     * @param limit    at most this many
     * @param withRaw  include the object bytes
     */
    public List<StoredObject> list(Long type, byte[] tag, long afterSeq, int limit, boolean withRaw) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + (withRaw ? ", raw" : "")
                + " FROM objects WHERE id > ?");
        if (type != null) {
            sql.append(" AND type = ?");
        }
        if (tag != null) {
            sql.append(" AND tag = ?");
        }
        sql.append(" ORDER BY id LIMIT ?");
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                ps.setLong(i++, afterSeq);
                if (type != null) {
                    ps.setLong(i++, type);
                }
                if (tag != null) {
                    ps.setBytes(i++, tag);
                }
                ps.setInt(i, limit);
                List<StoredObject> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs, withRaw));
                    }
                }
                return out;
            }
        });
    }

    /** Inventory hashes of every object not yet expired at {@code now} (for the initial inv). */
    public List<byte[]> inventory(long now) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM objects WHERE expires > ? ORDER BY id")) {
                ps.setLong(1, now);
                List<byte[]> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getBytes(1));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Deletes objects that expired more than {@code graceSeconds} ago (PyBitmessage still accepts
     * objects up to 1 h past expiry, so keeping them that long avoids re-downloads).
     *
     * @return how many were removed
     */
    public int deleteExpired(long now, long graceSeconds) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM objects WHERE expires < ?")) {
                ps.setLong(1, now - graceSeconds);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * How many objects of each type were stored at or after {@code since} (UNIX seconds): what
     * PyBitmessage's {@code clientStatus} reports as messages, broadcasts and pubkeys processed.
     */
    public Map<Long, Long> countByTypeReceivedSince(long since) {
        return db.with(c -> {
            Map<Long, Long> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT type, count(*) FROM objects WHERE received >= ? GROUP BY type")) {
                ps.setLong(1, since);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    public long count() {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM objects");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The highest sequence number stored so far (0 when empty). */
    public long lastSeq() {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM objects");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static StoredObject row(ResultSet rs, boolean withRaw) throws SQLException {
        return new StoredObject(rs.getLong(1), rs.getBytes(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getBytes(7), rs.getInt(8), rs.getLong(9), withRaw ? rs.getBytes(10) : null);
    }
}
