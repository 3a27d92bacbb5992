package dev.bmtool.node.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.json.Json;
import dev.bmtool.node.Offer;
import dev.bmtool.node.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * HTTP+JSON control API on 127.0.0.1. Every request needs {@code Authorization: Bearer TOKEN}
 * with the token from {@code node/api-token} (mode 0600). While running, the node writes
 * {@code node/api.json} ({@code {"port":N,"pid":P}}) so the CLI finds it via the data dir.
 *
 * <p>Endpoints: {@code GET /v1/status}, {@code GET /v1/peers}, {@code POST /v1/objects} (body:
 * object hex, or JSON {@code {"hex":...}}), {@code GET /v1/objects?type=&tag=&after=&limit=&wait=},
 * {@code GET /v1/objects/HASH}, {@code GET /v1/stream?after=SEQ} (chunked NDJSON, one object
 * per line, until the client disconnects).
 */
public final class ApiServer implements AutoCloseable {
    public static final String TOKEN_FILE = "api-token";
    public static final String INFO_FILE = "api.json";
    /** Largest request body: a maximal object as hex plus JSON framing. */
    static final int MAX_BODY = 2 * (1 << 18) + 4096;
    static final int MAX_LIST = 10_000;
    /**
     * Seconds a client has to send a request, body included: the JDK's server otherwise waits
     * for ever for a body that was announced and never sent. The JDK reads this property once,
     * when its first server starts; a value set by the user (-D) is kept.
     */
    public static final long REQUEST_SECONDS = 10;

    static {
        limitRequestTime();
    }

