package dev.bmtool.cli.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ObjectCommandTest {
    static final String SAMPLE = "00000000001be7fc00000000660f307f0000002a010248454c4c4f";
    static final long SAMPLE_EXPIRES = 1712271487L;
    static final String V2_GETPUBKEY = "000000000044ff9300000000554118b7000000000201000077fb004dff82e4a76a279e0e3a6d722298a0";
    static final long V2_GETPUBKEY_EXPIRES = 1430329527L;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = BmtoolCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void inspectJson() {
        Run r = run("object", "inspect", "--hex", V2_GETPUBKEY, "--at", Long.toString(V2_GETPUBKEY_EXPIRES - 60), "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.parseObject(r.out().strip());
        assertEquals("getpubkey", m.get("type"));
        assertEquals(2L, m.get("version"));
        assertEquals(1L, m.get("stream"));
        assertEquals("000077fb004dff82e4a76a279e0e3a6d722298a0", m.get("ripe"));
        assertEquals("ff9eb8cae8b8d0b5d1de6e3e5921f99de324fe2392d62a11b97e3794e3457ab4", m.get("inventoryHash"));
        assertEquals(1529517999184L, m.get("trialValue"));
        assertEquals("2015-04-29T17:45:27Z", m.get("expires"));
        assertEquals(60L, m.get("ttl"));
        assertEquals("1m 0s left", m.get("ttlLeft"));
        assertEquals(42L, m.get("length"));
    }

    @Test
    void inspectTextFromHexFileAndRawFile(@TempDir Path dir) throws IOException {
        Path hex = dir.resolve("o.hex");
        Files.writeString(hex, SAMPLE + "\n");
        Run r = run("object", "inspect", hex.toString(), "--at", Long.toString(SAMPLE_EXPIRES + 3600));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("b02854e291618090742295ab4a3e5ec409665457bb1df11b8a750ebbaaa9e8b4"), r.out());
        assertTrue(r.out().contains("expired 1h 0m 0s ago"), r.out());
        assertTrue(r.out().contains("unknown type/version, 5 bytes"), r.out());
        Path raw = dir.resolve("o.bin");
        Files.write(raw, Hex.decode(V2_GETPUBKEY));
        Run r2 = run("object", "inspect", raw.toString());
        assertEquals(0, r2.code(), r2.err());
        assertTrue(r2.out().contains("000077fb004dff82e4a76a279e0e3a6d722298a0"), r2.out());
    }

    @Test
    void inspectAcceptsObjectPacket() {
        String packet = "e9beb4d96f626a6563740000000000000000001bb89c9f56" + SAMPLE;
        Run r = run("object", "inspect", "--hex", packet, "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("unknown", Json.parseObject(r.out().strip()).get("type"));
    }

    @Test
    void verifyValidAndExpired() {
        Run ok = run("object", "verify", "--hex", SAMPLE, "--at", Long.toString(SAMPLE_EXPIRES - 300), "--json");
        assertEquals(0, ok.code(), ok.err());
        Map<String, Object> m = Json.parseObject(ok.out().strip());
        assertEquals(Boolean.TRUE, m.get("valid"));
        assertEquals(17892089305246L, m.get("target"));
        assertEquals(7716054263625L, m.get("trialValue"));
        assertEquals("OK", m.get("content"));

        Run expired = run("object", "verify", "--hex", SAMPLE, "--at", Long.toString(SAMPLE_EXPIRES + 3601));
        assertEquals(1, expired.code());
        assertTrue(expired.out().startsWith("INVALID: expired"), expired.out());
        assertTrue(expired.err().contains("expired"), expired.err());

        Run far = run("object", "verify", "--hex", SAMPLE, "--at", Long.toString(SAMPLE_EXPIRES - 2_430_001));
        assertEquals(1, far.code());
        assertTrue(far.out().contains("too far in the future"), far.out());
    }

    @Test
    void verifyReportsContentProblemsWithoutFailing() {
        // a getpubkey v4 whose tag is cut short: relayable, but not processable
        String hex = "0000000000000000" + "00000000660f307f" + "00000000" + "04" + "01" + "00".repeat(20);
        Run r = run("object", "verify", "--hex", hex, "--at", Long.toString(SAMPLE_EXPIRES), "--json");
        Map<String, Object> m = Json.parseObject(r.out().strip());
        assertTrue(((String) m.get("content")).startsWith("MALFORMED_PAYLOAD"), r.out());
        Run i = run("object", "inspect", "--hex", hex, "--json");
        assertEquals(0, i.code());
        assertTrue(Json.parseObject(i.out().strip()).containsKey("payloadError"), i.out());
    }

    @Test
    void verifyRealObjectFromRawFile(@TempDir Path dir) throws IOException {
        Path raw = dir.resolve("getpubkey.bin");
        Files.write(raw, Hex.decode(V2_GETPUBKEY));
        Run r = run("object", "verify", raw.toString(), "--at", Long.toString(V2_GETPUBKEY_EXPIRES - 693_033));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("valid"), r.out());
        Run late = run("object", "verify", raw.toString(), "--at", Long.toString(V2_GETPUBKEY_EXPIRES - 693_034));
        assertEquals(1, late.code(), late.out());
        assertTrue(late.out().contains("insufficient proof of work"), late.out());
    }

    @Test
    void verifyHigherDifficulty() {
        Run r = run("object", "verify", "--hex", SAMPLE, "--at", Long.toString(SAMPLE_EXPIRES), "--ntpb", "3000",
                "--extra", "1000", "--json");
        assertEquals(1, r.code());
        Map<String, Object> m = Json.parseObject(r.out().strip());
        assertEquals(Boolean.FALSE, m.get("valid"));
        assertEquals("INSUFFICIENT_POW", m.get("reason"));
    }

    @Test
    void badInputIsOneLineNoStackTrace() {
        Run r = run("object", "verify", "--hex", SAMPLE.substring(0, 30));
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("bmtool: invalid input: truncated"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        Run notHex = run("object", "inspect", "--hex", "xyzw");
        assertEquals(2, notHex.code());
        assertTrue(notHex.err().startsWith("bmtool: --hex: not a hex string"), notHex.err());
        Run odd = run("object", "verify", "--hex", SAMPLE + "0");
        assertEquals(2, odd.code());
        assertTrue(odd.err().contains("odd number"), odd.err());
        Run none = run("object", "inspect");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("FILE or --hex"), none.err());
        Run both = run("object", "inspect", "x", "--hex", SAMPLE);
        assertEquals(2, both.code());
        Run missing = run("object", "verify", "/nonexistent/file");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Run container = run("object");
        assertEquals(2, container.code());
        assertTrue(container.err().contains("inspect"), container.err());
    }
}
