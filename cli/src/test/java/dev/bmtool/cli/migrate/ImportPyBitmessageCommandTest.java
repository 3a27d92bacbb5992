package dev.bmtool.cli.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.json.Json;
import dev.bmtool.mail.MailStore;
import dev.bmtool.mail.MessageStatus;
import dev.bmtool.mail.migrate.PyBitmessageImport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bmtool import pybitmessage} against a data directory laid out as PyBitmessage v0.6
 * creates it: keys.dat, and messages.dat with the tables of its class_sqlThread (schema version
 * 11). Everything comes over once, nothing bmtool had is changed, a second run adds nothing.
 */
class ImportPyBitmessageCommandTest {
    @TempDir
    Path py;
    @TempDir
    Path data;

    private static final SecureRandom RND = new SecureRandom();

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine cl = BmtoolCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 2];
        full[0] = "--data-dir";
        full[1] = data.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return new Run(cl.execute(full), out.toString(), err.toString());
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RND.nextBytes(b);
        return b;
    }

    /** PyBitmessage v0.6 class_sqlThread: the tables of a freshly created messages.dat. */
    private static void createMessagesDat(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE inbox (msgid blob, toaddress text, fromaddress text, subject text,"
                    + " received text, message text, folder text, encodingtype int, read bool, sighash blob,"
                    + " UNIQUE(msgid) ON CONFLICT REPLACE)");
            st.execute("CREATE TABLE sent (msgid blob, toaddress text, toripe blob, fromaddress text, subject text,"
                    + " message text, ackdata blob, senttime integer, lastactiontime integer,"
                    + " sleeptill integer, status text, retrynumber integer, folder text, encodingtype int, ttl int)");
            st.execute("CREATE TABLE subscriptions (label text, address text, enabled bool)");
            st.execute("CREATE TABLE addressbook (label text, address text, UNIQUE(address) ON CONFLICT IGNORE)");
            st.execute("CREATE TABLE blacklist (label text, address text, enabled bool)");
            st.execute("CREATE TABLE whitelist (label text, address text, enabled bool)");
            st.execute("CREATE TABLE pubkeys (address text, addressversion int, transmitdata blob, time int,"
                    + " usedpersonally text, UNIQUE(address) ON CONFLICT REPLACE)");
            st.execute("CREATE TABLE inventory (hash blob, objecttype int, streamnumber int, payload blob,"
                    + " expirestime integer, tag blob, UNIQUE(hash) ON CONFLICT REPLACE)");
            st.execute("INSERT INTO subscriptions VALUES"
                    + "('Bitmessage new releases/announcements','BM-GtovgYdgs7qXPkoYaRgrLFuFKz1SFpsw',1)");
            st.execute("CREATE TABLE settings (key blob, value blob, UNIQUE(key) ON CONFLICT REPLACE)");
            st.execute("INSERT INTO settings VALUES('version','11')");
            st.execute("INSERT INTO settings VALUES('lastvacuumtime','1700000000')");
            st.execute("CREATE TABLE objectprocessorqueue (objecttype int, data blob,"
                    + " UNIQUE(objecttype, data) ON CONFLICT REPLACE)");
        }
    }

    private static void inbox(Connection c, byte[] msgid, String to, String from, String subject, Object received,
            String folder, int read, byte[] sighash) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO inbox VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setBytes(1, msgid);
            ps.setString(2, to);
            ps.setString(3, from);
            ps.setString(4, subject);
            ps.setObject(5, received); // PyBitmessage inserts an int into this text column
            ps.setString(6, "body of " + subject);
            ps.setString(7, folder);
            ps.setInt(8, 2);
            ps.setInt(9, read);
            ps.setBytes(10, sighash);
            ps.executeUpdate();
        }
    }

    private static void sent(Connection c, byte[] msgid, String to, String from, String subject, byte[] ack,
            String status, String folder) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sent VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setBytes(1, msgid);
            ps.setString(2, to);
            ps.setBytes(3, random(20));
            ps.setString(4, from);
            ps.setString(5, subject);
            ps.setString(6, "body of " + subject);
            ps.setBytes(7, ack);
            ps.setLong(8, 1_700_000_100L);
            ps.setLong(9, 1_700_000_200L);
            ps.setLong(10, 0);
            ps.setString(11, status);
            ps.setInt(12, 0);
            ps.setString(13, folder);
            ps.setInt(14, 2);
            ps.setLong(15, 345600);
            ps.executeUpdate();
        }
    }

    @Test
    void importsAPyBitmessageV06DirectoryOnceAndChangesNothingOfOurs() throws Exception {
        Identity alice = AddressGenerator.random("alice", 4, 1, 1, RND);
        Identity shared = AddressGenerator.random("PyBitmessage's label", 4, 1, 1, RND);
        Identity other = AddressGenerator.random("other", 4, 1, 1, RND);
        Identity friend = AddressGenerator.random("friend", 4, 1, 1, RND);
        String chan = AddressGenerator.chan("general").address().encode();

        // PyBitmessage's keys.dat
        KeysDat k = KeysDat.withDefaults();
        k.set(KeysDat.SETTINGS_SECTION, "port", "8444");
        k.set(KeysDat.SETTINGS_SECTION, "apienabled", "true");
        k.set(KeysDat.SETTINGS_SECTION, "apiport", "8442");
        k.set(KeysDat.SETTINGS_SECTION, "apiusername", "user");
        k.set(KeysDat.SETTINGS_SECTION, "apipassword", "pass");
        k.put(alice);
        k.put(shared);
        Files.writeString(py.resolve("keys.dat"), k.write());

        // bmtool already has one of them (with its own label), an address book entry and a setting
        IdentityStore ours = new IdentityStore(data);
        ours.add(shared.withLabel("bmtool's label"));
        ours.update(kd -> {
            kd.set(KeysDat.SETTINGS_SECTION, "apiport", "9999");
            return null;
        });
        try (MailStore s = MailStore.open(data)) {
            s.contactPut(friend.address(), "bmtool's friend");
        }

        byte[] msg1 = random(32);
        byte[] msg2 = random(32);
        byte[] msgTrash = random(32);
        byte[] msgOld = random(32);
        byte[] ackDone = random(38);
        byte[] ackQueued = random(38);
        byte[] ackBroadcast = random(38);
        byte[] ackTrash = random(38);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + py.resolve("messages.dat"))) {
            createMessagesDat(c);
            String a = alice.address().encode();
            String o = other.address().encode();
            inbox(c, msg1, a, o, "hello alice", 1_700_000_000L, "inbox", 0, random(32));
            inbox(c, msg2, "[Broadcast subscribers]", o, "news", "1700000050", "inbox", 1, random(32));
            inbox(c, msgTrash, a, o, "thrown away", 1_700_000_060L, "trash", 1, random(32));
            inbox(c, msgOld, chan, o, "old row", 1_600_000_000L, "inbox", 1, new byte[0]);
            sent(c, random(32), o, a, "acknowledged", ackDone, "ackreceived", "sent");
            sent(c, random(16), o, a, "not sent yet", ackQueued, "msgqueued", "sent");
            sent(c, random(32), "[Broadcast subscribers]", a, "my news", ackBroadcast, "broadcastsent", "sent");
            sent(c, random(32), o, a, "trashed", ackTrash, "msgsent", "trash");
            sent(c, random(16), o, a, "odd", random(38), "nosuchstatus", "sent");
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO addressbook VALUES('Other','" + o + "')");
                st.execute("INSERT INTO addressbook VALUES('PyBitmessage friend','" + friend.address().encode() + "')");
                st.execute("INSERT INTO addressbook VALUES('broken','BM-notanaddress')");
                st.execute("INSERT INTO subscriptions VALUES('off','" + o + "',0)");
                st.execute("INSERT INTO blacklist VALUES('spammer','" + o + "',1)");
                st.execute("INSERT INTO whitelist VALUES('old','" + o + "',0)");
            }
        }

        Run r = run("import", "pybitmessage", py.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> rep = Json.parseObject(r.out().trim());
        assertEquals(Map.of("imported", 1L, "alreadyPresent", 1L, "skipped", List.of()), rep.get("identities"));
        assertTrue(((List<?>) rep.get("settingsCopied")).containsAll(List.of("port", "apienabled", "apiusername",
                "apipassword")), r.out());
        assertEquals(List.of("apiport"), rep.get("settingsKept"));
        Map<?, ?> inbox = (Map<?, ?>) rep.get("inbox");
        assertEquals(4L, inbox.get("imported"));
        Map<?, ?> sent = (Map<?, ?>) rep.get("sent");
        assertEquals(4L, sent.get("imported"));
        assertEquals(1, ((List<?>) sent.get("skipped")).size(), r.out());
        Map<?, ?> book = (Map<?, ?>) rep.get("addressBook");
        assertEquals(1L, book.get("imported"));
        assertEquals(1L, book.get("alreadyPresent"));
        assertEquals(1, ((List<?>) book.get("skipped")).size());
        Map<?, ?> subs = (Map<?, ?>) rep.get("subscriptions");
        assertEquals(1L, subs.get("imported"));
        assertEquals(1, ((List<?>) subs.get("skipped")).size()); // the disabled one
        assertEquals(1L, ((Map<?, ?>) rep.get("blacklist")).get("imported"));
        assertEquals(0L, ((Map<?, ?>) rep.get("whitelist")).get("imported"));
        assertEquals(1L, rep.get("queuedForSending"));

        // what landed, and what stayed as bmtool had it
        KeysDat now = ours.load();
        assertEquals("bmtool's label", now.section(shared.address().encode()).get("label"));
        assertEquals("alice", now.section(alice.address().encode()).get("label"));
        assertEquals("9999", now.section(KeysDat.SETTINGS_SECTION).get("apiport"));
        assertEquals("true", now.section(KeysDat.SETTINGS_SECTION).get("apienabled"));
        try (MailStore s = MailStore.open(data)) {
            List<MailStore.InboxEntry> in = s.inbox(0);
            assertEquals(3, in.size()); // the trashed one is in the trash
            MailStore.InboxEntry first = in.stream().filter(e -> Arrays.equals(e.msgid(), msg1)).findFirst().orElseThrow();
            assertEquals("hello alice", first.subject());
            assertEquals("body of hello alice", first.body());
            assertEquals(1_700_000_000L, first.received());
            assertEquals(false, first.read());
            assertEquals("broadcast", in.stream().filter(e -> Arrays.equals(e.msgid(), msg2)).findFirst().orElseThrow()
                    .kind());
            assertEquals(1, s.inboxByMsgid(msgTrash).size());
            assertEquals(MessageStatus.ACK_RECEIVED, s.sentByAck(ackDone).orElseThrow().status());
            assertEquals(MessageStatus.MSG_QUEUED, s.sentByAck(ackQueued).orElseThrow().status());
            assertEquals("broadcast", s.sentByAck(ackBroadcast).orElseThrow().kind());
            assertEquals(1_700_000_200L, s.sentByAck(ackDone).orElseThrow().lastAction());
            assertTrue(s.sentByAck(ackTrash).isPresent());
            assertEquals(3, s.sent().size()); // trash not listed
            assertEquals("bmtool's friend", s.contacts().stream()
                    .filter(ct -> ct.address().equals(friend.address())).findFirst().orElseThrow().label());
            assertEquals(2, s.contacts().size());
            assertEquals(1, s.subscriptions().size());
            assertEquals(1, s.listEntries("blacklist").size());
        }

        // again: nothing new
        Run again = run("import", "pybitmessage", py.toString(), "--json");
        assertEquals(0, again.code(), again.err());
        Map<String, Object> rep2 = Json.parseObject(again.out().trim());
        for (String part : List.of("identities", "inbox", "sent", "addressBook", "subscriptions", "blacklist")) {
            assertEquals(0L, ((Map<?, ?>) rep2.get(part)).get("imported"), part + ": " + again.out());
        }
        assertEquals(2L, ((Map<?, ?>) rep2.get("identities")).get("alreadyPresent"));
        assertEquals(4L, ((Map<?, ?>) rep2.get("inbox")).get("alreadyPresent"));
        assertEquals(List.of(), rep2.get("settingsCopied"));
        assertEquals(0L, rep2.get("queuedForSending"));

        // the human report
        Run text = run("import", "pybitmessage", py.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("inbox          0 imported, 4 already here"), text.out());
    }

    @Test
    void aDirectoryWithoutPyBitmessageDataIsAUsageError() throws Exception {
        Run r = run("import", "pybitmessage", py.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("bmtool: no PyBitmessage data in "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void defaultDirectoryIsPyBitmessages() {
        Path home = Path.of("/home/u");
        assertEquals(Path.of("/home/u/.config/PyBitmessage"),
                PyBitmessageImport.defaultDirectory(Map.of(), "Linux", home));
        assertEquals(Path.of("/x/PyBitmessage"),
                PyBitmessageImport.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/x"), "Linux", home));
        assertEquals(Path.of("/data/bm"),
                PyBitmessageImport.defaultDirectory(Map.of("BITMESSAGE_HOME", "/data/bm"), "Linux", home));
        assertEquals(Path.of("/home/u/Library/Application Support/PyBitmessage"),
                PyBitmessageImport.defaultDirectory(Map.of(), "Mac OS X", home));
    }
}
