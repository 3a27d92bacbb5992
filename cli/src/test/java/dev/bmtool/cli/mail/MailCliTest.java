package dev.bmtool.cli.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The messaging commands that need no network: identities, chans, subscriptions, argument errors. */
@Timeout(60)
class MailCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(Path dataDir, String... args) {
        CommandLine cl = BmtoolCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 2];
        full[0] = "--data-dir";
        full[1] = dataDir.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        int code = cl.execute(full);
        return new Run(code, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(dir, args);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> jsonList(String s) {
        return (List<Map<String, Object>>) Json.parse(s.trim());
    }

    @Test
    void identitiesAndChans() throws Exception {
        Run r = run("identity", "new", "--label", "me", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> created = Json.parseObject(r.out().trim());
        assertEquals("me", created.get("label"));
        assertEquals(4L, created.get("version"));

        r = run("identity", "deterministic", "--passphrase", "TIGER, tiger, burning bright. In the forests of the night");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK"), r.out());
        r = run("identity", "deterministic", "--address-version", "3", "--passphrase",
                "TIGER, tiger, burning bright. In the forests of the night");
        assertTrue(r.out().contains("BM-2DBPTgeSawWYZceFD69AbDT5q4iUWtj1ZN"), r.out());

        r = run("chan", "join", "general", "--address", "BM-2cW67GEKkHGonXKZLCzouLLxnLym3azS8r");
        assertEquals(0, r.code(), r.err());
        r = run("chan", "join", "bitmessage", "--address", "BM-2cW67GEKkHGonXKZLCzouLLxnLym3azS8r");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("BM-2cWy7cvHoq3f1rYMerRJp8PT653jjSuEdY"), r.err());

        r = run("identity", "list", "--json");
        List<Map<String, Object>> ids = jsonList(r.out());
        assertEquals(4, ids.size());
        assertEquals(1, ids.stream().filter(m -> Boolean.TRUE.equals(m.get("chan"))).count());
        r = run("identity", "list");
        assertTrue(r.out().contains("[chan] general"), r.out());

        // keys.dat is PyBitmessage's format and holds all four
        String keys = Files.readString(dir.resolve(IdentityStore.FILE_NAME));
        assertTrue(keys.contains("[BM-2cW67GEKkHGonXKZLCzouLLxnLym3azS8r]"));
        assertTrue(keys.contains("chan = true"));
        assertEquals(4, new IdentityStore(dir).list().size());
    }

    @Test
    void subscriptions() {
        Run r = run("subscribe");
        assertTrue(r.out().contains("no subscriptions"));
        r = run("subscribe", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK", "--label", "tiger");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("subscribed to"));
        assertTrue(run("subscribe", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK").out().startsWith("already"));
        List<Map<String, Object>> l = jsonList(run("subscribe", "--json").out());
        assertEquals("BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK", l.getFirst().get("address"));
        assertTrue(run("subscribe", "--remove", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK").out().startsWith("unsubscribed"));
        assertEquals(2, run("subscribe", "BM-notanaddress").code());
    }

    @Test
    void sendToARecipientOverTheDifficultyLimitSaysSoAndKeepsTheMessage() throws Exception {
        String me = Json.parseObject(run("identity", "new", "--json").out().trim()).get("address").toString();
        // a recipient whose pubkey (already known) demands 3x the network minimum; our limit is 2x
        dev.bmtool.core.address.Identity them = dev.bmtool.core.address.AddressGenerator.random("them", 4, 1, 1,
                new java.security.SecureRandom());
        try (dev.bmtool.mail.MailStore store = dev.bmtool.mail.MailStore.open(dir)) {
            store.putPubkey(new dev.bmtool.mail.MailStore.Pubkey(them.address(), 1, them.publicSigningKey(),
                    them.publicEncryptionKey(), 3000, 1000, "test", System.currentTimeMillis() / 1000));
        }
        dev.bmtool.core.address.IdentityStore ids = new dev.bmtool.core.address.IdentityStore(dir);
        dev.bmtool.core.address.KeysDat k = ids.load();
        k.set(dev.bmtool.core.address.KeysDat.SETTINGS_SECTION, "maxacceptablenoncetrialsperbyte", "2000");
        ids.save(k);
        Run r = run("send", "--from", me, "--to", them.address().encode(), "--body", "x", "--peer", "127.0.0.1:1");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("not sent: the recipient demands 3 x and 1 x the network minimum"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        Map<String, Object> sent = jsonList(run("sent", "--json").out()).getFirst();
        assertEquals("toodifficult", sent.get("status"));
        assertTrue(sent.get("note").toString().contains("maxacceptablenoncetrialsperbyte"), sent.toString());
    }

    @Test
    void inProcessNodeWarnsWhenTheLocalPyBitmessageItDialledWillNotAnnounce() throws Exception {
        String me = Json.parseObject(run("identity", "new", "--json").out().trim()).get("address").toString();
        String them = dev.bmtool.core.address.AddressGenerator.random("them", 4, 1, 1, new java.security.SecureRandom())
                .address().encode();
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofVirtual().start(() -> {
                // a PyBitmessage with Dandelion on: answers the handshake, then stays quiet
                try (java.net.Socket s = ss.accept()) {
                    dev.bmtool.core.wire.Packet.read(s.getInputStream()); // our version
                    long services = dev.bmtool.core.wire.Version.NODE_NETWORK | dev.bmtool.core.wire.Version.NODE_DANDELION;
                    dev.bmtool.core.wire.HostAddress lo = dev.bmtool.core.wire.HostAddress.parse("127.0.0.1");
                    s.getOutputStream().write(new dev.bmtool.core.wire.Verack().toPacket().write());
                    s.getOutputStream().write(new dev.bmtool.core.wire.Version(3, services,
                            System.currentTimeMillis() / 1000,
                            dev.bmtool.core.wire.NetworkAddress.ofShort(1, lo, s.getPort()),
                            dev.bmtool.core.wire.NetworkAddress.ofShort(services, lo, ss.getLocalPort()), 42,
                            "/PyBitmessage:0.6.3.2/", List.of(1L)).toPacket().write());
                    s.getOutputStream().flush();
                    while (true) {
                        dev.bmtool.core.wire.Packet.read(s.getInputStream());
                    }
                } catch (Exception e) {
                    // the command ended
                }
            });
            Run r = run("send", "--from", me, "--to", them, "--body", "x", "--timeout", "4", "--peer",
                    "127.0.0.1:" + ss.getLocalPort());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("bmtool: warning: peer 127.0.0.1:" + ss.getLocalPort()
                    + " is PyBitmessage with Dandelion on"), r.err());
            assertTrue(r.err().contains("dandelion = 0"), r.err());
            assertTrue(r.err().contains("Run 'bmtool node run --listen 127.0.0.1:8447'"), r.err());
            peer.interrupt();
        }
    }

    @Test
    void blacklistCommand() {
        assertEquals("blacklist is empty", run("blacklist").out().strip());
        String spam = "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK";
        Run r = run("blacklist", spam, "--label", "spam");
        assertEquals(0, r.code(), r.err());
        assertEquals("added to the blacklist: " + spam, r.out().strip());
        assertEquals("already on the blacklist: " + spam, run("blacklist", spam).out().strip());
        List<Map<String, Object>> l = jsonList(run("blacklist", "--json").out());
        assertEquals(spam, l.getFirst().get("address"));
        assertEquals("spam", l.getFirst().get("label"));
        assertEquals("[]", run("whitelist", "--json").out().trim(), "the lists are separate");
        assertEquals("removed from the blacklist: " + spam, run("blacklist", spam, "--remove").out().strip());
        r = run("blacklist", "BM-nonsense");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("bmtool: ADDR:"), r.err());
    }

    @Test
    void contactsNameAddressesForSendAndOutput() {
        String me = Json.parseObject(run("identity", "new", "--json").out().trim()).get("address").toString();
        String them = dev.bmtool.core.address.AddressGenerator.random("them", 4, 1, 1, new java.security.SecureRandom())
                .address().encode();
        assertEquals("address book is empty", run("contacts").out().strip());
        Run r = run("contacts", them, "Alice");
        assertEquals(0, r.code(), r.err());
        assertEquals("added " + them + " as 'Alice'", r.out().strip());
        assertEquals("renamed " + them + " as 'Alice B'", run("contacts", them, "Alice B").out().strip());
        List<Map<String, Object>> book = jsonList(run("addressbook", "--json").out());
        assertEquals(List.of(Map.of("address", them, "label", "Alice B")), book);

        // --to takes the name; the pubkey is unknown, so it waits for it (and the command times out)
        r = run("send", "--from", me, "--to", "Alice B", "--body", "x", "--timeout", "1", "--peer", "127.0.0.1:1");
        assertEquals(1, r.code(), r.err());
        Map<String, Object> sent = jsonList(run("sent", "--json").out()).getFirst();
        assertEquals(them, sent.get("to"));
        assertEquals("Alice B", sent.get("toName"));
        assertTrue(run("sent").out().contains("Alice B"));

        assertEquals(2, run("contacts", them).code(), "a name is needed");
        r = run("contacts", them, me);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("must not be an address"), r.err());
        assertEquals("removed " + them, run("contacts", them, "--remove").out().strip());
        r = run("send", "--from", me, "--to", "Alice B", "--body", "x");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("bmtool: --to:"), r.err());
        assertEquals(1, jsonList(run("sent", "--json").out()).size(), "nothing queued by the failed lookup");
    }

    @Test
    void emptyFoldersAndBadArguments() {
        assertEquals("[]", run("sent", "--json").out().trim());
        assertTrue(run("sent").out().contains("nothing sent"));
        Run r = run("inbox");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("inbox is empty"));
        assertEquals("no unread messages", run("inbox", "--unread").out().strip());
        assertEquals("[]", run("inbox", "--json").out().trim());
        r = run("read", "7");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("no inbox message 7"), r.err());

        String me = Json.parseObject(run("identity", "new", "--json").out().trim()).get("address").toString();
        r = run("send", "--from", me, "--to", "garbage", "--body", "x");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("bmtool: --to:"), r.err());
        r = run("send", "--from", me, "--to", me, "--body", "x", "--body-file", "f");
        assertEquals(2, r.code());
        r = run("send", "--from", me, "--to", me, "--body-file", dir.resolve("missing.txt").toString());
        assertEquals(2, r.code());
        assertEquals("bmtool: --body-file " + dir.resolve("missing.txt") + ": no such file", r.err().strip());
        r = run("send", "--from", me, "--to", me, "--body", "x", "--timeout", "0");
        assertEquals(2, r.code());
        assertEquals("bmtool: --timeout must be at least 1 second", r.err().strip());
        assertEquals("[]", run("sent", "--json").out().trim(), "nothing queued by a usage error");
        r = run("demo", "--timeout", "-1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--timeout"), r.err());
        r = run("send", "--from", me, "--to", me, "--body", "x", "--ttl", "5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--ttl"), r.err());
        r = run("send", "--from", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK", "--to", me, "--body", "x", "--peer",
                "127.0.0.1:1");
        assertEquals(2, r.code(), "checked before anything starts, like identity publish");
        assertTrue(r.err().contains("is not one of your identities"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        r = run("identity", "publish", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not one of your identities"), r.err());
        String chan = Json.parseObject(run("chan", "join", "publishing test", "--json").out().trim()).get("address")
                .toString();
        r = run("identity", "publish", chan);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("chans never publish a pubkey"), r.err());
        r = run("send", "--from", me, "--to", me, "--body", "x", "--encoding", "zip");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--encoding"), r.err());
        r = run("broadcast", "--from", me, "--body", "x", "--engine", "warp");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--engine"), r.err());
    }
}
