package dev.bmtool.cli.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.address.CliRunner;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandsTest {
    private static final String KEYS_DAT = """
            [bitmessagesettings]
            settingsversion = 10

            [BM-2cW67GEKkHGonXKZLCzouLLxnLym3azS8r]
            label = [chan] general
            enabled = true
            decoy = false
            chan = true
            noncetrialsperbyte = 1000
            payloadlengthextrabytes = 1000
            privsigningkey = 5Jnbdwc4u4DG9ipJxYLznXSvemkRFueQJNHujAQamtDDoX3N1eQ
            privencryptionkey = 5JrDcFtQDv5ydcHRW6dfGUEvThoxCCLNEUaxQfy8LXXgTJzVAcq
            futuresetting = kept

            [BM-2cV5f9EpzaYARxtoruSpa6pDoucSf9ZNke]
            label = jabit v4
            enabled = true
            decoy = false
            noncetrialsperbyte = 320
            payloadlengthextrabytes = 14000
            privsigningkey = 5KMWqfCyJZGFgW6QrnPJ6L9Gatz25B51y7ErgqNr1nXUVbtZbdU
            privencryptionkey = 5JXXWEuhHQEPk414SzEZk1PHDRi8kCuZd895J7EnKeQSahJPxGz
            """;

    @TempDir
    Path dir;

    private CliRunner.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRunner.run(all);
    }

    @Test
    @SuppressWarnings("unchecked")
    void importListExport() throws Exception {
        Path src = dir.resolve("keys.dat");
        Files.writeString(src, KEYS_DAT);
        CliRunner.Result r = run("keys", "import", src.toString(), "--json");
        assertEquals(0, r.rc(), r.err());
        Map<String, Object> m = Json.parseObject(r.out());
        assertEquals(2, ((List<Object>) m.get("added")).size());
        CliRunner.Result again = run("keys", "import", src.toString());
        assertEquals(0, again.rc());
        assertTrue(again.out().contains("0 added, 2 already present"), again.out());

        CliRunner.Result list = run("identity", "list", "--json");
        List<Map<String, Object>> ids = (List<Map<String, Object>>) Json.parse(list.out().trim());
        assertEquals(2, ids.size());
        assertEquals(true, ids.get(0).get("chan"));
        assertEquals(320L, ids.get(1).get("nonceTrialsPerByte"));

        CliRunner.Result exp = run("keys", "export");
        assertEquals(0, exp.rc());
        KeysDat back = KeysDat.parse(exp.out());
        assertEquals(2, back.identities().identities().size());
        assertEquals("kept", back.section("BM-2cW67GEKkHGonXKZLCzouLLxnLym3azS8r").get("futuresetting"));

        Path out = dir.resolve("export.dat");
        CliRunner.Result toFile = run("keys", "export", "--out", out.toString());
        assertEquals(0, toFile.rc(), toFile.err());
        assertEquals(exp.out(), Files.readString(out));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void badInput() throws Exception {
        assertEquals(2, run("keys", "import", dir.resolve("missing").toString()).rc());
        Path corruptDir = dir.resolve("corrupt-dir");
        Files.createDirectories(corruptDir);
        Files.writeString(corruptDir.resolve("keys.dat"), "garbage\n");
        CliRunner.Result corrupt = CliRunner.run("--data-dir", corruptDir.toString(), "identity", "new");
        assertEquals(1, corrupt.rc());
        assertEquals("bmtool: invalid input: " + corruptDir.resolve("keys.dat") + " line 1: entry before any section",
                corrupt.err().strip());
        assertEquals("garbage\n", Files.readString(corruptDir.resolve("keys.dat")), "left as it was");
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");
        CliRunner.Result notDir = run("keys", "export", "--out", aFile.resolve("keys.dat").toString());
        assertEquals(1, notDir.rc());
        assertEquals("bmtool: cannot write " + aFile.resolve("keys.dat") + ": Not a directory (" + aFile + ")",
                notDir.err().strip());
        CliRunner.Result noLock = CliRunner.run("--data-dir", aFile.resolve("sub").toString(), "identity", "new");
        assertEquals(1, noLock.rc());
        assertTrue(noLock.err().startsWith("bmtool: cannot lock " + aFile.resolve("sub").resolve("keys.dat") + ": "),
                noLock.err());
        assertTrue(noLock.err().strip().endsWith(")"), noLock.err()); // a reason, not just the path
        Path junk = dir.resolve("junk.dat");
        Files.writeString(junk, "this is not ini\n");
        CliRunner.Result r = run("keys", "import", junk.toString());
        assertEquals(1, r.rc());
        assertTrue(r.err().startsWith("bmtool: "), r.err());
        Path broken = dir.resolve("broken.dat");
        Files.writeString(broken, "[BM-2cV5f9EpzaYARxtoruSpa6pDoucSf9ZNke]\nprivsigningkey = 5KMW\nprivencryptionkey = x\n");
        CliRunner.Result b = run("keys", "import", broken.toString());
        assertEquals(1, b.rc());
        assertTrue(b.err().contains("skipped BM-2cV5f9EpzaYARxtoruSpa6pDoucSf9ZNke"), b.err());
        assertEquals(2, run("keys").rc());
    }
}
