package dev.bmtool.mail.pyapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.json.Json;
import dev.bmtool.node.NodeLog;
import dev.bmtool.mail.MailStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PyBitmessage's API over HTTP: POST to {@code /} or {@code /RPC2} with basic auth
 * ({@code apiusername} / {@code apipassword}); a missing or wrong Authorization header gets
 * HTTP 401 after a 2-second pause, as PyBitmessage answers it. The body is XML-RPC
 * ({@code apivariant} xml or legacy) or JSON-RPC 2.0 (json), at most {@link XmlRpc#MAX_BODY}
 * bytes. Faults carry PyBitmessage's codes; a request that cannot be parsed gets fault 1
 * (XML-RPC) or -32700 (JSON-RPC), never a stack trace.
 */
public final class PyApiServer implements AutoCloseable {
    static final String NONE_FAULT = "<type 'exceptions.TypeError'>:cannot marshal None unless allow_none is enabled";

    private final PyApiConfig config;
    private final PyApiMethods methods;
    static {
        dev.bmtool.node.api.ApiServer.limitRequestTime(); // before the JDK reads it, whichever server is first
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final NodeLog log;
    private final long authFailureDelayMillis;
    private final Thread notifier;
    private volatile boolean closed;

    private PyApiServer(PyApiConfig config, PyApiMethods methods, HttpServer server, ExecutorService executor,
            NodeLog log, long authFailureDelayMillis, Thread notifier) {
        this.config = config;
        this.methods = methods;
        this.server = server;
        this.executor = executor;
        this.log = log;
        this.authFailureDelayMillis = authFailureDelayMillis;
        this.notifier = notifier;
    }

    /**
     * Starts the API on {@code config.host():config.port()}. As PyBitmessage does, a port in use
     * makes it try random ports in 32767..65535 (up to 50 tries); the port it got is returned by
     * {@link #port()} and reported through {@code portMoved}.
     */
    public static PyApiServer start(PyApiConfig config, PyApiMethods.Context ctx, NodeLog log,
            java.util.function.IntConsumer portMoved) throws IOException {
        return start(config, ctx, log, portMoved, 2000);
    }

    static PyApiServer start(PyApiConfig config, PyApiMethods.Context ctx, NodeLog log,
            java.util.function.IntConsumer portMoved, long authFailureDelayMillis) throws IOException {
        int port = config.port();
        HttpServer server = null;
        IOException last = null;
        for (int attempt = 0; attempt < 50 && server == null; attempt++) {
            try {
                server = HttpServer.create(new InetSocketAddress(config.host(), port), 64);
            } catch (BindException e) {
                last = e;
                log.warn("PyBitmessage API: port " + port + " is in use");
                port = ThreadLocalRandom.current().nextInt(32767, 65536);
            }
        }
        if (server == null) {
            throw new IOException("cannot start the PyBitmessage API on " + config.host() + ": " + last.getMessage(),
                    last);
        }
        ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(ex);
        PyApiMethods.Context deferred = new PyApiMethods.Context(ctx.identities(), ctx.store(), ctx.node(), ctx.pow(),
                ctx.clock(), config.variant(), ctx.testMode(), () -> {
                    // PyBitmessage shuts down after sending the answer: do it a moment later
                    Thread.ofPlatform().daemon().start(() -> {
                        sleep(300);
                        if (ctx.shutdown() != null) {
                            ctx.shutdown().run();
                        }
                    });
                }, ctx.softwareVersion());
        PyApiMethods methods = new PyApiMethods(deferred);
        Thread notifier = config.notifyPath() == null ? null : startNotifier(config.notifyPath(), ctx.store(), log);
        PyApiServer api = new PyApiServer(config, methods, server, ex, log, authFailureDelayMillis, notifier);
        server.createContext("/", api::handle);
        server.start();
        if (port != config.port()) {
            log.warn("PyBitmessage API: using port " + api.port() + " instead");
            portMoved.accept(api.port());
        }
        return api;
    }

    /**
     * What {@code node run} calls: starts the API when keys.dat's {@code apienabled} is true
     * (null otherwise). A port PyBitmessage-style moved is written back as {@code apiport}.
     */
    public static PyApiServer startIfEnabled(dev.bmtool.mail.Mailbox mailbox, NodeLog log, Runnable shutdown,
            String softwareVersion, boolean testMode) throws IOException {
        dev.bmtool.core.address.IdentityStore ids = new dev.bmtool.core.address.IdentityStore(mailbox.dataDir());
        PyApiConfig config;
        try {
            config = PyApiConfig.of(ids.load().section(dev.bmtool.core.address.KeysDat.SETTINGS_SECTION));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (!config.enabled()) {
            return null;
        }
        PyApiMethods.Context ctx = new PyApiMethods.Context(ids, mailbox.store(), mailbox.link(), mailbox.pow(),
                () -> System.currentTimeMillis() / 1000, config.variant(), testMode, shutdown, softwareVersion);
        PyApiServer api = start(config, ctx, log, port -> ids.update(k -> {
            k.set(dev.bmtool.core.address.KeysDat.SETTINGS_SECTION, "apiport", Integer.toString(port));
            return null;
        }));
        log.info("PyBitmessage API (" + config.variant().name().toLowerCase(java.util.Locale.ROOT) + ") on "
                + config.host() + ":" + api.port());
        return api;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public PyApiConfig config() {
        return config;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------- HTTP

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (!path.equals("/") && !path.equals("/RPC2")) {
                plain(ex, 404, "No such page");
                return;
            }
            if (!ex.getRequestMethod().equals("POST")) {
                plain(ex, 501, "Unsupported method ('" + ex.getRequestMethod() + "')");
                return;
            }
            if (!authorised(ex.getRequestHeaders().getFirst("Authorization"))) {
                sleep(authFailureDelayMillis);
                ex.sendResponseHeaders(401, -1);
                return;
            }
            byte[] body = readBody(ex);
            if (body == null) {
                plain(ex, 413, "Request body over " + XmlRpc.MAX_BODY + " bytes");
                return;
            }
            String response;
            String type;
            if (config.variant() == PyApiConfig.Variant.JSON) {
                response = json(body);
                type = "application/json-rpc";
            } else {
                response = xml(body);
                type = "text/xml";
            }
            byte[] out = response.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(200, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or a bug: answer 500 where still possible, never a trace
            log.warn("PyBitmessage API: " + e);
            try {
                ex.sendResponseHeaders(500, -1);
            } catch (IOException | RuntimeException ignored) {
                // headers already sent
            }
        }
    }

    private static void plain(HttpExchange ex, int code, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    /** At most MAX_BODY bytes; null when there are more. */
    private static byte[] readBody(HttpExchange ex) throws IOException {
        String len = ex.getRequestHeaders().getFirst("Content-Length");
        if (len != null) {
            try {
                if (Long.parseLong(len.strip()) > XmlRpc.MAX_BODY) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(XmlRpc.MAX_BODY + 1);
            return b.length > XmlRpc.MAX_BODY ? null : b;
        }
    }

    /** Basic auth against apiusername / apipassword, compared in constant time. */
    boolean authorised(String header) {
        if (header == null) {
            return false;
        }
        String[] parts = header.strip().split("\\s+");
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Basic")) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(decoded, expected);
    }

    // ----------------------------------------------------------- XML-RPC

    String xml(byte[] body) {
        XmlRpc.Call call;
        try {
            call = XmlRpc.parseCall(body);
        } catch (ProtocolException e) {
            return XmlRpc.fault(1, "malformed XML-RPC request: " + e.getMessage());
        }
        boolean legacy = config.variant() == PyApiConfig.Variant.LEGACY;
        Object result;
        try {
            result = methods.call(call.method(), call.params(), false);
        } catch (ApiError e) {
            return legacy ? XmlRpc.response(e.toString()) : XmlRpc.fault(e.code(), e.text());
        }
        if (legacy && !call.method().startsWith("system.") && !(result instanceof String) && !(result instanceof Long)) {
            result = PyJson.dumps(result, 4); // the legacy variant's results are JSON text
        }
        if (result == null) {
            return XmlRpc.fault(1, NONE_FAULT); // PyBitmessage's "not found" (it returns None)
        }
        return XmlRpc.response(result);
    }

    // ---------------------------------------------------------- JSON-RPC

    String json(byte[] body) {
        Object request;
        try {
            request = Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return PyJson.dumps(error(null, -32700, "Parse error"));
        }
        if (request instanceof List<?> batch) {
            if (batch.isEmpty() || batch.size() > 100) {
                return PyJson.dumps(error(null, -32600, "Invalid Request"));
            }
            List<Object> out = new ArrayList<>();
            for (Object r : batch) {
                Map<String, Object> one = jsonOne(r);
                if (one != null) {
                    out.add(one);
                }
            }
            return out.isEmpty() ? "" : PyJson.dumps(out);
        }
        Map<String, Object> one = jsonOne(request);
        return one == null ? "" : PyJson.dumps(one);
    }

    private Map<String, Object> jsonOne(Object request) {
        if (!(request instanceof Map<?, ?> m) || !(m.get("method") instanceof String method)) {
            return error(null, -32600, "Invalid Request");
        }
        Object id = m.get("id");
        Object p = m.get("params");
        List<Object> params;
        try {
            params = switch (p) {
                case null -> List.of();
                case List<?> l -> castList(normalise(l));
                case Map<?, ?> named -> methods.positional(method, castMap(normalise(named)));
                default -> throw new ApiError(-32602, "Invalid params");
            };
        } catch (ApiError e) {
            return m.containsKey("id") ? error(id, e.code(), e.text()) : null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            Object result = methods.call(method, params, true);
            out.put("jsonrpc", "2.0");
            out.put("result", result);
            out.put("id", id);
        } catch (ApiError e) {
            out = error(id, e.code(), e.text());
        }
        return m.containsKey("id") ? out : null; // a notification gets no answer
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** JSON numbers as the XML side has them: integers as Long, others as Double. */
    @SuppressWarnings("unchecked")
    private static <T> T normalise(T v) {
        return switch (v) {
            case List<?> l -> {
                List<Object> out = new ArrayList<>();
                for (Object o : (List<?>) l) {
                    out.add(normalise(o));
                }
                yield (T) out;
            }
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, x) -> out.put(String.valueOf(k), normalise(x)));
                yield (T) out;
            }
            case Integer i -> (T) Long.valueOf(i);
            case java.math.BigInteger b -> (T) (Object) b.doubleValue();
            case java.math.BigDecimal d -> (T) (Object) d.doubleValue();
            case Float f -> (T) (Object) f.doubleValue();
            case null -> null;
            default -> v;
        };
    }

    private static Map<String, Object> error(Object id, int code, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("message", message);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("jsonrpc", "2.0");
        out.put("error", e);
        out.put("id", id);
        return out;
    }

    // ------------------------------------------------------ apinotifypath

    /** Runs {@code path newMessage} / {@code path newBroadcast} for each message arriving in the inbox. */
    private static Thread startNotifier(String path, MailStore store, NodeLog log) {
        if (!runNotify(path, "startingUp", log)) {
            log.warn("PyBitmessage API: cannot run apinotifypath " + path + "; notifications are off");
            return null;
        }
        long start = store.inbox(0).stream().mapToLong(MailStore.InboxEntry::id).max().orElse(0);
        return Thread.ofPlatform().daemon().name("bmtool-apinotify").start(() -> {
            long last = start;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1000);
                    for (MailStore.InboxEntry e : store.inbox(last)) {
                        last = Math.max(last, e.id());
                        runNotify(path, e.kind().equals("broadcast") ? "newBroadcast" : "newMessage", log);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("PyBitmessage API notifier: " + e.getMessage());
                }
            }
        });
    }

    private static boolean runNotify(String path, String event, NodeLog log) {
        try {
            Process p = new ProcessBuilder(path, event).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (notifier != null) {
            notifier.interrupt();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
