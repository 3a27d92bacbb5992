package dev.bmtool.cli.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.json.Json;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowScheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenCL batch path of {@code pow --stdin} and {@code pow serve}, on whatever OpenCL the
 * test machine has (pocl's CPU device in CI; {@code --engine opencl} uses it). Easy jobs only:
 * pocl on shared cores is slow.
 */
class PowBatchOpenClTest {
    /** ~4096 expected trials each. */
    static final long TARGET = -1L >>> 12;

    @BeforeAll
    static void cache() {
        System.setProperty("bmtool.opencl.cache", "target/opencl-cache");
    }

    static String hash(int i) {
        return Hex.encode(PowMath.initialHash(new byte[] {(byte) i, 42}));
    }

    static void assertMeets(String ih, long target, String nonceHex, long trialValue) {
        long nonce = Long.parseUnsignedLong(nonceHex, 16);
        assertEquals(PowMath.trialValue(nonce, Hex.decode(ih)), trialValue);
        assertTrue(PowMath.meets(nonce, Hex.decode(ih), target), ih + " " + nonceHex);
    }

    @Test
    void stdinSolvesWaitingLinesTogetherInInputOrder() {
        StringBuilder in = new StringBuilder();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            hashes.add(hash(i));
            in.append(hash(i)).append(' ').append(TARGET).append('\n');
            if (i == 2) {
                in.append("bad line\n");
            }
        }
        PowCommandTest.Run r = PowCommandTest.runWithStdin(in.toString(), "pow", "--stdin", "--engine", "opencl",
                "--json", "--no-progress");
        assertEquals(1, r.code(), r.err()); // the bad line
        String[] lines = r.out().strip().split("\n");
        assertEquals(7, lines.length, r.out());
        int k = 0;
        for (int i = 0; i < lines.length; i++) {
            Map<String, Object> m = Json.parseObject(lines[i]);
            assertEquals((long) i + 1, m.get("line"), lines[i]);
            if (i == 3) {
                assertTrue(((String) m.get("error")).contains("initial hash"), lines[i]);
                continue;
            }
            assertMeets(hashes.get(k++), TARGET, (String) m.get("nonce"), (Long) m.get("trialValue"));
            assertTrue(((String) m.get("engine")).startsWith("opencl:"), lines[i]);
            assertTrue((Long) m.get("batch") > 1, "solved in a batch: " + lines[i]);
        }
        assertEquals(6, k);
    }

    @Test
    void stdinBatchOfOneLineAtATimeGivesTheSameKindOfAnswers() {
        String in = hash(1) + " " + TARGET + "\n" + hash(2) + " " + TARGET + "\n";
        PowCommandTest.Run r = PowCommandTest.runWithStdin(in, "pow", "--stdin", "--engine", "opencl", "--batch", "1",
                "--no-progress");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        for (int i = 0; i < 2; i++) {
            String[] f = lines[i].split(" ");
            assertMeets(hash(i + 1), TARGET, f[0], Long.parseUnsignedLong(f[1]));
        }
    }

    @Test
    void batchOptionNeedsStdinAndAPositiveSize() {
        assertEquals(2, PowCommandTest.run("pow", "--initial-hash", hash(1), "--target", "5", "--batch", "4").code());
        assertEquals(2, PowCommandTest.run("pow", "--stdin", "--batch", "0").code());
        assertEquals(2, PowCommandTest.run("pow", "serve", "--listen", "127.0.0.1:0", "--batch", "0").code());
        assertEquals(2, PowCommandTest.run("pow", "serve", "--listen", "127.0.0.1:0", "--batch-window", "-1").code());
    }

    @Test
    void serverGathersConcurrentRequestsIntoBatches() throws Exception {
        PowScheduler s = PowScheduler.open(new PowScheduler.Options(PowScheduler.EngineKind.OPENCL, 1, false),
                m -> { });
        // a long window so concurrent requests surely meet in one batch
        try (PowServer server = PowServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), s, 16, 8,
                Duration.ofMillis(1000));
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            URI base = URI.create("http://127.0.0.1:" + server.address().getPort());
            assertEquals(8, server.batchLimit());
            List<Future<HttpResponse<String>>> fs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String body = "{\"initialHash\": \"" + hash(i) + "\", \"target\": " + TARGET + "}";
                fs.add(ex.submit(() -> client.send(HttpRequest.newBuilder(base.resolve("/pow"))
                        .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString())));
            }
            long batched = 0;
            for (int i = 0; i < fs.size(); i++) {
                HttpResponse<String> r = fs.get(i).get();
                assertEquals(200, r.statusCode(), r.body());
                Map<String, Object> m = Json.parseObject(r.body());
                assertMeets(hash(i), TARGET, (String) m.get("nonce"), (Long) m.get("trialValue"));
                if (m.containsKey("batch")) {
                    batched++;
                    assertTrue((Long) m.get("batch") > 1 && (Long) m.get("batch") <= 8, r.body());
                }
            }
            assertTrue(batched >= 2, "concurrent requests share a batch");
            HttpResponse<String> h = client.send(HttpRequest.newBuilder(base.resolve("/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<String, Object> health = Json.parseObject(h.body());
            assertEquals(8L, health.get("batchLimit"));
            assertEquals(6L, health.get("solved"));
        }
    }

    @Test
    void cpuServerDoesNotBatch() throws Exception {
        PowScheduler s = PowScheduler.open(new PowScheduler.Options(PowScheduler.EngineKind.CPU, 1, false), List.of(),
                m -> { });
        try (PowServer server = PowServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), s, 4)) {
            assertEquals(1, server.batchLimit());
            assertFalse(s.batching());
        }
    }
}
