package dev.bmtool.cli.pow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bmtool.core.json.Json;
import dev.bmtool.core.pow.BatchPowSolver;
import dev.bmtool.core.pow.PowBackend;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowScheduler;
import dev.bmtool.core.pow.service.PowService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A stateless HTTP proof-of-work service: {@code POST /pow} with
 * {@code {"initialHash": HEX, "target": N}} answers {@code {"nonce": HEX, "trialValue": N, ...}};
 * {@code GET /health} reports status (no token needed: balancers check it). One
 * {@link PowService} (engines kept open, answers verified) serves every job, at most
 * {@code queueLimit} admitted at once (503 beyond that); {@link Limits} add a bearer token (401),
 * a per-client cap (429) and a largest job (422). With an OpenCL batch engine in use
 * ({@link PowScheduler#batching()}) waiting jobs are gathered by a {@link BatchPowSolver} and
 * solved together in batched launches; otherwise jobs run one at a time in arrival order (a
 * fair lock). Requests are handled on virtual threads.
 */
public final class PowServer implements AutoCloseable {
    /** Largest request body accepted (a job is ~200 bytes). */
    public static final int MAX_BODY = 16 * 1024;
    /** How much of an oversized body is read and dropped before answering 413. */
    private static final long DRAIN_LIMIT = 1 << 20;

    /**
     * What a server accepts.
     *
     * @param perClient         jobs one client address may have admitted at once (0 = no limit); more get 429
     * @param maxExpectedTrials largest job (expected trials) accepted (0 = no limit); larger get 422
     * @param token             bearer token required for POST /pow (null = none; required off loopback)
     */
    public record Limits(int perClient, double maxExpectedTrials, String token) {
        public static final Limits NONE = new Limits(0, 0, null);
    }

    static {
        dev.bmtool.node.api.ApiServer.limitRequestTime(); // before the JDK reads it, whichever server is first
    }

    private final HttpServer http;
    private final Limits limits;
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> perClient =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final PowService scheduler;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore admission;
    private final int queueLimit;
    private final ReentrantLock fifo = new ReentrantLock(true);
    private final AtomicLong solved = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final List<String> engines;
    /** Gathers jobs into batches; null when no batch engine is in use or batching is off. */
    private final BatchPowSolver batcher;

    private PowServer(HttpServer http, PowService scheduler, int queueLimit, int maxBatch, Duration window,
            Limits limits) {
        this.http = http;
        this.limits = limits;
        this.scheduler = scheduler;
        this.queueLimit = queueLimit;
        this.admission = new Semaphore(queueLimit);
        this.engines = scheduler.engineNames(Double.POSITIVE_INFINITY);
        this.batcher = maxBatch > 1 && scheduler.batching() ? new BatchPowSolver(scheduler, maxBatch, window) : null;
        http.createContext("/", this::handle);
        http.setExecutor(executor);
    }

    /**
     * Starts a server; it owns {@code scheduler} and closes it on {@link #close()}.
     *
     * @param queueLimit jobs admitted at once (running + waiting); more get 503
     */
    public static PowServer start(InetSocketAddress address, PowBackend scheduler, int queueLimit) throws IOException {
        return start(address, scheduler, queueLimit, BatchPowSolver.DEFAULT_MAX_BATCH, BatchPowSolver.DEFAULT_WINDOW);
    }

    /**
     * Starts a server that solves up to {@code maxBatch} waiting jobs together when the
     * scheduler has a batch engine (OpenCL); {@code window} is how long a job that finds the
     * queue empty waits for company.
     */
    public static PowServer start(InetSocketAddress address, PowBackend scheduler, int queueLimit, int maxBatch,
            Duration window) throws IOException {
        return start(address, scheduler, queueLimit, maxBatch, window, Limits.NONE);
    }

    /** {@link #start(InetSocketAddress, PowBackend, int, int, Duration)} with per-client, size and token limits. */
    public static PowServer start(InetSocketAddress address, PowBackend scheduler, int queueLimit, int maxBatch,
            Duration window, Limits limits) throws IOException {
        if (limits.token() == null && !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("a PoW server reachable from other machines needs a token");
        }
        if (queueLimit < 1) {
            throw new IllegalArgumentException("queue limit must be at least 1");
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        HttpServer http = HttpServer.create(address, 128);
        PowServer s;
        try {
            s = new PowServer(http, scheduler instanceof PowService ps ? ps : PowService.of(scheduler), queueLimit,
                    maxBatch, window, limits);
        } catch (RuntimeException e) {
            http.stop(0);
            throw e;
        }
        http.start();
        return s;
    }

    /** Most jobs solved together (1 when jobs run one at a time). */
    public int batchLimit() {
        return batcher == null ? 1 : batcher.maxBatch();
    }

    /** The bound address (the real port when started on port 0). */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            route(ex);
        }
    }

    private void route(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (path) {
                case "/pow" -> {
                    if (!method.equals("POST")) {
                        ex.getResponseHeaders().add("Allow", "POST");
                        send(ex, 405, error("use POST for /pow"));
                        return;
                    }
                    pow(ex);
                }
                case "/health" -> {
                    if (!method.equals("GET") && !method.equals("HEAD")) {
                        ex.getResponseHeaders().add("Allow", "GET, HEAD");
                        send(ex, 405, error("use GET for /health"));
                        return;
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("status", "ok");
                    m.put("engines", engines);
                    m.put("warm", scheduler.warm());
                    m.put("queueLimit", (long) queueLimit);
                    m.put("batchLimit", (long) batchLimit());
                    m.put("inQueue", (long) (queueLimit - admission.availablePermits()));
                    m.put("solved", solved.get());
                    m.put("rejected", rejected.get());
                    send(ex, 200, m);
                }
                default -> send(ex, 404, error("no such endpoint: " + path + " (POST /pow, GET /health)"));
            }
        } catch (RuntimeException e) {
            try {
                send(ex, 500, error(e.getMessage() == null ? e.toString() : e.getMessage()));
            } catch (IOException | RuntimeException ignored) {
                // the response was already under way; the exchange is closed anyway
            }
        }
    }

    private boolean authorised(HttpExchange ex) {
        if (limits.token() == null) {
            return true;
        }
        String h = ex.getRequestHeaders().getFirst("Authorization");
        byte[] want = ("Bearer " + limits.token()).getBytes(StandardCharsets.UTF_8);
        return h != null && java.security.MessageDigest.isEqual(h.strip().getBytes(StandardCharsets.UTF_8), want);
    }

    private void pow(HttpExchange ex) throws IOException {
        if (!authorised(ex)) {
            ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            send(ex, 401, error("missing or wrong bearer token (Authorization: Bearer TOKEN)"));
            return;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                // read (a bounded amount of) the rest so the client sees the answer, not a reset
                in.skip(DRAIN_LIMIT);
                send(ex, 413, error("request body larger than " + MAX_BODY + " bytes"));
                return;
            }
        }
        PowJob job;
        try {
            job = parseJob(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | Json.JsonException e) {
            send(ex, 400, error(e.getMessage()));
            return;
        }
        double expected = PowMath.expectedTrials(job.target());
        if (limits.maxExpectedTrials() > 0 && expected > limits.maxExpectedTrials()) {
            send(ex, 422, error(String.format(java.util.Locale.ROOT,
                    "job too large: %.3g expected trials, this server takes at most %.3g", expected,
                    limits.maxExpectedTrials())));
            return;
        }
        String client = ex.getRemoteAddress().getAddress().getHostAddress();
        java.util.concurrent.atomic.AtomicInteger mine = perClient.computeIfAbsent(client,
                k -> new java.util.concurrent.atomic.AtomicInteger());
        if (limits.perClient() > 0 && mine.incrementAndGet() > limits.perClient()) {
            mine.decrementAndGet();
            rejected.incrementAndGet();
            ex.getResponseHeaders().add("Retry-After", "1");
            send(ex, 429, error("too many jobs from " + client + " at once (at most " + limits.perClient() + ")"));
            return;
        } else if (limits.perClient() <= 0) {
            mine.incrementAndGet();
        }
        try {
            admitted(ex, job);
        } finally {
            mine.decrementAndGet();
        }
    }

    private void admitted(HttpExchange ex, PowJob job) throws IOException {
        if (!admission.tryAcquire()) {
            rejected.incrementAndGet();
            ex.getResponseHeaders().add("Retry-After", "1");
            send(ex, 503, error("job queue full (" + queueLimit + " jobs); retry later"));
            return;
        }
        PowScheduler.Outcome o;
        try {
            if (batcher != null) {
                try {
                    o = batcher.submit(job).join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : e;
                }
            } else {
                fifo.lock(); // fair: jobs start in arrival order
                try {
                    o = scheduler.solve(job, PowScheduler.Listener.NONE);
                } finally {
                    fifo.unlock();
                }
            }
        } finally {
            admission.release();
        }
        if (o.result().status() == dev.bmtool.core.pow.PowResult.Status.CANCELLED) {
            send(ex, 503, error("the server is shutting down"));
            return;
        }
        if (!o.found()) {
            send(ex, 422, error("no nonce meets the target"));
            return;
        }
        solved.incrementAndGet();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nonce", PowFormat.nonceHex(o.result().nonce()));
        m.put("trialValue", PowFormat.unsigned(o.result().trialValue()));
        m.put("trials", o.result().trials());
        m.put("expectedTrials", PowMath.expectedTrials(job.target()));
        m.put("seconds", o.seconds());
        m.put("engine", o.engine());
        if (o.batchSize() > 1) {
            m.put("batch", (long) o.batchSize());
        }
        send(ex, 200, m);
    }

    /** {"initialHash": 128 hex digits, "target": unsigned 64-bit number, or a decimal / 0x-hex string}. */
    static PowJob parseJob(String body) {
        Map<String, Object> m = Json.parseObject(body);
        Object ih = m.get("initialHash");
        if (!(ih instanceof String s)) {
            throw new IllegalArgumentException("\"initialHash\" (128 hex digits) is required");
        }
        Object t = m.get("target");
        long target = switch (t) {
            case Long l when l >= 0 -> l;
            case BigInteger b when b.signum() >= 0 && b.bitLength() <= 64 -> b.longValue();
            case String str -> PowFormat.parseUnsigned(str, "\"target\"");
            case null -> throw new IllegalArgumentException("\"target\" is required");
            default -> throw new IllegalArgumentException("\"target\" must be an integer from 0 to 2^64-1");
        };
        for (String k : m.keySet()) {
            if (!k.equals("initialHash") && !k.equals("target")) {
                throw new IllegalArgumentException("unknown field \"" + k + "\"");
            }
        }
        return new PowJob(PowFormat.initialHash(s), target);
    }

    private static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }

    private static void send(HttpExchange ex, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = (Json.write(body) + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    /** Stops accepting, waits briefly for running responses, closes the engines. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        if (batcher != null) {
            batcher.close();
        }
        scheduler.close();
    }
}
