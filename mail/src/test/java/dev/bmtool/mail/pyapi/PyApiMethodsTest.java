package dev.bmtool.mail.pyapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.mail.MailStore;
import dev.bmtool.mail.MessageStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Method-level behaviour without a node: texts, documents, queueing, trash, variants. */
class PyApiMethodsTest {
    @TempDir
    Path dir;

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private ApiError fault(PyApiMethods m, String method, Object... args) {
        return assertThrows(ApiError.class, () -> m.call(method, List.of(args), false));
    }

    @Test
    void decodeErrorsAndDocumentsReadAsPyBitmessages() throws Exception {
        try (MailStore store = MailStore.open(dir)) {
            PyApiMethods m = new PyApiMethods(PyApiServerTest.context(dir, store, PyApiConfig.Variant.XML));
            ApiError e = fault(m, "trashMessage", "abc");
            assertEquals(22, e.code());
            assertEquals("Decode error - Odd-length string. Had trouble while decoding string: 'abc'", e.text());
            assertEquals("API Error 0022: Decode error - Odd-length string. Had trouble while decoding string: 'abc'",
                    e.toString());
            e = fault(m, "createRandomAddress", "abc");
            assertEquals("Decode error - Incorrect padding. Had trouble while decoding string: 'abc'", e.text());
            e = fault(m, "createRandomAddress", b64("x"), 1L);
            assertEquals("Bool expected in eighteenByteRipe, saw <type 'int'> instead", e.text());
            Identity id = AddressGenerator.random("x", 4, 1, 1, new SecureRandom());
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) m.call("decodeAddress", List.of(id.address().encode()), false);
            assertEquals(List.of("status", "addressVersion", "streamNumber", "ripe"), List.copyOf(d.keySet()));
            assertEquals(Base64.getEncoder().encodeToString(id.address().ripe()), d.get("ripe"));
            // the legacy-only aliases exist only in that variant
            assertEquals(20, fault(m, "listAddressbook").code());
            PyApiMethods legacy = new PyApiMethods(PyApiServerTest.context(dir, store, PyApiConfig.Variant.LEGACY));
            assertEquals(Map.of("addresses", List.of()), legacy.call("listAddressbook", List.of(), false));
        }
    }

    @Test
    void sendQueuesForTheAgentAndTrashHidesFromTheFolder() throws Exception {
        Identity me = AddressGenerator.random("me", 4, 1, 1, new SecureRandom());
        Identity you = AddressGenerator.random("you", 4, 1, 1, new SecureRandom());
        new IdentityStore(dir).add(me);
        try (MailStore store = MailStore.open(dir)) {
            PyApiMethods m = new PyApiMethods(PyApiServerTest.context(dir, store, PyApiConfig.Variant.XML));
            String ack = (String) m.call("sendMessage", List.of(you.address().encode(), me.address().encode(),
                    b64("s"), b64("body")), false);
            assertEquals(76, ack.length()); // stealth level 0: 38 bytes
            assertEquals("msgqueued", m.call("getStatus", List.of(ack), false));
            MailStore.SentEntry e = store.sentByAck(Hex.decode(ack)).orElseThrow();
            assertEquals(MessageStatus.MSG_QUEUED, e.status());
            assertEquals(345600, e.ttl()); // the default: four days
            assertEquals(16, e.msgid().length); // a uuid4 until sent, as PyBitmessage's
            assertEquals("notfound", m.call("getStatus", List.of("00".repeat(38)), false));
            String bc = (String) m.call("sendBroadcast", List.of(me.address().encode(), b64("n"), b64("b"), 2L, 7200L),
                    false);
            assertEquals("broadcastqueued", m.call("getStatus", List.of(bc), false));
            assertEquals(345600, store.sentByAck(Hex.decode(bc)).orElseThrow().ttl()); // its TTL argument is ignored
            String msgid = Hex.encode(e.msgid());
            assertEquals("Trashed sent message (assuming message existed).",
                    m.call("trashSentMessage", List.of(msgid), false));
            assertEquals(1, store.sent().size());
            assertTrue(store.sentWithStatus(MessageStatus.MSG_QUEUED).isEmpty(), "trashed messages are not sent");
            assertEquals("msgqueued", m.call("getStatus", List.of(ack), false)); // still found by ackdata
            assertNull(m.call("getInboxMessageById", List.of("00"), false));
            // as PyBitmessage answers a bad toAddress (checked against the real one)
            ApiError bad = fault(m, "sendMessage", "BM-nonsense", me.address().encode(), b64("s"), b64("m"));
            assertEquals(0, bad.code());
            assertEquals("Command sendMessage takes at least 5 parameters (4 given)", bad.text());
            bad = fault(m, "sendMessage", "BM-nonsense", me.address().encode(), b64("s"), b64("m"), 2L);
            assertEquals("Unexpected API Failure - b2a_hex() argument 1 must be string or buffer, not None", bad.text());
            // legacy: every method is wrapper(*args), so Python's counts are 0
            PyApiMethods legacy = new PyApiMethods(PyApiServerTest.context(dir, store, PyApiConfig.Variant.LEGACY));
            assertEquals("Command helloWorld takes at most 0 parameters (1 given)",
                    assertThrows(ApiError.class, () -> legacy.call("helloWorld", List.of("a"), false)).text());
            assertEquals("Unexpected API Failure - HandleListAddresses() takes exactly 1 argument (2 given)",
                    fault(m, "listAddresses", "x").text());
        }
    }
}
