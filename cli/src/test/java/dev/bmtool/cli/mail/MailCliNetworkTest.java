package dev.bmtool.cli.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.json.Json;
import dev.bmtool.node.Node;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import dev.bmtool.mail.MailAgent;
import dev.bmtool.core.pow.PowScheduler;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.mail.MailSettings;
import dev.bmtool.mail.MailStore;
import dev.bmtool.mail.Mailbox;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands against the network: A is a running node with its mail agent (as 'node run'),
 * reached through its control API; B has no node, so each command starts one in-process that
 * connects to A. Messages and acks go both ways, plus a broadcast, and the demo runs.
 */
@Timeout(300)
class MailCliNetworkTest {
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    private static String address(Path dir, String label) {
        MailCliTest.Run r = MailCliTest.run(dir, "identity", "new", "--label", label, "--json");
        assertEquals(0, r.code(), r.err());
        return Json.parseObject(r.out().trim()).get("address").toString();
    }

    @Test
    void sendReceiveAckAndBroadcastThroughTheCommands() throws Exception {
        String alice = address(dirA, "alice");
        String bob = address(dirB, "bob");
        NodeConfig cfg = NodeConfig.builder(dirA).listen(new InetSocketAddress("127.0.0.1", 0)).bootstrap(false)
                .tls(false).apiPort(0).build();
        MailAgent.Listener l = e -> System.out.println("[A] " + e.step() + ": " + e.detail());
        try (Node node = Node.start(cfg, NodeLog.to(System.out, false));
                Mailbox a = Mailbox.attach(node, PowService.of(PowScheduler.open(PowScheduler.Options.defaults(), m -> { })), MailSettings.shortLived(600), l)) {
            String peer = "127.0.0.1:" + node.listenPort();

            // B -> A with B's in-process node: getpubkey, A answers, msg, ack; --wait returns on the ack
            MailCliTest.Run r = MailCliTest.run(dirB, "send", "--from", bob, "--to", alice, "--subject", "hi alice",
                    "--body", "from the CLI", "--ttl", "600", "--wait", "--timeout", "120", "--peer", peer, "--json");
            assertEquals(0, r.code(), r.err());
            Map<String, Object> sent = Json.parseObject(r.out().trim());
            assertEquals(MailStore.ACK_RECEIVED.dbName(), sent.get("status"), r.err());
            assertTrue(r.err().contains("getpubkey sent"), r.err());

            // A's inbox, through the running node
            r = MailCliTest.run(dirA, "inbox", "--json");
            assertEquals(0, r.code(), r.err());
            List<Map<String, Object>> inbox = MailCliTest.jsonList(r.out());
            assertEquals(1, inbox.size());
            assertEquals(bob, inbox.getFirst().get("from"));
            assertEquals(false, inbox.getFirst().get("read"));
            r = MailCliTest.run(dirA, "read", "1");
            assertTrue(r.out().contains("Subject:  hi alice") && r.out().contains("from the CLI"), r.out());
            assertEquals(true, MailCliTest.jsonList(MailCliTest.run(dirA, "inbox", "--json").out()).getFirst().get("read"));
            assertTrue(MailCliTest.run(dirB, "sent").out().contains(MailStore.ACK_RECEIVED.dbName()));
            Map<String, Object> read = Json.parseObject(MailCliTest.run(dirA, "read", "1", "--json").out().trim());
            assertEquals("from the CLI", read.get("body"));
            assertEquals(alice, read.get("to"));
            // names from the address book show in inbox and read
            assertEquals(0, MailCliTest.run(dirA, "contacts", bob, "Bob").code());
            assertEquals("Bob", MailCliTest.jsonList(MailCliTest.run(dirA, "inbox", "--json").out()).getFirst()
                    .get("fromName"));
            assertTrue(MailCliTest.run(dirA, "inbox").out().contains(" Bob "));
            assertTrue(MailCliTest.run(dirA, "read", "1").out().contains("From:     Bob <" + bob + ">"));
            Map<String, Object> sentB = MailCliTest.jsonList(MailCliTest.run(dirB, "sent", "--json").out()).getFirst();
            assertEquals(MailStore.ACK_RECEIVED.dbName(), sentB.get("status"));
            assertEquals(alice, sentB.get("to"));
            assertEquals(600L, sentB.get("ttl"));

            // A -> B through the running node's API (B's key came with the msg); B's node is gone and A's
            // node has no other peer, so no peer takes it: msgqueued, exit 3 (not msgsent and 0)
            r = MailCliTest.run(dirA, "send", "--from", alice, "--to", bob, "--subject", "hi bob", "--body", "reply",
                    "--ttl", "600", "--encoding", "extended", "--json");
            assertEquals(dev.bmtool.cli.BmtoolCommand.EXIT_QUEUED, r.code(), r.err());
            assertEquals(MailStore.MSG_QUEUED.dbName(), Json.parseObject(r.out().trim()).get("status"));
            assertEquals("extended", Json.parseObject(r.out().trim()).get("encoding"));
            // and a broadcast from A to its subscribers
            assertEquals(0, MailCliTest.run(dirB, "subscribe", alice).code());
            r = MailCliTest.run(dirA, "broadcast", "--from", alice, "--subject", "news", "--body", "to all",
                    "--ttl", "600");
            assertEquals(dev.bmtool.cli.BmtoolCommand.EXIT_QUEUED, r.code(), r.err());
            assertTrue(r.out().contains(MailStore.BROADCAST_QUEUED.dbName()), r.out());

            // B comes online for a while: both arrive, and B's ack reaches A
            r = MailCliTest.run(dirB, "inbox", "--watch", "--for", "12", "--peer", peer, "--json");
            assertEquals(0, r.code(), r.err());
            List<String> subjects = r.out().lines().filter(s -> !s.isBlank())
                    .map(s -> Json.parseObject(s).get("subject").toString()).toList();
            assertTrue(subjects.containsAll(List.of("hi bob", "news")), r.out());
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && !MailCliTest.run(dirA, "sent").out().contains(MailStore.ACK_RECEIVED.dbName())) {
                Thread.sleep(200);
            }
            assertTrue(MailCliTest.run(dirA, "sent").out().contains(MailStore.ACK_RECEIVED.dbName()));
            // A publishes its pubkey on demand, through the running node
            r = MailCliTest.run(dirA, "identity", "publish", alice, "--json");
            assertEquals(dev.bmtool.cli.BmtoolCommand.EXIT_QUEUED, r.code(), "A's node has no peer now: " + r.err());
            assertTrue(r.err().contains("the pubkey is ready but no peer took it"), r.err());
            String hash = Json.parseObject(r.out().trim()).get("inventoryHash").toString();
            assertTrue(MailCliTest.run(dirA, "object", "list", "--type", "pubkey").out().contains(hash));

            // offline, B still lists what it received
            assertEquals(2, MailCliTest.jsonList(MailCliTest.run(dirB, "inbox", "--json").out()).size());
        }
    }

    @Test
    void demoRunsTheWholeFlow() {
        MailCliTest.Run r = MailCliTest.run(dirA, "demo", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.parseObject(r.out().trim());
        assertEquals(true, m.get("ok"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) m.get("steps");
        List<String> names = steps.stream().map(s -> s.get("step").toString()).toList();
        for (String s : List.of("getpubkey sent", "pubkey published", "msg sent", "msg received", "ack received")) {
            assertTrue(names.contains(s), names.toString());
        }
        assertTrue(steps.stream().anyMatch(s -> s.get("engine") != null));
    }
}
