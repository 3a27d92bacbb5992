package dev.bmtool.cli.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.json.Json;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every option that takes an address also takes an own identity's label or a contact's name. */
@Timeout(60)
class AddressNamesTest {
    @TempDir
    Path dir;
    String alice;
    String bob;

    private MailCliTest.Run run(String... args) {
        return MailCliTest.run(dir, args);
    }

    @BeforeEach
    void aliceAndContactBob() {
        alice = Json.parseObject(run("identity", "new", "--label", "alice", "--json").out().trim()).get("address")
                .toString();
        bob = AddressGenerator.random("", 4, 1, 1, new SecureRandom()).address().encode();
        assertEquals(0, run("contacts", bob, "Bob").code());
    }

    @Test
    void sendTakesLabelsAndContactNames() {
        MailCliTest.Run r = run("send", "--from", "alice", "--to", "Bob", "--body", "x", "--timeout", "1",
                "--peer", "127.0.0.1:1");
        Map<String, Object> sent = MailCliTest.jsonList(run("sent", "--json").out()).getFirst();
        assertEquals(alice, sent.get("from"), r.err());
        assertEquals(bob, sent.get("to"));
        // case differences are forgiven when the name is still unique
        run("send", "--from", "ALICE", "--to", "bob", "--body", "y", "--timeout", "1", "--peer", "127.0.0.1:1");
        assertEquals(2, MailCliTest.jsonList(run("sent", "--json").out()).size());
    }

    @Test
    void unknownNamesAreNamedInTheError() {
        MailCliTest.Run r = run("send", "--from", "alice", "--to", "bobby", "--body", "x");
        assertEquals(2, r.code());
        assertEquals("bmtool: --to: no identity or contact named 'bobby' (see 'bmtool identity list' and"
                + " 'bmtool contacts')", r.err().strip());
        r = run("send", "--from", "Bob", "--to", "alice", "--body", "x");
        assertEquals(2, r.code());
        assertEquals("bmtool: --from: no identity named 'Bob' (see 'bmtool identity list')", r.err().strip(),
                "a contact is not one of your identities");
        r = run("send", "--from", bob, "--to", "alice", "--body", "x");
        assertEquals(2, r.code());
        assertEquals("bmtool: --from: " + bob + " is not one of your identities (see 'bmtool identity list')",
                r.err().strip());
        r = run("send", "--from", "alice", "--to", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUX", "--body", "x");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("bmtool: --to: ") && r.err().contains("checksum"), r.err());
        assertEquals("[]", run("sent", "--json").out().trim(), "nothing queued by a wrong name");
    }

    @Test
    void aNameForTwoAddressesIsRefused() {
        String other = AddressGenerator.random("", 4, 1, 1, new SecureRandom()).address().encode();
        assertEquals(0, run("contacts", other, "alice").code());
        MailCliTest.Run r = run("send", "--from", "alice", "--to", "alice", "--body", "x");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--to: 'alice' names 2 addresses (identity " + alice + ", contact " + other
                + "); use the address"), r.err());
    }

    @Test
    void theOtherAddressOptionsTakeNamesToo() {
        assertEquals("subscribed to " + bob, run("subscribe", "Bob").out().strip());
        assertEquals("added to the blacklist: " + bob, run("blacklist", "Bob").out().strip());
        assertEquals("renamed " + bob + " as 'Bobby'", run("contacts", "Bob", "Bobby").out().strip());
        assertEquals(bob, Json.parseObject(run("address", "decode", "Bobby", "--json").out().trim()).get("address"));
        MailCliTest.Run r = run("settings", "set", "dontsendack", "true", "--address", "alice");
        assertEquals(0, r.code(), r.err());
        List<Map<String, Object>> rows = MailCliTest.jsonList(
                run("settings", "list", "--address", "alice", "--json").out());
        assertTrue(rows.stream().anyMatch(m -> "dontsendack".equals(m.get("key"))
                && alice.equals(m.get("section")) && Boolean.TRUE.equals(m.get("set"))), rows.toString());
        assertEquals("removed " + bob, run("contacts", "--remove", "Bobby").out().strip());
        r = run("identity", "publish", "nobody");
        assertEquals(2, r.code());
        assertEquals("bmtool: ADDR: no identity named 'nobody' (see 'bmtool identity list')", r.err().strip());
    }
}
