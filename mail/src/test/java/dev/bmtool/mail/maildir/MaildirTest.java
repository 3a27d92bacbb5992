package dev.bmtool.mail.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.json.Json;
import dev.bmtool.node.NodeLog;
import dev.bmtool.mail.MailStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the Maildir feed writes, read back by Python's standard mailbox and email packages. */
@Timeout(60)
class MaildirTest {
    /** Reads every message of a Maildir with Python's parsers; prints one JSON object per message. */
    static final String READER = """
            import json, mailbox, sys, email.policy, email.utils
            box = mailbox.Maildir(sys.argv[1], factory=None, create=False)
            out = []
            for key in sorted(box.keys()):
                with box.get_file(key) as f:
                    m = email.message_from_binary_file(f, policy=email.policy.default)
                out.append({
                    "from": m["From"].addresses[0].addr_spec,
                    "to": m["To"].addresses[0].addr_spec,
                    "toName": m["To"].addresses[0].display_name,
                    "subject": str(m["Subject"]),
                    "messageId": m["Message-ID"],
                    "date": int(email.utils.parsedate_to_datetime(m["Date"]).timestamp()),
                    "kind": m["X-Bitmessage-Kind"],
                    "charset": m.get_content_charset(),
                    "body": m.get_content(),
                    "defects": len(m.defects),
                })
            print(json.dumps(out))
            """;

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readWithPython(Path maildir, Path scratch) throws Exception {
        Path script = scratch.resolve("read_maildir.py");
        Files.writeString(script, READER);
        Process p = new ProcessBuilder("python3", script.toString(), maildir.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return (List<Map<String, Object>>) Json.parse(out);
    }

    @Test
    void msgsChanMsgsAndBroadcastsLandInNewAndPythonReadsThem() throws Exception {
        Path data = dir.resolve("data");
        Identity me = AddressGenerator.random("Me", 4, 1, 1, new SecureRandom());
        Identity chan = AddressGenerator.chan("general");
        IdentityStore ids = new IdentityStore(data);
        ids.add(me);
        ids.add(chan);
        String sender = AddressGenerator.random("other", 4, 1, 1, new SecureRandom()).address().encode();
        String longLine = "x".repeat(1500);
        String unicodeSubject = "Grüße aus Köln 🙂 " + "ünïcödé ".repeat(12);
        long t = 1_765_000_000L;
        try (MailStore store = MailStore.open(data)) {
            store.addInbox(bytes(1), bytes(101), "msg", me.address().encode(), sender, "Hello", "line one\nline two\n",
                    2, t);
            store.addInbox(bytes(2), bytes(102), "msg", chan.address().encode(), sender, unicodeSubject,
                    "Ελληνικά και 日本語\n", 2, t + 1);
            store.addInbox(bytes(3), bytes(103), "broadcast", "[Broadcast subscribers]", sender, "News", longLine, 2,
                    t + 2);
            Path maildir = dir.resolve("Mail");
            try (MaildirFeed feed = MaildirFeed.start(data, maildir, store, NodeLog.silent())) {
                assertTrue(waitFor(() -> count(maildir.resolve("new")) == 3));
            }
            assertEquals(0, count(maildir.resolve("tmp")), "tmp/ empty: every file was renamed into new/");

            List<Map<String, Object>> mails = readWithPython(maildir, dir);
            assertEquals(3, mails.size());
            Map<String, Object> m = byKind(mails, "msg");
            assertEquals(sender + "@bitmessage", m.get("from"));
            assertEquals(me.address().encode() + "@bitmessage", m.get("to"));
            assertEquals("Me", m.get("toName"));
            assertEquals("Hello", m.get("subject"));
            assertEquals("<" + "01".repeat(32) + "@bitmessage>", m.get("messageId"));
            assertEquals(t, ((Number) m.get("date")).longValue());
            assertEquals("utf-8", m.get("charset"));
            assertEquals("line one\nline two\n", m.get("body"));
            assertEquals(0, ((Number) m.get("defects")).intValue());

            Map<String, Object> c = byKind(mails, "chan");
            assertEquals(unicodeSubject.strip(), ((String) c.get("subject")).strip(), "RFC 2047 subject decoded");
            assertEquals("[chan] general", c.get("toName"));
            assertEquals(chan.address().encode() + "@bitmessage", c.get("to"));
            assertEquals("Ελληνικά και 日本語\n", c.get("body"));

            Map<String, Object> b = byKind(mails, "broadcast");
            assertEquals("[Broadcast subscribers]", b.get("toName"));
            assertEquals(longLine + "\n", b.get("body"), "a 1500-character line survives (base64)");

            // a restart, a lost state file, and a message the mail program moved to cur/: no duplicates
            Path first = Files.list(maildir.resolve("new")).sorted().findFirst().orElseThrow();
            Files.move(first, maildir.resolve("cur").resolve(first.getFileName() + ":2,S"));
            Files.delete(data.resolve(MaildirFeed.STATE_FILE));
            try (MaildirFeed feed = MaildirFeed.start(data, maildir, store, NodeLog.silent())) {
                assertEquals(0, feed.deliverPending());
                store.addInbox(bytes(4), bytes(104), "msg", me.address().encode(), sender, "Later", "4", 2, t + 3);
                assertTrue(waitFor(() -> count(maildir.resolve("new")) == 3));
            }
            assertEquals(4, readWithPython(maildir, dir).size());
        }
    }

    private static Map<String, Object> byKind(List<Map<String, Object>> mails, String kind) {
        return mails.stream().filter(m -> kind.equals(m.get("kind"))).findFirst().orElseThrow();
    }

    private static byte[] bytes(int v) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    private static long count(Path d) {
        try (var s = Files.list(d)) {
            return s.count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            if (c.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return c.getAsBoolean();
    }
}
