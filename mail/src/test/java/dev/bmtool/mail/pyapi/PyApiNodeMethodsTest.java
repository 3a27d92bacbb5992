package dev.bmtool.mail.pyapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.mail.MailStore;
import dev.bmtool.mail.NodeLink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The methods that report on the node (clientStatus, listConnections, getMessageDataByDestinationHash,
 * dissemination's rejection) see it only through {@link NodeLink}: here a scripted one.
 */
class PyApiNodeMethodsTest {
    @TempDir
    Path dir;

    /** A node with fixed connections, counters and stored objects; remembers what was submitted. */
    private static final class ScriptedNode implements NodeLink {
        final List<Stored> stored = new ArrayList<>();
        final List<PeerConnection> conns = new ArrayList<>();
        final List<Long> types = new ArrayList<>();
        String rejection;

        @Override
        public String submit(byte[] object) {
            if (rejection != null) {
                throw new RejectedException(rejection);
            }
            return "ab".repeat(32);
        }

        @Override
        public List<Stored> objects(Long type, byte[] tag, long afterSeq, int limit, long waitMillis) {
            List<Stored> out = new ArrayList<>();
            for (int i = 0; i < stored.size() && out.size() < limit; i++) {
                Stored s = stored.get(i);
                if (s.seq() > afterSeq && (type == null || types.get(i).equals(type))) {
                    out.add(s);
                }
            }
            return out;
        }

        @Override
        public List<PeerConnection> connections() {
            return List.copyOf(conns);
        }

        @Override
        public Status status() {
            return new Status(1_700_000_000L, 7, conns, Map.of(1L, 3L, 2L, 5L, 3L, 4L));
        }

        @Override
        public String describe() {
            return "scripted node";
        }
    }

    private PyApiMethods methods(MailStore store, NodeLink node) {
        return new PyApiMethods(new PyApiMethods.Context(new IdentityStore(dir), store, node, null,
                () -> 1_700_000_100L, PyApiConfig.Variant.XML, true, null, "test"));
    }

    @Test
    void clientStatusAndConnectionsComeFromTheLink() throws Exception {
        ScriptedNode node = new ScriptedNode();
        node.conns.add(new NodeLink.PeerConnection("127.0.0.1:8444", true, false, "/bmtool:0.1/"));
        node.conns.add(new NodeLink.PeerConnection("[::1]:9000", false, true, null));
        try (MailStore store = MailStore.open(dir)) {
            PyApiMethods m = methods(store, node);
            Map<String, Object> want = new LinkedHashMap<>();
            want.put("networkConnections", 1L);
            want.put("numberOfMessagesProcessed", 5L);
            want.put("numberOfBroadcastsProcessed", 4L);
            want.put("numberOfPubkeysProcessed", 3L);
            want.put("pendingDownload", 7L);
            want.put("networkStatus", "connectedButHaveNotReceivedIncomingConnections");
            want.put("softwareName", "bmtool");
            want.put("softwareVersion", "test");
            assertEquals(want, m.call("clientStatus", List.of(), false));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("host", "127.0.0.1");
            out.put("port", 8444L);
            out.put("fullyEstablished", true);
            out.put("userAgent", "/bmtool:0.1/");
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("host", "::1");
            in.put("port", 9000L);
            in.put("fullyEstablished", false);
            in.put("userAgent", "null");
            assertEquals(Map.of("inbound", List.of(in), "outbound", List.of(out)),
                    m.call("listConnections", List.of(), false));
        }
    }

    @Test
    void messageDataByHashPagesThroughTheMsgObjects() throws Exception {
        ScriptedNode node = new ScriptedNode();
        byte[] wanted = new byte[16];
        Arrays.fill(wanted, (byte) 0x5a);
        for (int i = 1; i <= 1200; i++) {
            byte[] raw = new byte[33];
            raw[0] = (byte) i;
            if (i % 500 == 0 || i == 1200) {
                System.arraycopy(wanted, 0, raw, 17, 16); // PyBitmessage's pre-v3 offset, kept
            }
            node.stored.add(new NodeLink.Stored(i, new byte[32], raw));
            node.types.add(i == 1200 ? 3L : 2L); // not a msg: not looked at
        }
        try (MailStore store = MailStore.open(dir)) {
            Object got = methods(store, node).call("getMessageDataByDestinationHash", List.of(Hex.encode(wanted)),
                    false);
            List<Object> datas = List.of(Map.of("data", Hex.encode(node.stored.get(499).raw())),
                    Map.of("data", Hex.encode(node.stored.get(999).raw())));
            assertEquals(Map.of("receivedMessageDatas", datas), got);
        }
    }

    @Test
    void aRejectedObjectIsApiError21WithTheNodesReason() throws Exception {
        ScriptedNode node = new ScriptedNode();
        node.rejection = "insufficient proof of work";
        byte[] object = new byte[40];
        object[7] = 1; // nonce != 0: no PoW here
        object[15] = (byte) 0xff; // expiresTime
        object[19] = 2; // type msg
        object[20] = 1; // version
        object[21] = 1; // stream
        try (MailStore store = MailStore.open(dir)) {
            ApiError e = assertThrows(ApiError.class, () -> methods(store, node).call("disseminatePreparedObject",
                    List.of(Hex.encode(object)), false));
            assertEquals(21, e.code());
            assertEquals("Unexpected API Failure - the node rejected the object: insufficient proof of work", e.text());
        }
    }

    @Test
    void withoutANodeTheyFailWith21() throws Exception {
        try (MailStore store = MailStore.open(dir)) {
            ApiError e = assertThrows(ApiError.class, () -> methods(store, null).call("clientStatus", List.of(), false));
            assertEquals(21, e.code());
        }
    }
}
