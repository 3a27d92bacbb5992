package dev.bmtool.cli.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AddressVanityCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = BmtoolCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "address";
        all[1] = "vanity";
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    @Test
    void findsAnAddressAndPrintsKeysDat() {
        int rc = run("--prefix", "W", "--threads", "1", "--engine", "cpu");
        assertEquals(0, rc, err.toString());
        String text = out.toString();
        assertTrue(text.contains("address:                BM-"), text);
        assertTrue(text.contains("privsigningkey = 5"), text);
        assertTrue(text.contains("privencryptionkey = 5"), text);
        String addr = text.lines().filter(l -> l.startsWith("address:")).findFirst().orElseThrow().substring(24);
        assertTrue(addr.startsWith("BM-2cW") || addr.length() < 37, addr);
        assertTrue(err.toString().contains("candidates per match"), err.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonOutputWithCountAndCaseInsensitivity() {
        int rc = run("--prefix", "t", "-i", "--count", "2", "--threads", "2", "--json", "--quiet", "--label", "x");
        assertEquals(0, rc, err.toString());
        Map<String, Object> m = (Map<String, Object>) Json.parse(out.toString().strip());
        List<Object> results = (List<Object>) m.get("results");
        assertEquals(2, results.size());
        for (Object o : results) {
            Map<String, Object> r = (Map<String, Object>) o;
            String a = (String) r.get("address");
            assertTrue(a.startsWith("BM-2cT") || ((Long) r.get("zeroBytes")) > 1, a);
            assertTrue(((String) r.get("keysDat")).startsWith("[" + a + "]\nlabel = x\n"));
            assertEquals(130, ((String) r.get("publicSigningKey")).length());
        }
        assertEquals("", err.toString());
    }

    @Test
    void saveAddsToTheIdentityStore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        int rc = run("--data-dir", dir.toString(), "--prefix", "S", "--save", "--quiet", "--label", "mine");
        assertEquals(0, rc, err.toString());
        var ids = new dev.bmtool.core.address.IdentityStore(dir).list();
        assertEquals(1, ids.size());
        assertEquals("mine", ids.get(0).label());
        assertTrue(out.toString().contains("address:                " + ids.get(0).address().encode()), out.toString());
        assertTrue(out.toString().contains("saved to "), out.toString());
    }

    @Test
    void zeroBytesOnly() {
        int rc = run("--zero-bytes", "2", "--quiet", "--engine", "cpu");
        assertEquals(0, rc, err.toString());
        assertTrue(out.toString().contains("address:                BM-"), out.toString());
    }

    @Test
    void rejectsCharactersOutsideBase58() {
        assertEquals(2, run("--prefix", "0x"));
        assertTrue(err.toString().contains("base58 has no 0, O, I or l"), err.toString());
        assertTrue(err.toString().startsWith("bmtool: "), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void rejectsImpossiblePrefixes() {
        assertEquals(2, run("--prefix", "A"));
        assertTrue(err.toString().contains("after \"BM-2c\" the next character is one of STUVWX"), err.toString());
        err.getBuffer().setLength(0);
        // X may follow BM-2c, but only the lowest addresses continue past it
        assertEquals(2, run("--prefix", "Xzzzzz"));
        assertTrue(err.toString().contains("such addresses run from \"BM-2cS"), err.toString());
        assertTrue(err.toString().contains("to \"BM-2cX"), err.toString());
    }

    @Test
    void rejectsBadOptions() {
        assertEquals(2, run("--count", "0"));
        assertEquals(2, run("--engine", "gpu"));
        assertEquals(2, run("--zero-bytes", "17"));
        assertTrue(err.toString().contains("zero bytes must be between 0 and 16"), err.toString());
    }

    @Test
    void unavailableEngineIsAnError() {
        System.setProperty("bmtool.opencl.disable", "true");
        try {
            assertEquals(1, run("--engine", "opencl", "--prefix", "W"));
        } finally {
            System.clearProperty("bmtool.opencl.disable");
        }
        assertTrue(err.toString().contains("vanity engine 'opencl' is not available"), err.toString());
    }

    @Test
    void openClEngineOnWhateverDeviceThereIs() {
        // pocl's CPU device in CI; a GPU where there is one
        int rc = run("--engine", "opencl", "--prefix", "V", "--quiet", "--json");
        assertEquals(0, rc, err.toString());
        assertTrue(out.toString().contains("\"engine\":\"opencl"), out.toString());
    }
}
