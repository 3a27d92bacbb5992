package dev.bmtool.mail.migrate;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.AddressException;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.crypto.Hashes;
import dev.bmtool.mail.MailAgent;
import dev.bmtool.mail.MailStore;
import dev.bmtool.mail.MessageStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bmtool import pybitmessage}: copies a PyBitmessage data directory into bmtool's. Only
 * adds: identities, settings, messages and list entries already in bmtool are left as they are,
 * so running it again changes nothing. messages.dat is opened read-only.
 */
public final class PyBitmessageImport {
    /** Largest keys.dat we read (they are a few KiB). */
    private static final long MAX_KEYS_DAT = 16L << 20;
    /** Settings that describe PyBitmessage's own installation, not the user's choices. */
    private static final Set<String> NOT_COPIED = Set.of("settingsversion");

    /** What happened to one kind of data. */
    public record Count(int imported, int alreadyPresent, List<String> skipped) {
    }

    /** The whole report. */
    public record Report(Path source, Count identities, List<String> settingsCopied, List<String> settingsKept,
            Count inbox, Count sent, Count addressBook, Count subscriptions, Count blacklist, Count whitelist,
            int queuedForSending) {
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", source.toString());
            m.put("identities", json(identities));
            m.put("settingsCopied", settingsCopied);
            m.put("settingsKept", settingsKept);
            m.put("inbox", json(inbox));
            m.put("sent", json(sent));
            m.put("addressBook", json(addressBook));
            m.put("subscriptions", json(subscriptions));
            m.put("blacklist", json(blacklist));
            m.put("whitelist", json(whitelist));
            m.put("queuedForSending", queuedForSending);
            return m;
        }

