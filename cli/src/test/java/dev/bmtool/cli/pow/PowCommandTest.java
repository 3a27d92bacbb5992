package dev.bmtool.cli.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.json.Json;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PowCommandTest {
    static final String SAMPLE = "00000000001be7fc00000000660f307f0000002a010248454c4c4f";
    static final long SAMPLE_EXPIRES = 1712271487L;
    static final String ROW1_HASH = "f0aaa1c4da05d5700790772ef5f7b1e135d786ebce622a1741bf49955918d1b9"
            + "45c79a0832c55248ad88d1b0f44ca27941f582f6486aa5e095c9cdcefafabcbc";

    record Run(int code, String out, String err) {
    }

    static Run runWithStdin(String stdin, String... args) {
        CommandLine cl = BmtoolCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        PowCommand pow = cl.getSubcommands().get("pow").getCommand();
        pow.in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        pow.now = () -> SAMPLE_EXPIRES - 300; // the sample object then has 300 s to live
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return runWithStdin("", args);
    }

    @Test
    void initialHashAndTargetText() {
        Run r = run("pow", "--initial-hash", ROW1_HASH, "--target", "281474976710655", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        String nonceLine = r.out().lines().filter(l -> l.startsWith("nonce")).findFirst().orElseThrow();
        long nonce = Long.parseUnsignedLong(nonceLine.split("\\s+")[1], 16);
        assertTrue(PowMath.meets(nonce, Hex.decode(ROW1_HASH), 281474976710655L));
        assertTrue(r.out().contains("trial value"));
        assertTrue(r.out().contains("engine"));
    }

    @Test
    void aPowServerThatIsDownLeavesTheWorkToLocalEngines() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Run r = run("pow", "--initial-hash", ROW1_HASH, "--target", "281474976710655", "--pow-server",
                "http://127.0.0.1:" + port, "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.parseObject(r.out().strip());
        assertTrue(PowMath.meets(Long.parseUnsignedLong((String) m.get("nonce"), 16), Hex.decode(ROW1_HASH),
                281474976710655L));
        assertTrue(!((String) m.get("engine")).startsWith("http"), (String) m.get("engine"));
        Run bad = run("pow", "--initial-hash", ROW1_HASH, "--target", "1", "--pow-server", "ftp://x");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--pow-server"), bad.err());
    }

    @Test
    void initialHashAndTargetJsonOnEachCpuEngine() {
        for (String engine : new String[] {"scalar", "simd", "native", "java", "cpu", "auto", "messagedigest"}) {
            Run r = run("pow", "--initial-hash", ROW1_HASH, "--target", "0x0000ffffffffffff", "--engine", engine, "--json");
            assertEquals(0, r.code(), r.err());
            Map<String, Object> m = Json.parseObject(r.out().strip());
            long nonce = Long.parseUnsignedLong((String) m.get("nonce"), 16);
            assertEquals(16, ((String) m.get("nonce")).length());
            assertEquals(PowMath.trialValue(nonce, Hex.decode(ROW1_HASH)), m.get("trialValue"));
            assertEquals(281474976710655L, m.get("target"));
            assertTrue((Long) m.get("trials") > 0);
            assertTrue(m.containsKey("seconds") && m.containsKey("rate"));
            String name = (String) m.get("engine");
            assertTrue(engine.equals("scalar") ? name.startsWith("scalar") : engine.equals("simd") ? name.startsWith("simd")
                    : engine.equals("native") ? name.startsWith("native-") : !name.isEmpty(), name);
        }
    }

    @Test
    void objectGetsItsNonceWithTheSenderTarget(@TempDir Path dir) throws Exception {
        // the sample with nonce zero; 300 s to live (see run()), so the sender target for L=27, TTL=300
        String zero = "0000000000000000" + SAMPLE.substring(16);
        Run r = run("pow", "--hex", zero);
        assertEquals(0, r.code(), r.err());
        String hex = r.out().strip();
        BitmessageObject done = BitmessageObject.read(Hex.decode(hex));
        assertEquals(SAMPLE.substring(16), hex.substring(16), "only the nonce changes");
        long target = PowMath.senderTarget(27, 300, 1000, 1000);
        assertEquals(17879928302185L, target); // vectors.md 7.3
        assertTrue(PowMath.meets(done.nonce(), PowMath.initialHashOfObject(done.write()), target));
        assertTrue(r.err().contains("nonce"), r.err());

        // --out FILE and --json, from a file, with --ttl overriding the clock
        Path in = dir.resolve("o.hex");
        Files.writeString(in, zero + "\n");
        Path out = dir.resolve("done.hex");
        Run j = run("pow", "--object", in.toString(), "--ttl", "3600", "--out", out.toString(), "--json");
        assertEquals(0, j.code(), j.err());
        Map<String, Object> m = Json.parseObject(j.out().strip());
        assertEquals(3600L, m.get("ttl"));
        assertEquals(17026483448603L, m.get("target"));
        BitmessageObject fromFile = BitmessageObject.read(Hex.decode(Files.readString(out).strip()));
        assertTrue(PowMath.meets(fromFile.nonce(), PowMath.initialHashOfObject(fromFile.write()), 17026483448603L));
        assertEquals(Hex.encode(PowMath.inventoryHash(fromFile.write())), m.get("inventoryHash"));
    }

    @Test
    void badOutIsCaughtBeforeTheSearchAndNamed(@TempDir Path dir) throws Exception {
        String zero = "0000000000000000" + SAMPLE.substring(16);
        Path missing = dir.resolve("no-such-dir").resolve("done.hex");
        Run r = run("pow", "--hex", zero, "--out", missing.toString());
        assertEquals(2, r.code());
        assertEquals("bmtool: --out " + missing + ": no such directory " + missing.getParent(), r.err().strip());
        assertEquals("", r.out());
        Run d = run("pow", "--hex", zero, "--out", dir.toString());
        assertEquals(2, d.code());
        assertTrue(d.err().contains("is a directory"), d.err());
        Run in = run("pow", "--object", dir.resolve("none.hex").toString());
        assertEquals(2, in.code());
        assertTrue(in.err().contains("no such file"), in.err());
    }

    @Test
    void expiredObjectNeedsTtl() {
        Run r = run("pow", "--hex", SAMPLE, "--ttl", "-5");
        assertEquals(2, r.code());
        CommandLine cl = BmtoolCommand.newCommandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        PowCommand pow = cl.getSubcommands().get("pow").getCommand();
        pow.now = () -> SAMPLE_EXPIRES + 10;
        assertEquals(1, cl.execute("pow", "--hex", SAMPLE));
        assertTrue(err.toString().contains("expired"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
    }

    @Test
    void stdinBatchKeepsOrderAndReportsBadLines() {
        String input = ROW1_HASH + " 281474976710655\n"
                + "nothex 5\n"
                + "\n"
                + ROW1_HASH + " 0xffffffffffffffff\n"
                + ROW1_HASH + "\n";
        Run r = runWithStdin(input, "pow", "--stdin");
        assertEquals(1, r.code(), r.err()); // some lines failed
        String[] lines = r.out().strip().split("\n");
        assertEquals(4, lines.length, r.out());
        String[] first = lines[0].split(" ");
        long n0 = Long.parseUnsignedLong(first[0], 16);
        assertEquals(PowMath.trialValue(n0, Hex.decode(ROW1_HASH)), Long.parseUnsignedLong(first[1]));
        assertTrue(lines[1].startsWith("error: line 2:"), lines[1]);
        String[] third = lines[2].split(" ");
        assertEquals(Long.toUnsignedString(PowMath.trialValue(Long.parseUnsignedLong(third[0], 16),
                Hex.decode(ROW1_HASH))), third[1]);
        assertTrue(lines[3].startsWith("error: line 5:"), lines[3]);
    }

    @Test
    void stdinBatchJson() {
        Run r = runWithStdin(ROW1_HASH + " 281474976710655\n", "pow", "--stdin", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.parseObject(r.out().strip());
        assertEquals(1L, m.get("line"));
        assertTrue(PowMath.meets(Long.parseUnsignedLong((String) m.get("nonce"), 16), Hex.decode(ROW1_HASH),
                281474976710655L));
    }

    @Test
    void usageErrors() {
        assertEquals(2, run("pow").code());
        assertEquals(2, run("pow", "--initial-hash", ROW1_HASH).code());
        assertEquals(2, run("pow", "--initial-hash", "abcd", "--target", "5").code());
        assertEquals(2, run("pow", "--initial-hash", ROW1_HASH, "--target", "-1").code());
        assertEquals(2, run("pow", "--initial-hash", ROW1_HASH, "--target", "5", "--stdin").code());
        assertEquals(2, run("pow", "--initial-hash", ROW1_HASH, "--target", "5", "--ttl", "5").code());
        assertEquals(2, run("pow", "--initial-hash", ROW1_HASH, "--target", "5", "--engine", "quantum").code());
        Run r = run("pow", "--object", "/nonexistent/file");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
        Run bad = run("pow", "--hex", "00");
        assertEquals(1, bad.code());
        assertTrue(bad.err().startsWith("bmtool: invalid input"), bad.err());
    }
}
