package dev.bmtool.node.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The node's SQLite database. One JDBC connection shared under a lock: SQLite serialises writers
 * anyway and the node's write rate is low. WAL with {@code synchronous=FULL}, so a commit that
 * returned is on disk before the node acknowledges anything.
 */
public final class NodeDatabase implements AutoCloseable {
    private final Connection conn;
    private final ReentrantLock lock = new ReentrantLock();
    private final Path file;

    private NodeDatabase(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
    }

    /** Opens (creating if needed) the database file and its schema. */
    public static NodeDatabase open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS objects(
                          id INTEGER PRIMARY KEY AUTOINCREMENT,
                          hash BLOB NOT NULL UNIQUE,
                          type INTEGER NOT NULL,
                          version INTEGER NOT NULL,
                          stream INTEGER NOT NULL,
                          expires INTEGER NOT NULL,
                          tag BLOB,
                          raw BLOB NOT NULL,
                          received INTEGER NOT NULL)""");
                s.execute("CREATE INDEX IF NOT EXISTS objects_type ON objects(type)");
                s.execute("CREATE INDEX IF NOT EXISTS objects_tag ON objects(tag)");
                s.execute("CREATE INDEX IF NOT EXISTS objects_expires ON objects(expires)");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS peers(
                          host TEXT NOT NULL,
                          port INTEGER NOT NULL,
                          stream INTEGER NOT NULL,
                          services INTEGER NOT NULL,
                          last_seen INTEGER NOT NULL,
                          rating REAL NOT NULL DEFAULT 0,
                          source TEXT NOT NULL,
                          PRIMARY KEY(host, port, stream))""");
            }
            return new NodeDatabase(file, c);
        } catch (SQLException e) {
            throw new IOException("cannot open node database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Work done while holding the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} under the connection lock; SQL failures become {@link StoreException}. */
    public <T> T with(Work<T> work) {
        lock.lock();
        try {
            return work.run(conn);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction. */
    public <T> T transaction(Work<T> work) {
        return with(c -> {
            c.setAutoCommit(false);
            try {
                T r = work.run(c);
                c.commit();
                return r;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** {@code PRAGMA integrity_check}: "ok" when the file is sound. */
    public String integrityCheck() {
        return with(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                    if (!sb.isEmpty()) {
                        sb.append('\n');
                    }
                    sb.append(rs.getString(1));
                }
                return sb.toString();
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            conn.close();
        } catch (SQLException e) {
            // closing a connection that is going away anyway; nothing useful to do
        } finally {
            lock.unlock();
        }
    }

    /** An unexpected database failure (disk full, corrupt file). */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