        private static Map<String, Object> json(Count c) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("imported", c.imported());
            m.put("alreadyPresent", c.alreadyPresent());
            m.put("skipped", c.skipped());
            return m;
        }
    }

    private PyBitmessageImport() {
    }

    /**
     * PyBitmessage's data directory: {@code $BITMESSAGE_HOME}, else its per-platform place
     * ({@code ~/.config/PyBitmessage} on Linux, honouring {@code XDG_CONFIG_HOME}).
     */
    public static Path defaultDirectory(Map<String, String> env, String osName, Path home) {
        String bmHome = env.get("BITMESSAGE_HOME");
        if (bmHome != null && !bmHome.isBlank()) {
            return Path.of(bmHome);
        }
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("mac") || os.contains("darwin")) {
            return home.resolve("Library/Application Support/PyBitmessage");
        }
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData == null ? home : Path.of(appData)).resolve("PyBitmessage");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg)).resolve("PyBitmessage");
    }

    /** Imports {@code source} into the data directory of {@code identities} and {@code store}. */
    public static Report run(Path source, IdentityStore identities, MailStore store) throws IOException {
        Path keys = source.resolve("keys.dat");
        Path messages = source.resolve("messages.dat");
        if (!Files.isRegularFile(keys) && !Files.isRegularFile(messages)) {
            throw new IOException("no PyBitmessage data in " + source + " (neither keys.dat nor messages.dat)");
        }
        Count ids = new Count(0, 0, List.of());
        List<String> copied = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        if (Files.isRegularFile(keys)) {
            if (Files.size(keys) > MAX_KEYS_DAT) {
                throw new IOException(keys + " is too large for a keys.dat");
            }
            KeysDat in = KeysDat.parse(Files.readString(keys, StandardCharsets.UTF_8));
            IdentityStore.MergeResult r = identities.merge(in);
            ids = new Count(r.added().size(), r.alreadyPresent().size(), r.problems());
            Map<String, String> theirs = in.section(KeysDat.SETTINGS_SECTION);
            identities.update(k -> {
                Map<String, String> ours = k.section(KeysDat.SETTINGS_SECTION);
                for (var e : theirs.entrySet()) {
                    if (NOT_COPIED.contains(e.getKey())) {
                        continue;
                    }
                    if (ours.containsKey(e.getKey())) {
                        if (!ours.get(e.getKey()).equals(e.getValue())) {
                            kept.add(e.getKey());
                        }
                    } else {
                        k.set(KeysDat.SETTINGS_SECTION, e.getKey(), e.getValue());
                        copied.add(e.getKey());
                    }
                }
                return null;
            });
        }
        if (!Files.isRegularFile(messages)) {
            Count none = new Count(0, 0, List.of());
            return new Report(source, ids, copied, kept, none, none, none, none, none, none, 0);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + messages.toAbsolutePath()
                + "?mode=ro")) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout=15000");
            }
            int[] queued = new int[1];
            Count inbox = inbox(c, store);
            Count sent = sent(c, store, queued);
            Count book = addressBook(c, store);
            Count subs = subscriptions(c, store);
            Count black = accessList(c, store, "blacklist");
            Count white = accessList(c, store, "whitelist");
            return new Report(source, ids, copied, kept, inbox, sent, book, subs, black, white, queued[0]);
        } catch (SQLException e) {
            throw new IOException("cannot read " + messages + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A text column that Python 2 may have stored as bytes: UTF-8 with replacement. */
    private static String text(ResultSet rs, String column) throws SQLException {
        byte[] b = rs.getBytes(column);
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    private static long number(ResultSet rs, String column) throws SQLException {
        String v = rs.getString(column);
        if (v == null) {
            return 0;
        }
        try {
            return (long) Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Count inbox(Connection c, MailStore store) throws SQLException {
        if (!hasTable(c, "inbox")) {
            return new Count(0, 0, List.of());
        }
        int added = 0;
        int present = 0;
        List<String> skipped = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT msgid, toaddress, fromaddress, subject, received, message, folder, encodingtype, read, sighash"
                        + " FROM inbox")) {
            while (rs.next()) {
                byte[] msgid = rs.getBytes("msgid");
                String folder = text(rs, "folder");
                if (msgid == null || msgid.length == 0) {
                    skipped.add("an inbox message without msgid");
                    continue;
                }
                if (!folder.equals(MailStore.FOLDER_INBOX) && !folder.equals(MailStore.FOLDER_TRASH)) {
                    skipped.add("inbox message " + dev.bmtool.core.encoding.Hex.encode(msgid) + " in folder '" + folder
                            + "'");
                    continue;
                }
                byte[] sigHash = rs.getBytes("sighash");
                if (sigHash == null || sigHash.length == 0) {
                    // older rows lack it: a stable stand-in derived from the msgid keeps a rerun idempotent
                    sigHash = Arrays.copyOf(Hashes.sha512("pybitmessage import".getBytes(StandardCharsets.US_ASCII),
                            msgid), 32);
                }
                String to = text(rs, "toaddress");
                String kind = to.equals(MailAgent.BROADCAST_TO) ? "broadcast" : "msg";
                boolean isNew = store.addImportedInbox(msgid, sigHash, kind, to, text(rs, "fromaddress"),
                        text(rs, "subject"), text(rs, "message"), Math.max(1, number(rs, "encodingtype")),
                        number(rs, "received"), number(rs, "read") != 0, folder);
                if (isNew) {
                    added++;
                } else {
                    present++;
                }
            }
        }
        return new Count(added, present, skipped);
    }

    private static final Set<MessageStatus> IN_FLIGHT = Set.of(MessageStatus.MSG_QUEUED, MessageStatus.DOING_PUBKEY_POW,
            MessageStatus.AWAITING_PUBKEY, MessageStatus.DOING_MSG_POW, MessageStatus.BROADCAST_QUEUED,
            MessageStatus.DOING_BROADCAST_POW);

    private static Count sent(Connection c, MailStore store, int[] queued) throws SQLException {
        if (!hasTable(c, "sent")) {
            return new Count(0, 0, List.of());
        }
        int added = 0;
        int present = 0;
        List<String> skipped = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT msgid, toaddress, fromaddress, subject, message, ackdata, senttime, lastactiontime, status,"
                        + " retrynumber, folder, encodingtype, ttl FROM sent")) {
            while (rs.next()) {
                byte[] ack = rs.getBytes("ackdata");
                String folder = text(rs, "folder");
                String statusName = text(rs, "status");
                if (ack == null || ack.length == 0) {
                    skipped.add("a sent message without ackdata");
                    continue;
                }
                if (!folder.equals(MailStore.FOLDER_SENT) && !folder.equals(MailStore.FOLDER_TRASH)) {
                    skipped.add("sent message in folder '" + folder + "'");
                    continue;
                }
                MessageStatus status;
                try {
                    status = MessageStatus.of(statusName);
                } catch (IllegalArgumentException e) {
                    skipped.add("sent message with status '" + statusName + "'");
                    continue;
                }
                String to = text(rs, "toaddress");
                long ttl = number(rs, "ttl");
                boolean isNew = store.addImportedSent(ack, rs.getBytes("msgid"),
                        to.equals(MailAgent.BROADCAST_TO) ? "broadcast" : "msg", text(rs, "fromaddress"), to,
                        text(rs, "subject"), text(rs, "message"), ttl > 0 ? ttl : 4 * 24 * 3600,
                        (int) number(rs, "retrynumber"), status, number(rs, "senttime"), number(rs, "lastactiontime"),
                        Math.max(1, number(rs, "encodingtype")), folder);
                if (isNew) {
                    added++;
                    if (IN_FLIGHT.contains(status) && folder.equals(MailStore.FOLDER_SENT)) {
                        queued[0]++;
                    }
                } else {
                    present++;
                }
            }
        }
        return new Count(added, present, skipped);
    }

    /** One (label, address, enabled) row, or a reason to skip it. */
    private record Entry(String label, Address address, boolean enabled) {
    }

    private static List<Object> entries(Connection c, String table, boolean hasEnabled) throws SQLException {
        List<Object> out = new ArrayList<>();
        if (!hasTable(c, table)) {
            return out;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT label, address" + (hasEnabled ? ", enabled" : "") + " FROM " + table)) {
            while (rs.next()) {
                String a = text(rs, "address");
                try {
                    out.add(new Entry(text(rs, "label"), Address.decode(a), !hasEnabled || number(rs, "enabled") != 0));
                } catch (AddressException e) {
                    out.add(table + " entry '" + a + "': " + e.getMessage());
                }
            }
        }
        return out;
    }

    private static Count addressBook(Connection c, MailStore store) throws SQLException {
        int added = 0;
        int present = 0;
        List<String> skipped = new ArrayList<>();
        Set<Address> have = new java.util.HashSet<>(store.contacts().stream().map(MailStore.Contact::address).toList());
        for (Object o : entries(c, "addressbook", false)) {
            if (o instanceof Entry e) {
                if (have.add(e.address())) {
                    store.contactPut(e.address(), e.label());
                    added++;
                } else {
                    present++;
                }
            } else {
                skipped.add((String) o);
            }
        }
        return new Count(added, present, skipped);
    }

    private static Count subscriptions(Connection c, MailStore store) throws SQLException {
        int added = 0;
        int present = 0;
        List<String> skipped = new ArrayList<>();
        for (Object o : entries(c, "subscriptions", true)) {
            if (o instanceof Entry e) {
                if (!e.enabled()) {
                    skipped.add(e.address() + " (disabled in PyBitmessage; bmtool's subscriptions are always on)");
                } else if (store.subscribe(e.address(), e.label(), System.currentTimeMillis() / 1000)) {
                    added++;
                } else {
                    present++;
                }
            } else {
                skipped.add((String) o);
            }
        }
        return new Count(added, present, skipped);
    }

    private static Count accessList(Connection c, MailStore store, String list) throws SQLException {
        int added = 0;
        int present = 0;
        List<String> skipped = new ArrayList<>();
        Set<Address> have = new java.util.HashSet<>(store.listEntries(list).stream()
                .map(MailStore.AccessEntry::address).toList());
        for (Object o : entries(c, list, true)) {
            if (o instanceof Entry e) {
                if (have.contains(e.address())) {
                    present++;
                } else if (!e.enabled()) {
                    skipped.add(e.address() + " (disabled in PyBitmessage)");
                } else {
                    store.listAdd(list, e.address(), e.label());
                    have.add(e.address());
                    added++;
                }
            } else {
                skipped.add((String) o);
            }
        }
        return new Count(added, present, skipped);
    }
}
