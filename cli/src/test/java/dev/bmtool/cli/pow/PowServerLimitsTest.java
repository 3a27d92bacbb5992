package dev.bmtool.cli.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.json.Json;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowScheduler;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.core.pow.service.RemotePowServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** pow serve's token, per-client and size limits, health, and the client side of remote PoW. */
@Timeout(120)
class PowServerLimitsTest {
    static final String HASH = PowCommandTest.ROW1_HASH;
    static final String JOB = "{\"initialHash\": \"" + HASH + "\", \"target\": 281474976710655}";

    static PowServer start(PowServer.Limits limits, dev.bmtool.core.pow.PowBackend backend) throws Exception {
        return PowServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backend, 8, 1,
                Duration.ZERO, limits);
    }

    static PowScheduler cpu() {
        return PowScheduler.open(new PowScheduler.Options(PowScheduler.EngineKind.CPU, 1, false), List.of(), m -> { });
    }

    static HttpResponse<String> post(PowServer s, String token, String body) throws Exception {
        try (HttpClient c = HttpClient.newHttpClient()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.address().getPort()
                    + "/pow")).POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aTokenIsRequiredWhenSetAndOffLoopback() throws Exception {
        try (PowServer s = start(new PowServer.Limits(0, 0, "tok"), cpu())) {
            HttpResponse<String> none = post(s, null, JOB);
            assertEquals(401, none.statusCode());
            assertTrue(none.body().contains("bearer token"), none.body());
            assertEquals(401, post(s, "wrong", JOB).statusCode());
            assertEquals(200, post(s, "tok", JOB).statusCode());
            // health needs no token (balancer checks) and says whether SIMD is warm
            try (HttpClient c = HttpClient.newHttpClient()) {
                HttpResponse<String> h = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + s.address().getPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, h.statusCode());
                assertTrue(Json.parseObject(h.body()).containsKey("warm"), h.body());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> PowServer.start(new InetSocketAddress("0.0.0.0", 0), cpu(),
                8, 1, Duration.ZERO, PowServer.Limits.NONE), "no token off loopback");
    }

    @Test
    void tooLargeJobsGet422AndTooManyPerClient429() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        PowScheduler real = cpu();
        dev.bmtool.core.pow.PowBackend slow = (job, l) -> {
            running.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.solve(job, l);
        };
        try (PowServer s = start(new PowServer.Limits(1, 1e6, null), slow)) {
            HttpResponse<String> big = post(s, null, "{\"initialHash\": \"" + HASH + "\", \"target\": 1000}");
            assertEquals(422, big.statusCode());
            assertTrue(big.body().contains("job too large"), big.body());
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return post(s, null, JOB);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            assertTrue(running.await(30, TimeUnit.SECONDS));
            HttpResponse<String> second = post(s, null, JOB);
            assertEquals(429, second.statusCode(), second.body());
            assertTrue(second.body().contains("too many jobs"), second.body());
            release.countDown();
            assertEquals(200, first.get(60, TimeUnit.SECONDS).statusCode());
        } finally {
            real.close();
        }
    }

    @Test
    void theServiceUsesTheServerWithItsTokenAndVerifiesTheAnswer() throws Exception {
        List<String> problems = new CopyOnWriteArrayList<>();
        try (PowServer s = start(new PowServer.Limits(0, 0, "tok"), cpu());
                PowService client = PowService.of((job, l) -> {
                    throw new AssertionError("no local PoW while the server works");
                }, List.of(RemotePowServer.parse("http://tok@127.0.0.1:" + s.address().getPort())), problems::add)) {
            PowJob job = new PowJob(dev.bmtool.core.encoding.Hex.decode(HASH), 281474976710655L);
            PowScheduler.Outcome o = client.solve(job, PowScheduler.Listener.NONE);
            assertTrue(PowMath.meets(o.result().nonce(), job.initialHash(), job.target()));
            assertEquals("http://127.0.0.1:" + s.address().getPort(), o.engine());
            assertTrue(problems.isEmpty(), problems.toString());
            Map<String, Object> health = RemotePowServer.parse("http://127.0.0.1:" + s.address().getPort()).health();
            assertEquals(1L, health.get("solved"));
        }
    }
}
