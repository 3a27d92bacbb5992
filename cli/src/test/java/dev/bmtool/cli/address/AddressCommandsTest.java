package dev.bmtool.cli.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.Wif;
import dev.bmtool.core.json.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddressCommandsTest {
    @TempDir
    Path dir;

    private CliRunner.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRunner.run(all);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstIdentity(String json) {
        Map<String, Object> m = Json.parseObject(json);
        return ((List<Map<String, Object>>) m.get("identities")).get(0);
    }

    @Test
    void chanMatchesVector() {
        CliRunner.Result r = run("address", "chan", "bitmessage", "--json");
        assertEquals(0, r.rc(), r.err());
        Map<String, Object> id = firstIdentity(r.out());
        assertEquals("BM-2cWy7cvHoq3f1rYMerRJp8PT653jjSuEdY", id.get("address"));
        assertEquals("5K42shDERM5g7Kbi3JT5vsAWpXMqRhWZpX835M2pdSoqQQpJMYm", id.get("signingKeyWif"));
        assertEquals(true, id.get("chan"));
    }

    @Test
    void deterministicPrintsAddressesAndWifs() {
        CliRunner.Result r = run("address", "deterministic", "--passphrase",
                "TIGER, tiger, burning bright. In the forests of the night", "--count", "2", "--version", "3");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().contains("BM-2DBPTgeSawWYZceFD69AbDT5q4iUWtj1ZN"), r.out());
        assertTrue(r.out().contains("5JEetjBX7JyNyJASzUxhR28xuz6QQBYvWM8hFt1aFL5XW6M1bux"), r.out());
        assertTrue(r.err().contains("2/2"), r.err()); // progress on stderr
    }

    @Test
    void passphraseFromFile() throws Exception {
        Path f = dir.resolve("pass.txt");
        java.nio.file.Files.writeString(f, "TIGER, tiger, burning bright. In the forests of the night\n");
        CliRunner.Result r = run("address", "deterministic", "--passphrase-file", f.toString(), "--json");
        assertEquals(0, r.rc(), r.err());
        assertEquals("BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK", firstIdentity(r.out()).get("address"));
        assertEquals(2, run("address", "deterministic", "--passphrase", "x", "--passphrase-file", f.toString()).rc());
    }

    @Test
    void addressOnlyComputesAndKeysImportStores() {
        CliRunner.Result r = run("address", "new", "--json");
        assertEquals(0, r.rc(), r.err());
        Map<String, Object> id = firstIdentity(r.out());
        Address a = Address.decode((String) id.get("address"));
        assertEquals(4, a.version());
        assertEquals(0, a.ripe()[0]);
        assertEquals(a, Address.fromKeys(4, 1, Wif.decode((String) id.get("signingKeyWif")).publicKey(),
                Wif.decode((String) id.get("encryptionKeyWif")).publicKey()));
        assertTrue(run("identity", "list").out().startsWith("no identities"), "address new stores nothing");
        CliRunner.Result text = run("address", "new");
        assertTrue(text.err().contains("bmtool: not stored ('bmtool address' only computes). To make it yours:"
                + " bmtool keys import --signing-wif KEY --encryption-wif KEY"), text.err());

        r = run("keys", "import", "--signing-wif", (String) id.get("signingKeyWif"), "--encryption-wif",
                (String) id.get("encryptionKeyWif"), "--label", "mine");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().startsWith("added    " + a.encode() + "  mine"), r.out());
        CliRunner.Result list = run("identity", "list");
        assertEquals(0, list.rc());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(a.encode() + " ") && l.endsWith(" mine")), list.out());
        assertFalse(list.out().contains((String) id.get("signingKeyWif")));
        assertEquals(list.out(), run("keys", "list").out(), "keys list: the hidden old spelling of identity list");
        assertFalse(run("keys", "--help").out().contains("list"), "hidden");
        assertTrue(run("keys", "import", "--signing-wif", (String) id.get("signingKeyWif"), "--encryption-wif",
                (String) id.get("encryptionKeyWif")).out().contains("0 added, 1 already present"));
        assertEquals(2, run("keys", "import", "--signing-wif", (String) id.get("signingKeyWif")).rc());
        assertEquals(2, run("keys", "import").rc());

        // the old --save still works, hidden
        r = run("address", "new", "--label", "saved", "--save", "--json");
        assertEquals(0, r.rc(), r.err());
        String saved = (String) firstIdentity(r.out()).get("address");
        assertTrue(run("identity", "list").out().lines().anyMatch(l -> l.startsWith(saved + " ") && l.endsWith(" saved")));
        assertFalse(run("address", "new", "--help").out().contains("--save"));
    }

    @Test
    void decodeShowsFieldsAndRejectsBadChecksum() {
        CliRunner.Result r = run("address", "decode", "BM-2cXxfcSetKnbHJX2Y85rSkaVpsdNUZ5q9h", "--json");
        assertEquals(0, r.rc());
        Map<String, Object> m = Json.parseObject(r.out());
        assertEquals(4L, m.get("version"));
        assertEquals(1L, m.get("stream"));
        assertEquals("00fea4e63c035fa4376d191bdb7329a7d2d808ba", m.get("ripe"));
        assertEquals("48995c7be3dd724f59b3737012e608a2203cc4759bb17ee0c571fbf6f68f9c6e", m.get("tag"));
        CliRunner.Result bad = run("address", "decode", "BM-2cXxfcSetKnbHJX2Y85rSkaVpsdNUZ5q9i");
        assertEquals(1, bad.rc());
        assertTrue(bad.err().contains("checksum failed"), bad.err());
        assertFalse(bad.err().contains("at dev."), bad.err()); // no stack trace
        assertEquals("", bad.out());
    }

    @Test
    void fromKeys() {
        CliRunner.Result r = run("address", "from-keys", "--signing-wif",
                "5KU2gbe9u4rKJ8PHYb1rvwMnZnAJj4gtV5GLwoYckeYzygWUzB9", "--encryption-wif",
                "5KHd4c6cavd8xv4kzo3PwnVaYuBgEfg7voPQ5V97aZKgpYBXGck", "--version", "3");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().startsWith("BM-2DAjcCFrqFrp88FUxExhJ9kPqHdunQmiyn"), r.out());
        CliRunner.Result bad = run("address", "from-keys", "--signing-wif", "5KU2gbe9", "--encryption-wif", "x");
        assertEquals(2, bad.rc()); // a mistyped key is a usage error
        assertTrue(bad.err().startsWith("bmtool: "), bad.err());
    }

    @Test
    void usageErrors() {
        assertEquals(2, run("address").rc());
        assertEquals(2, run("address", "new", "--version", "5").rc());
        assertEquals(2, run("address", "deterministic").rc()); // --passphrase missing
        CliRunner.Result v = run("address", "new", "--address-version", "5");
        assertEquals(2, v.rc());
        assertEquals("bmtool: --address-version must be 3 or 4", v.err().strip());
        CliRunner.Result wif = run("address", "from-keys", "--signing-wif", "5notakey",
                "--encryption-wif", "5KHd4c6cavd8xv4kzo3PwnVaYuBgEfg7voPQ5V97aZKgpYBXGck");
        assertEquals(2, wif.rc());
        assertTrue(wif.err().startsWith("bmtool: --signing-wif: not a valid WIF private key"), wif.err());
        CliRunner.Result help = run("address", "new", "--help");
        assertEquals(0, help.rc());
        assertTrue(help.out().contains("--shorter"));
    }
}
