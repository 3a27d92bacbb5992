package dev.bmtool.cli.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.json.Json;
import dev.bmtool.node.Node;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import dev.bmtool.mail.MailStore;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A send that reached no peer is msgqueued and exits 3, not msgsent and 0; the next node that
 * runs for the data dir (as 'node run') hands it to a peer and then it is msgsent.
 */
@Timeout(180)
class QueuedSendTest {
    @TempDir
    Path dir;
    @TempDir
    Path peerDir;

    @Test
    void noPeerMeansQueuedUntilANodeHandsItOver() throws Exception {
        String me = Json.parseObject(MailCliTest.run(dir, "identity", "new", "--json").out().trim()).get("address")
                .toString();
        Identity them = AddressGenerator.random("them", 4, 1, 1, new SecureRandom());
        try (MailStore store = MailStore.open(dir)) {
            store.putPubkey(new MailStore.Pubkey(them.address(), 1, them.publicSigningKey(),
                    them.publicEncryptionKey(), 1000, 1000, "test", System.currentTimeMillis() / 1000));
        }
        MailCliTest.Run r = MailCliTest.run(dir, "send", "--from", me, "--to", them.address().encode(), "--body", "x",
                "--ttl", "300", "--peer", "127.0.0.1:1");
        assertEquals(BmtoolCommand.EXIT_QUEUED, r.code(), r.err());
        assertTrue(r.out().contains(": msgqueued (msgid "), r.out());
        assertTrue(r.err().contains("is ready but no peer took it: it stays msgqueued"), r.err());
        List<Map<String, Object>> sent = MailCliTest.jsonList(MailCliTest.run(dir, "sent", "--json").out());
        assertEquals(MailStore.MSG_QUEUED.dbName(), sent.getFirst().get("status"));
        byte[] msgid = Hex.decode(sent.getFirst().get("msgid").toString());

        // 'node run' for the data dir, with a peer: the queued msg goes out and becomes msgsent
        NodeConfig peerCfg = NodeConfig.builder(peerDir).listen(new InetSocketAddress("127.0.0.1", 0))
                .bootstrap(false).tls(false).apiPort(-1).build();
        try (Node peer = Node.start(peerCfg, NodeLog.to(System.out, false))) {
            NodeConfig cfg = NodeConfig.builder(dir).listen(null).bootstrap(false).tls(false).apiPort(0)
                    .peers(List.of(new InetSocketAddress("127.0.0.1", peer.listenPort()))).build();
            try (Node node = Node.start(cfg, NodeLog.to(System.out, false));
                    AutoCloseable mail = NodeMail.attach(node, NodeLog.to(System.out, false), null, "auto", java.util.List.of())) {
                long deadline = System.currentTimeMillis() + 60_000;
                String status = MailStore.MSG_QUEUED.dbName();
                while (System.currentTimeMillis() < deadline && !status.equals(MailStore.MSG_SENT.dbName())) {
                    Thread.sleep(500);
                    status = MailCliTest.jsonList(MailCliTest.run(dir, "sent", "--json").out()).getFirst()
                            .get("status").toString();
                }
                assertEquals(MailStore.MSG_SENT.dbName(), status);
                assertTrue(peer.objects().contains(msgid), "the peer has the msg");
            }
        }
    }
}
