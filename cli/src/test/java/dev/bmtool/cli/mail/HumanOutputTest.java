package dev.bmtool.cli.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.Human;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.json.Json;
import dev.bmtool.mail.MailStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Text for people: local dates, durations, sent messages readable, reply. */
@Timeout(60)
class HumanOutputTest {
    private static final long T = 1_796_455_663L;

    @TempDir
    Path dir;

    @Test
    void nodeStatusReadsAsSentences() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("running", true);
        s.put("pid", 42L);
        s.put("startedAt", T);
        s.put("uptime", 7_530L);
        s.put("dataDir", "/d");
        s.put("listenPort", 8444L);
        s.put("apiPort", 8446L);
        s.put("tls", true);
        s.put("objects", 12L);
        s.put("lastSeq", 12L);
        s.put("knownPeers", 300L);
        s.put("accepted", 10L);
        s.put("rejected", 1L);
        s.put("minimumDifficulty", Map.of("nonceTrialsPerByte", 1000L, "payloadLengthExtraBytes", 1000L));
        s.put("connections", 3L);
        s.put("established", 2L);
        s.put("wanted", 0L);
        s.put("localNotFetched", 0L);
        s.put("newField", Map.of("a", 1L));
        StringWriter w = new StringWriter();
        dev.bmtool.cli.node.NodeStatusCommandAccess.print(new PrintWriter(w, true), s);
        String out = w.toString();
        assertTrue(out.contains("running, pid 42, up 2 h 05 min (since " + Human.fullDateTime(T) + ")"), out);
        assertTrue(out.contains("listening on port 8444, TLS offered"), out);
        assertTrue(out.contains("127.0.0.1:8446"), out);
        assertTrue(out.contains("1000 trials per byte, 1000 extra bytes"), out);
        assertTrue(out.contains("3 connected (2 past the handshake), 300 known"), out);
        assertTrue(out.contains("newField      a 1"), out);
        assertFalse(out.contains("{") || out.contains(String.valueOf(T)), "no raw maps or epoch seconds: " + out);
        assertEquals("45 s", Human.duration(45));
        assertEquals("3 min 05 s", Human.duration(185));
        assertEquals("4 d 3 h", Human.duration(4 * 86400 + 3 * 3600 + 59));
    }

    @Test
    void sentShowsDatesAndOneMessageInFull() throws Exception {
        try (MailStore store = MailStore.open(dir)) {
            store.addSent(new byte[32], "msg", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK",
                    "BM-2cV5f9EpzaYARxtoruSpa6pDoucSf9ZNke", "the subject", "the body\nline 2", 600,
                    MailStore.AWAITING_PUBKEY, T);
        }
        MailCliTest.Run r = MailCliTest.run(dir, "sent");
        assertTrue(r.out().contains(Human.dateTime(T) + " awaitingpubkey"), r.out());
        r = MailCliTest.run(dir, "sent", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Date:     " + Human.fullDateTime(T)), r.out());
        assertTrue(r.out().contains("Status:   awaitingpubkey"), r.out());
        assertTrue(r.out().endsWith("the body\nline 2\n"), r.out());
        assertEquals("the body\nline 2", Json.parseObject(MailCliTest.run(dir, "sent", "1", "--json").out().trim())
                .get("body"));
        r = MailCliTest.run(dir, "sent", "9");
        assertEquals(1, r.code());
        assertEquals("bmtool: no sent message 9 (see 'bmtool sent')", r.err().strip());
    }

    @Test
    void replyAnswersFromTheIdentityItReachedWithTheOriginalQuoted() throws Exception {
        String me = Json.parseObject(MailCliTest.run(dir, "identity", "new", "--json").out().trim()).get("address")
                .toString();
        String them = AddressGenerator.random("", 4, 1, 1, new SecureRandom()).address().encode();
        try (MailStore store = MailStore.open(dir)) {
            store.addInbox(new byte[32], new byte[32], "msg", me, them, "Lunch?", "At noon?", 2, T);
        }
        MailCliTest.Run r = MailCliTest.run(dir, "reply", "1", "--body", "Yes.", "--timeout", "1", "--peer",
                "127.0.0.1:1");
        List<Map<String, Object>> sent = MailCliTest.jsonList(MailCliTest.run(dir, "sent", "--json").out());
        assertEquals(1, sent.size(), r.err());
        assertEquals(me, sent.getFirst().get("from"));
        assertEquals(them, sent.getFirst().get("to"));
        assertEquals("Re: Lunch?", sent.getFirst().get("subject"));
        String body = MailCliTest.run(dir, "sent", "1").out();
        assertTrue(body.endsWith("Yes.\n\n------------------------------------------------------\nAt noon?\n"), body);
        assertEquals("Re: x", ReplyCommand.reSubject("Re: x"));
        assertEquals("RE: x", ReplyCommand.reSubject("RE: x"));
        r = MailCliTest.run(dir, "reply", "7", "--body", "x");
        assertEquals(2, r.code());
        assertEquals("bmtool: no inbox message 7 (see 'bmtool inbox')", r.err().strip());
    }

    @Test
    void trashMovesRestoresListsAndEmpties() throws Exception {
        try (MailStore store = MailStore.open(dir)) {
            store.addInbox(new byte[32], new byte[32], "msg", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK",
                    "BM-2cV5f9EpzaYARxtoruSpa6pDoucSf9ZNke", "spam", "b", 2, T);
            store.addSent(new byte[32], "msg", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK",
                    "BM-2cV5f9EpzaYARxtoruSpa6pDoucSf9ZNke", "old", "b", 600, MailStore.ACK_RECEIVED, T);
        }
        assertEquals("the trash is empty", MailCliTest.run(dir, "trash").out().strip());
        assertEquals("moved message 1 to the trash", MailCliTest.run(dir, "trash", "1").out().strip());
        assertEquals("inbox is empty", MailCliTest.run(dir, "inbox").out().strip());
        assertEquals("moved sent message 1 to the trash", MailCliTest.run(dir, "trash", "--sent", "1").out().strip());
        assertEquals("nothing sent yet", MailCliTest.run(dir, "sent").out().strip());
        List<Map<String, Object>> t = MailCliTest.jsonList(MailCliTest.run(dir, "trash", "--json").out());
        assertEquals(List.of("inbox", "sent"), t.stream().map(m -> m.get("origin")).toList());
        assertTrue(MailCliTest.run(dir, "trash").out().contains("spam"));
        assertTrue(MailCliTest.run(dir, "read", "1").out().contains("Subject:  spam"), "a trashed message can be read");
        assertEquals("restored message 1", MailCliTest.run(dir, "trash", "--restore", "1").out().strip());
        assertEquals(1, MailCliTest.jsonList(MailCliTest.run(dir, "inbox", "--json").out()).size());
        assertEquals("deleted 1 message", MailCliTest.run(dir, "trash", "--empty").out().strip());
        assertEquals("[]", MailCliTest.run(dir, "sent", "--json").out().trim());
        MailCliTest.Run r = MailCliTest.run(dir, "trash", "5");
        assertEquals(1, r.code());
        assertEquals("bmtool: no inbox message 5", r.err().strip());
    }
}
