package dev.bmtool.cli.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PowServerTest {
    static final String HASH = PowCommandTest.ROW1_HASH;
    static final long TARGET = 281474976710655L;

    PowServer server;
    HttpClient client;
    URI base;

    @BeforeEach
    void start() throws Exception {
        start(4);
    }

    void start(int queue) throws Exception {
        if (server != null) {
            server.close();
        }
        PowScheduler s = PowScheduler.open(new PowScheduler.Options(PowScheduler.EngineKind.CPU, 2, false), List.of(),
                m -> { });
        server = PowServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), s, queue);
        base = URI.create("http://127.0.0.1:" + server.address().getPort());
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void solvesAJob() throws Exception {
        HttpResponse<String> r = post("/pow", "{\"initialHash\": \"" + HASH + "\", \"target\": " + TARGET + "}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse(""));
        Map<String, Object> m = Json.parseObject(r.body());
        long nonce = Long.parseUnsignedLong((String) m.get("nonce"), 16);
        assertEquals(PowMath.trialValue(nonce, Hex.decode(HASH)), m.get("trialValue"));
        assertTrue(PowMath.meets(nonce, Hex.decode(HASH), TARGET));
        assertTrue((Long) m.get("trials") > 0);
        assertTrue(m.containsKey("seconds") && m.containsKey("engine"));
        // the target may be a string too, decimal or 0x hex; and the maximum target 2^64-1 works
        HttpResponse<String> r2 = post("/pow", "{\"initialHash\": \"" + HASH + "\", \"target\": 18446744073709551615}");
        assertEquals(200, r2.statusCode(), r2.body());
        HttpResponse<String> r3 = post("/pow", "{\"initialHash\": \"" + HASH + "\", \"target\": \"0xffffffffffff\"}");
        assertEquals(200, r3.statusCode(), r3.body());
    }

    @Test
    void health() throws Exception {
        HttpResponse<String> r = get("/health");
        assertEquals(200, r.statusCode());
        Map<String, Object> m = Json.parseObject(r.body());
        assertEquals("ok", m.get("status"));
        assertEquals(4L, m.get("queueLimit"));
        assertTrue(!((List<?>) m.get("engines")).isEmpty());
    }

    @Test
    void clientErrors() throws Exception {
        assertEquals(400, post("/pow", "not json").statusCode());
        assertEquals(400, post("/pow", "[1,2]").statusCode());
        assertEquals(400, post("/pow", "{\"target\": 5}").statusCode());
        assertEquals(400, post("/pow", "{\"initialHash\": \"abcd\", \"target\": 5}").statusCode());
        assertEquals(400, post("/pow", "{\"initialHash\": \"" + HASH + "\", \"target\": -5}").statusCode());
        assertEquals(400, post("/pow", "{\"initialHash\": \"" + HASH + "\", \"target\": 18446744073709551616}").statusCode());
        assertEquals(400, post("/pow", "{\"initialHash\": \"" + HASH + "\", \"target\": 1.5}").statusCode());
        assertEquals(400, post("/pow", "{\"initialHash\": \"" + HASH + "\", \"target\": 5, \"x\": 1}").statusCode());
        HttpResponse<String> e = post("/pow", "{}");
        assertEquals(400, e.statusCode());
        assertTrue(Json.parseObject(e.body()).containsKey("error"));
        assertEquals(404, get("/nope").statusCode());
        HttpResponse<String> m = get("/pow");
        assertEquals(405, m.statusCode());
        assertEquals("POST", m.headers().firstValue("Allow").orElse(""));
        assertEquals(405, post("/health", "{}").statusCode());
        assertEquals(413, post("/pow", "{\"pad\": \"" + "x".repeat(PowServer.MAX_BODY) + "\"}").statusCode());
    }

    @Test
    void concurrentJobsAllSucceedWithinTheQueueBound() throws Exception {
        int jobs = 4; // == queue limit: all admitted
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> fs = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                String ih = Hex.encode(PowMath.initialHash(new byte[] {(byte) i}));
                fs.add(ex.submit(() -> post("/pow", "{\"initialHash\": \"" + ih + "\", \"target\": " + (TARGET * 4) + "}")));
            }
            for (Future<HttpResponse<String>> f : fs) {
                assertEquals(200, f.get().statusCode(), f.get().body());
            }
        }
    }

    @Test
    void fullQueueAnswers503() throws Exception {
        start(1);
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            // an impossible-in-practice job holds the only slot until the server closes
            Future<?> hog = ex.submit(() -> {
                try {
                    return post("/pow", "{\"initialHash\": \"" + HASH + "\", \"target\": 0}");
                } catch (Exception e) {
                    return null;
                }
            });
            HttpResponse<String> r;
            long deadline = System.nanoTime() + 30_000_000_000L;
            do { // wait until the hog is admitted
                Thread.sleep(20);
                r = get("/health");
            } while (!Long.valueOf(1).equals(Json.parseObject(r.body()).get("inQueue")) && System.nanoTime() < deadline);
            HttpResponse<String> full = post("/pow", "{\"initialHash\": \"" + HASH + "\", \"target\": " + TARGET + "}");
            assertEquals(503, full.statusCode(), full.body());
            assertTrue(full.headers().firstValue("Retry-After").isPresent());
            server.close(); // cancels the running search, so the hog ends
            hog.get();
        }
    }
}
