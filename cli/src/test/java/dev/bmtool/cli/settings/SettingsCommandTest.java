package dev.bmtool.cli.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.address.CliRunner;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** settings list/set/unset write PyBitmessage's keys into keys.dat, and the readers see them. */
class SettingsCommandTest {
    @TempDir
    Path dir;

    private CliRunner.Result run(String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "--data-dir";
        full[1] = dir.toString();
        System.arraycopy(args, 0, full, 2, args.length);
        return CliRunner.run(full);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> row(List<Object> rows, String key) {
        return rows.stream().map(o -> (Map<String, Object>) o).filter(m -> m.get("key").equals(key)).findFirst()
                .orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void globalSettingsRoundTrip() {
        List<Object> rows = (List<Object>) Json.parse(run("settings", "list", "--json").out().trim());
        assertEquals(Setting.ALL.stream().filter(x -> !x.perAddress()).count(), rows.size(),
                "per-address ones only with --address");
        assertEquals("9050", row(rows, "socksport").get("value"), "PyBitmessage's default");
        assertEquals("false", row(rows, "extralowdifficulty").get("value"));
        assertEquals(false, row(rows, "extralowdifficulty").get("set"));

        CliRunner.Result r = run("settings", "set", "extralowdifficulty", "yes");
        assertEquals(0, r.rc(), r.err());
        assertEquals("extralowdifficulty = True in [bitmessagesettings]", r.out().strip());
        assertEquals(0, run("settings", "set", "maxacceptablenoncetrialsperbyte", "2000").rc());
        assertEquals(0, run("settings", "set", "socksproxytype", "socks5").rc());
        assertEquals(2, run("settings", "set", "socksproxytype", "http").rc());
        assertEquals(2, run("settings", "set", "socksport", "70000").rc());
        KeysDat k = new IdentityStore(dir).load();
        assertEquals("True", k.section(KeysDat.SETTINGS_SECTION).get("extralowdifficulty"));
        assertEquals("SOCKS5", k.section(KeysDat.SETTINGS_SECTION).get("socksproxytype"), "PyBitmessage's spelling");
        assertEquals("2000", k.section(KeysDat.SETTINGS_SECTION).get("maxacceptablenoncetrialsperbyte"));
        rows = (List<Object>) Json.parse(run("settings", "list", "--json").out().trim());
        assertEquals(true, row(rows, "extralowdifficulty").get("set"));

        assertEquals(0, run("settings", "unset", "extralowdifficulty").rc());
        assertFalse(new IdentityStore(dir).load().section(KeysDat.SETTINGS_SECTION).containsKey("extralowdifficulty"));
        assertEquals("2000", new IdentityStore(dir).load().section(KeysDat.SETTINGS_SECTION)
                .get("maxacceptablenoncetrialsperbyte"), "other settings kept");
    }

    @Test
    void powServersAreCheckedAndKept() {
        assertEquals(0, run("settings", "set", "powservers", "http://tok@10.0.0.5:8445 http://127.0.0.1:8445").rc());
        assertEquals("http://tok@10.0.0.5:8445, http://127.0.0.1:8445",
                new IdentityStore(dir).load().section(KeysDat.SETTINGS_SECTION).get("powservers"));
        CliRunner.Result bad = run("settings", "set", "powservers", "ftp://x:1");
        assertEquals(2, bad.rc(), bad.err());
        assertTrue(bad.err().contains("http://"), bad.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void perAddressSettingReachesTheIdentity() {
        String me = Json.parseObject(run("identity", "new", "--json").out().trim()).get("address").toString();
        CliRunner.Result r = run("settings", "set", "dontsendack", "true");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("add --address ADDR"), r.err());
        assertEquals(0, run("settings", "set", "dontsendack", "true", "--address", me).rc());
        Identity id = new IdentityStore(dir).list().getFirst();
        assertFalse(id.sendsAcks());
        List<Object> rows = (List<Object>) Json.parse(run("settings", "list", "--address", me, "--json").out().trim());
        assertEquals("True", row(rows, "dontsendack").get("value"));
        assertEquals(0, run("settings", "unset", "dontsendack", "--address", me).rc());
        assertTrue(new IdentityStore(dir).list().getFirst().sendsAcks());
        assertEquals(me, new IdentityStore(dir).list().getFirst().address().encode(), "identity intact");
    }

    @Test
    void badInputIsAUsageErrorAndChangesNothing() {
        String before = new IdentityStore(dir).load().write();
        CliRunner.Result r = run("settings", "set", "maxacceptablenoncetrialsperbyte", "-5");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("takes a whole number >= 0"), r.err());
        r = run("settings", "set", "extralowdifficulty", "maybe");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("takes true or false"), r.err());
        r = run("settings", "set", "nosuchthing", "1");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("unknown setting 'nosuchthing'; known: extralowdifficulty"), r.err());
        r = run("settings", "set", "dontsendack", "true", "--address", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("is not one of your identities"), r.err());
        r = run("settings", "set", "extralowdifficulty", "true", "--address", "BM-x");
        assertEquals(2, r.rc());
        assertTrue(r.err().contains("global setting"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(before, new IdentityStore(dir).load().write());
    }

    @Test
    void pyBitmessageApiSettingsAreChecked() {
        assertEquals(0, run("settings", "set", "apienabled", "true").rc());
        assertEquals(0, run("settings", "set", "apivariant", "JSON").rc());
        assertEquals(0, run("settings", "set", "apiport", "8442").rc());
        assertEquals(0, run("settings", "set", "apipassword", "p:w d").rc());
        KeysDat k = new IdentityStore(dir).load();
        assertEquals("json", k.section(KeysDat.SETTINGS_SECTION).get("apivariant"));
        assertEquals("p:w d", k.section(KeysDat.SETTINGS_SECTION).get("apipassword"));
        assertEquals(2, run("settings", "set", "apivariant", "soap").rc());
        assertEquals(2, run("settings", "set", "apiport", "70000").rc());
    }
}
