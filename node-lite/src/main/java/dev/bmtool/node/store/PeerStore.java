package dev.bmtool.node.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The persistent table of known nodes, with PyBitmessage's hygiene rules (brief 14). */
public final class PeerStore {
    /** PyBitmessage {@code knownnodes.DEFAULT_NODES} (stream 1). */
    public static final List<String> DEFAULT_NODES = List.of(
            "5.45.99.75:8444", "75.167.159.54:8444", "95.165.168.168:8444", "85.180.139.241:8444",
            "158.222.217.190:8080", "178.62.12.187:8448", "24.188.198.204:8111", "109.147.204.113:1195",
            "178.11.46.221:8444");

    /** Forget nodes not seen for this long. */
    public static final long FORGET_AFTER = 28L * 24 * 3600;
    /** ... or for this long when their rating is poor. */
    public static final long FORGET_BAD_AFTER = 3L * 3600;
    public static final int MAX_PER_STREAM = 20_000;
    public static final int TRIM_COUNT = 2_000;

    private final NodeDatabase db;

    public PeerStore(NodeDatabase db) {
        this.db = db;
    }

    /** Adds the default nodes (last seen 28 days minus 10 minutes ago, as PyBitmessage) if absent. */
    public void seedDefaults(long now) {
        for (String hp : DEFAULT_NODES) {
            int colon = hp.lastIndexOf(':');
            insertIfAbsent(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1)), 1, 1,
                    now - FORGET_AFTER + 600, "bootstrap");
        }
    }

    /** Inserts a node if unknown; returns true if it was new. */
    public boolean insertIfAbsent(String host, int port, long stream, long services, long lastSeen, String source) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO peers(host, port, stream, services, last_seen, rating, source)"
                            + " VALUES(?,?,?,?,?,0,?)")) {
                ps.setString(1, host);
                ps.setInt(2, port);
                ps.setLong(3, stream);
                ps.setLong(4, services);
                ps.setLong(5, lastSeen);
                ps.setString(6, source);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Records a node heard of (addr gossip): inserts it or moves its last-seen time forward. */
    public void heard(String host, int port, long stream, long services, long seen, String source) {
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO peers(host, port, stream, services, last_seen, rating, source) VALUES(?,?,?,?,?,0,?)"
                            + " ON CONFLICT(host, port, stream) DO UPDATE SET"
                            + " last_seen = max(last_seen, excluded.last_seen), services = excluded.services")) {
                ps.setString(1, host);
                ps.setInt(2, port);
                ps.setLong(3, stream);
                ps.setLong(4, services);
                ps.setLong(5, seen);
                ps.setString(6, source);
                return ps.executeUpdate();
            }
        });
    }

    /** Adjusts a node's rating by {@code delta} (clamped to -1..1); on success also its last-seen time. */
    public void rate(String host, int port, double delta, long seenNow) {
        db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE peers SET rating = max(-1.0, min(1.0, rating + ?)),"
                            + " last_seen = CASE WHEN ? > 0 THEN max(last_seen, ?) ELSE last_seen END"
                            + " WHERE host = ? AND port = ?")) {
                ps.setDouble(1, delta);
                ps.setLong(2, seenNow);
                ps.setLong(3, seenNow);
                ps.setString(4, host);
                ps.setInt(5, port);
                return ps.executeUpdate();
            }
        });
    }

    /** All known nodes, best first. */
    public List<Peer> list(int limit) {
        return query("SELECT host, port, stream, services, last_seen, rating, source FROM peers"
                + " ORDER BY rating DESC, last_seen DESC LIMIT ?", limit);
    }

    /** Nodes worth advertising in {@code addr}: seen in the last 3 h, rating not negative. */
    public List<Peer> recent(long now, int limit) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT host, port, stream, services, last_seen, rating, source FROM peers"
                            + " WHERE last_seen >= ? AND last_seen <= ? AND rating >= 0 AND host NOT LIKE '%.onion'"
                            + " ORDER BY last_seen DESC LIMIT ?")) {
                ps.setLong(1, now - 3 * 3600);
                ps.setLong(2, now + 60);
                ps.setInt(3, limit);
                return rows(ps);
            }
        });
    }

    public long count() {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM peers");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * PyBitmessage's hygiene: forget nodes not seen for 28 days, or for 3 h with rating <= -0.5;
     * above 20,000 nodes drop the 2,000 oldest. Configured peers are kept.
     *
     * @return how many were removed
     */
    public int cleanup(long now) {
        return db.transaction(c -> {
            int removed;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM peers WHERE source <> 'config' AND"
                    + " (last_seen < ? OR (last_seen < ? AND rating <= -0.5))")) {
                ps.setLong(1, now - FORGET_AFTER);
                ps.setLong(2, now - FORGET_BAD_AFTER);
                removed = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM peers");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > MAX_PER_STREAM) {
                    try (PreparedStatement del = c.prepareStatement("DELETE FROM peers WHERE rowid IN"
                            + " (SELECT rowid FROM peers WHERE source <> 'config' ORDER BY last_seen LIMIT ?)")) {
                        del.setInt(1, TRIM_COUNT);
                        removed += del.executeUpdate();
                    }
                }
            }
            return removed;
        });
    }

    private List<Peer> query(String sql, int limit) {
        return db.with(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, limit);
                return rows(ps);
            }
        });
    }

    private static List<Peer> rows(PreparedStatement ps) throws SQLException {
        List<Peer> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Peer(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getDouble(6), rs.getString(7)));
            }
        }
        return out;
    }
}
