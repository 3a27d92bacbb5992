package dev.bmtool.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mail.db written before a column was added opens, keeps its rows and gains the column's default. */
class MailStoreUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void sentTableWithoutEncodingColumnIsUpgraded() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(MailStore.FILE_NAME));
                Statement st = c.createStatement()) {
            // the sent table as earlier versions created it
            st.execute("""
                    CREATE TABLE sent(
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      ackdata BLOB NOT NULL UNIQUE, msgid BLOB,
                      kind TEXT NOT NULL, from_address TEXT NOT NULL, to_address TEXT NOT NULL,
                      subject TEXT NOT NULL, body TEXT NOT NULL,
                      ttl INTEGER NOT NULL, retries INTEGER NOT NULL DEFAULT 0,
                      status TEXT NOT NULL, created INTEGER NOT NULL, last_action INTEGER NOT NULL,
                      next_try INTEGER NOT NULL DEFAULT 0, engine TEXT, note TEXT)""");
            st.execute("INSERT INTO sent(ackdata, kind, from_address, to_address, subject, body, ttl, status, created,"
                    + " last_action) VALUES(x'01', 'msg', 'BM-a', 'BM-b', 'old', 'kept', 600, 'msgsent', 1, 1)");
        }
        try (MailStore store = MailStore.open(dir)) {
            MailStore.SentEntry e = store.sent().getFirst();
            assertEquals("kept", e.body());
            assertEquals(2, e.encoding(), "rows from before the column are SIMPLE");
            long id = store.addSent(new byte[] {2}, "msg", "BM-a", "BM-b", "new", "b", 600, MessageStatus.MSG_SENT, 2, 3);
            assertEquals(3, store.sentEntry(id).orElseThrow().encoding());
        }
        try (MailStore again = MailStore.open(dir)) {
            assertEquals(2, again.sent().size(), "a second open does not add the column twice");
        }
    }
}