    /**
     * Sets the JDK server's request time limit unless the user did. Every HTTP server in the
     * process (the PyBitmessage API, pow serve) calls this before its first server is created:
     * whichever starts first fixes the limit for all.
     */
    public static void limitRequestTime() {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(REQUEST_SECONDS));
        }
    }

    private final ApiBackend node;
    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] token;
    private final Path infoFile;

    private ApiServer(ApiBackend node, HttpServer server, ExecutorService executor, byte[] token, Path infoFile) {
        this.node = node;
        this.server = server;
        this.executor = executor;
        this.token = token;
        this.infoFile = infoFile;
    }

    public static ApiServer start(ApiBackend node, int port, Path nodeDir) throws IOException {
        String token = loadOrCreateToken(nodeDir.resolve(TOKEN_FILE));
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new IOException("cannot start the control API on 127.0.0.1:" + port + ": " + e.getMessage()
                    + " (choose another with --api-port)", e);
        }
        ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(ex);
        ApiServer api = new ApiServer(node, server, ex, token.getBytes(StandardCharsets.US_ASCII),
                nodeDir.resolve(INFO_FILE));
        server.createContext("/", api::handle);
        server.start();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("port", api.port());
        info.put("pid", ProcessHandle.current().pid());
        Path tmp = nodeDir.resolve(INFO_FILE + ".tmp");
        Files.writeString(tmp, Json.write(info) + "\n");
        Files.move(tmp, api.infoFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return api;
    }

    /** Reads the token, creating a random one (0600) on first use. */
    static String loadOrCreateToken(Path file) throws IOException {
        if (Files.exists(file)) {
            String t = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!t.isEmpty()) {
                return t;
            }
        }
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        String t = Hex.encode(b);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system
        }
        Files.writeString(tmp, t + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return t;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!authorised(ex)) {
                send(ex, 401, Map.of("error", "missing or wrong API token"));
                return;
            }
            String path = ex.getRequestURI().getPath();
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            String method = ex.getRequestMethod();
            try {
                if (path.equals("/v1/status") && method.equals("GET")) {
                    send(ex, 200, node.status().toJson());
                } else if (path.equals("/v1/peers") && method.equals("GET")) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("connections", node.connections());
                    m.put("known", node.peers().list(intParam(q, "limit", 1000, MAX_LIST)).stream()
                            .map(p -> p.toJson()).toList());
                    send(ex, 200, m);
                } else if (path.equals("/v1/objects") && method.equals("POST")) {
                    submit(ex);
                } else if (path.equals("/v1/objects") && method.equals("GET")) {
                    list(ex, q);
                } else if (path.startsWith("/v1/objects/") && method.equals("GET")) {
                    byte[] hash = hashParam(path.substring("/v1/objects/".length()));
                    var o = node.objects().get(hash);
                    if (o.isEmpty()) {
                        send(ex, 404, Map.of("error", "no object " + Hex.encode(hash)));
                    } else {
                        send(ex, 200, o.get().toJson(true));
                    }
                } else if (path.equals("/v1/stream") && method.equals("GET")) {
                    stream(ex, q);
                } else {
                    send(ex, 404, Map.of("error", "no endpoint " + method + " " + path));
                }
            } catch (IllegalArgumentException | ProtocolException e) {
                send(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                send(ex, 500, Map.of("error", String.valueOf(e.getMessage())));
            }
        }
    }

    private boolean authorised(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(h.substring(7).trim().getBytes(StandardCharsets.US_ASCII), token);
    }

    private void submit(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        // the JDK server has already refused a Content-Length that is not a number
        if (declared != null && Long.parseLong(declared.trim()) > MAX_BODY) {
            send(ex, 413, Map.of("error", "request too large (at most " + MAX_BODY + " bytes)"));
            return;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            send(ex, 413, Map.of("error", "request too large"));
            return;
        }
        String text = new String(body, StandardCharsets.US_ASCII).trim();
        if (text.startsWith("{")) {
            Object hex = Json.parseObject(text).get("hex");
            if (!(hex instanceof String s)) {
                throw new IllegalArgumentException("JSON body needs a \"hex\" string");
            }
            text = s;
        }
        Offer r = node.submit(Hex.decode(text));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hash", r.hashHex());
        m.put("stored", r.stored());
        m.put("new", r.isNew());
        if (r.rejection() != null) {
            m.put("error", "object rejected: " + r.rejection());
            send(ex, 422, m);
        } else {
            send(ex, 200, m);
        }
    }

    private void list(HttpExchange ex, Map<String, String> q) throws IOException, InterruptedException {
        Long type = q.containsKey("type") ? StoredObject.parseType(q.get("type")) : null;
        byte[] tag = q.containsKey("tag") ? hashParam(q.get("tag")) : null;
        long after = afterParam(q, 0);
        int limit = intParam(q, "limit", 1000, MAX_LIST);
        boolean withRaw = "1".equals(q.get("raw")) || "true".equals(q.get("raw"));
        int waitSeconds = intParam(q, "wait", 0, 300);
        List<StoredObject> l = node.objects().list(type, tag, after, limit, withRaw);
        if (l.isEmpty() && waitSeconds > 0 && type == null && tag == null) {
            l = node.awaitObjects(after, limit, waitSeconds * 1000L);
            if (!withRaw) {
                l = l.stream().map(o -> new StoredObject(o.seq(), o.hash(), o.type(), o.version(), o.stream(),
                        o.expires(), o.tag(), o.length(), o.received(), null)).toList();
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("objects", l.stream().map(o -> o.toJson(withRaw)).toList());
        m.put("lastSeq", l.isEmpty() ? after : l.getLast().seq());
        send(ex, 200, m);
    }

    private void stream(HttpExchange ex, Map<String, String> q) throws IOException, InterruptedException {
        long after = q.containsKey("after") ? afterParam(q, 0) : node.objects().lastSeq();
        ex.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        ex.sendResponseHeaders(200, 0); // chunked
        OutputStream out = ex.getResponseBody();
        long lastBeat = System.nanoTime();
        while (!node.isClosed()) {
            List<StoredObject> l = node.awaitObjects(after, 100, 10_000);
            for (StoredObject o : l) {
                out.write((Json.write(o.toJson(true)) + "\n").getBytes(StandardCharsets.UTF_8));
                after = o.seq();
            }
            if (l.isEmpty() && System.nanoTime() - lastBeat > 10_000_000_000L) {
                // a blank line now and then notices a client that went away
                out.write('\n');
                lastBeat = System.nanoTime();
            }
            out.flush();
        }
    }

    private static byte[] hashParam(String s) {
        byte[] h = Hex.decode(s);
        if (h.length != 32) {
            throw new IllegalArgumentException("a hash or tag is 32 bytes (64 hex digits), got " + h.length + " bytes");
        }
        return h;
    }

    private static long longParam(Map<String, String> q, String name, long dflt) {
        String v = q.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + name + ": " + v);
        }
    }

    /** A store sequence number: 0 or more. */
    private static long afterParam(Map<String, String> q, long dflt) {
        long v = longParam(q, "after", dflt);
        if (v < 0) {
            throw new IllegalArgumentException("after must be a sequence number, 0 or more (got " + v + ")");
        }
        return v;
    }

    private static int intParam(Map<String, String> q, String name, int dflt, int max) {
        long v = longParam(q, name, dflt);
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(name + " must be 0.." + max);
        }
        return (int) v;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    private static void send(HttpExchange ex, int code, Object body) throws IOException {
        byte[] b = (Json.write(body) + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(infoFile);
        } catch (IOException e) {
            // a stale api.json is detected by the client (connection refused)
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
