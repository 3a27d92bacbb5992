package dev.bmtool.core.pow.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.CpuEngines;
import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowBackend;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.PowResult;
import dev.bmtool.core.pow.PowScheduler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one PoW service: verification of every answer, remote servers and their failures. */
@Timeout(60)
class PowServiceTest {
    private static final byte[] IH = HexFormat.of().parseHex("0102030405060708091011121314151617181920212223242526272829303132"
            + "3334353637383940414243444546474849505152535455565758596061626364");
    private static final PowJob JOB = new PowJob(IH, -1L >>> 10); // ~1000 expected trials

    private final List<String> problems = new CopyOnWriteArrayList<>();
    private HttpServer http;
    private final List<String> authHeaders = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (http != null) {
            http.stop(0);
        }
    }

    private static PowResult scalar(PowJob job) {
        return CpuEngines.scalar().search(job, NonceRange.from(0), PowMonitor.NONE);
    }

    /** Local backend on the scalar engine that counts its jobs. */
    private static final class Local implements PowBackend {
        final AtomicInteger jobs = new AtomicInteger();

        @Override
        public PowScheduler.Outcome solve(PowJob job, PowScheduler.Listener listener) {
            jobs.incrementAndGet();
            return new PowScheduler.Outcome(scalar(job), "local", Duration.ZERO);
        }
    }

    /** A fake pow serve: answers with {@code lie} a wrong nonce, else the right one. */
    private String serve(boolean lie) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        http.createContext("/pow", ex -> {
            authHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var m = dev.bmtool.core.json.Json.parseObject(body);
            PowJob job = new PowJob(HexFormat.of().parseHex((String) m.get("initialHash")),
                    Long.parseUnsignedLong((String) m.get("target")));
            PowResult r = scalar(job);
            long nonce = lie ? r.nonce() + 1 : r.nonce();
            byte[] out = ("{\"nonce\":\"" + Long.toHexString(nonce) + "\",\"trialValue\":"
                    + Long.toUnsignedString(r.trialValue()) + ",\"trials\":" + r.trials() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        http.start();
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @Test
    void aRemoteServerAnswersAndTheTokenIsSentAsBearer() throws Exception {
        String url = serve(false).replace("http://", "http://s3cret@");
        Local local = new Local();
        try (PowService s = PowService.of(local, List.of(RemotePowServer.parse(url)), problems::add)) {
            PowScheduler.Outcome o = s.solve(JOB, PowScheduler.Listener.NONE);
            assertTrue(o.found());
            assertTrue(PowMath.meets(o.result().nonce(), IH, JOB.target()));
            assertEquals(0, local.jobs.get(), "no local work");
            assertFalse(o.engine().contains("s3cret"), "the token is never shown: " + o.engine());
            assertEquals(List.of("Bearer s3cret"), authHeaders);
            assertTrue(problems.isEmpty(), problems.toString());
        }
    }

    @Test
    void aWrongRemoteAnswerIsCaughtAndLocalEnginesTakeOver() throws Exception {
        String url = serve(true);
        Local local = new Local();
        try (PowService s = PowService.of(local, List.of(RemotePowServer.parse(url)), problems::add)) {
            PowScheduler.Outcome o = s.solve(JOB, PowScheduler.Listener.NONE);
            assertEquals("local", o.engine());
            assertTrue(PowMath.meets(o.result().nonce(), IH, JOB.target()));
            assertTrue(problems.get(0).contains("answered wrongly"), problems.toString());
            // set aside: the next job goes straight to the local engines
            s.solve(JOB, PowScheduler.Listener.NONE);
            assertEquals(1, authHeaders.size());
            assertEquals(2, local.jobs.get());
        }
    }

    @Test
    void aServerThatIsDownFallsBackToLocalEngines() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Local local = new Local();
        try (PowService s = PowService.of(local, List.of(RemotePowServer.parse("http://127.0.0.1:" + port)),
                problems::add)) {
            assertEquals("local", s.solve(JOB, PowScheduler.Listener.NONE).engine());
            assertTrue(problems.get(0).contains("127.0.0.1:" + port) && problems.get(0).contains("local engines"),
                    problems.toString());
        }
    }

    @Test
    void aWrongLocalAnswerIsNeverHandedOut() {
        PowBackend liar = (job, l) -> new PowScheduler.Outcome(PowResult.found(7, 0, 1), "liar", Duration.ZERO);
        try (PowService s = PowService.of(liar)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> s.solve(JOB, PowScheduler.Listener.NONE));
            assertTrue(e.getMessage().contains("liar") && e.getMessage().contains("wrong result"), e.getMessage());
        }
    }

    @Test
    void anObjectGetsTheNonceOfItsSenderTarget() {
        BitmessageObject o = BitmessageObject.of(0, 2_000_000_000L, 1, 4, 1, new byte[100]);
        try (PowService s = PowService.of(new Local())) {
            PowService.Solved done = s.solveObject(o, 300, 1000, 1000, null);
            long target = PowMath.senderTarget(o.length(), 300, 1000, 1000);
            assertEquals(target, done.target());
            assertTrue(PowMath.meets(done.object().nonce(), PowMath.initialHash(o.bytesWithoutNonce()), target));
        }
    }

    @Test
    void badUrlsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> RemotePowServer.parse("ftp://x:1"));
        assertThrows(IllegalArgumentException.class, () -> RemotePowServer.parse("http://"));
        assertEquals(2, RemotePowServer.parseList("http://a:1, http://t@b:2").size());
        assertEquals("http://b:2", RemotePowServer.parse("http://t@b:2/").name());
    }
}
