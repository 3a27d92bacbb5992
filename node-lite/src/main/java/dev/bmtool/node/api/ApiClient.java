package dev.bmtool.node.api;

import dev.bmtool.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Talks to a running node's control API; found through the data directory. */
public final class ApiClient {
    private final HttpClient http;
    private final URI base;
    private final String token;

    public ApiClient(int port, String token) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.base = URI.create("http://127.0.0.1:" + port);
        this.token = token;
    }

    /** Thrown when the node is not running or the API answers with an error. */
    public static final class ApiException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public ApiException(int status, String message) {
            super(message);
            this.status = status;
        }

        /** HTTP status, or 0 when the node could not be reached. */
        public int status() {
            return status;
        }
    }

    /** A client for the node running with {@code dataDir} (reads {@code node/api.json} and the token). */
    public static ApiClient forDataDir(Path dataDir) throws IOException {
        Path dir = dataDir.resolve("node");
        String info;
        try {
            info = Files.readString(dir.resolve(ApiServer.INFO_FILE));
        } catch (NoSuchFileException e) {
            throw new ApiException(0, "no node is running with data directory " + dataDir
                    + " (start one with 'bmtool node run')");
        }
        Object port = Json.parseObject(info.trim()).get("port");
        if (!(port instanceof Long p)) {
            throw new ApiException(0, "bad " + dir.resolve(ApiServer.INFO_FILE));
        }
        String token = Files.readString(dir.resolve(ApiServer.TOKEN_FILE), StandardCharsets.US_ASCII).trim();
        return new ApiClient(p.intValue(), token);
    }

    public Map<String, Object> status() throws IOException {
        return get("/v1/status");
    }

    public Map<String, Object> peers() throws IOException {
        return get("/v1/peers");
    }

    /** Submits an object (hex); returns {hash, stored, new}; a rejected object throws with the reason. */
    public Map<String, Object> submit(String hex) throws IOException {
        HttpRequest req = request("/v1/objects").POST(HttpRequest.BodyPublishers.ofString(hex)).build();
        return send(req);
    }

    /** Lists objects; {@code type} and {@code tagHex} may be null. */
    public Map<String, Object> list(String type, String tagHex, long after, int limit, boolean raw) throws IOException {
        StringBuilder q = new StringBuilder("/v1/objects?after=" + after + "&limit=" + limit);
        if (type != null) {
            q.append("&type=").append(URLEncoder.encode(type, StandardCharsets.UTF_8));
        }
        if (tagHex != null) {
            q.append("&tag=").append(URLEncoder.encode(tagHex, StandardCharsets.UTF_8));
        }
        if (raw) {
            q.append("&raw=1");
        }
        return get(q.toString());
    }

    /** One object with its bytes ("hex"). */
    public Map<String, Object> get(byte[] hash) throws IOException {
        return get("/v1/objects/" + dev.bmtool.core.encoding.Hex.encode(hash));
    }

    /**
     * Follows the NDJSON stream of new objects from {@code afterSeq} (-1: only new ones) until
     * {@code consumer} returns false or the node stops.
     */
    public void stream(long afterSeq, Predicate<Map<String, Object>> consumer) throws IOException {
        String path = afterSeq < 0 ? "/v1/stream" : "/v1/stream?after=" + afterSeq;
        HttpRequest req = request(path).GET().build();
        HttpResponse<InputStream> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new ApiException(0, "node API at " + base + " is not reachable (is the node running?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
            if (resp.statusCode() != 200) {
                throw new ApiException(resp.statusCode(), "API error " + resp.statusCode());
            }
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (!consumer.test(Json.parseObject(line))) {
                    return;
                }
            }
        }
    }

    private Map<String, Object> get(String path) throws IOException {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private Map<String, Object> send(HttpRequest req) throws IOException {
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new ApiException(0, "node API at " + base + " is not reachable (is the node running?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Map<String, Object> body;
        try {
            body = Json.parseObject(resp.body());
        } catch (Json.JsonException e) {
            throw new ApiException(resp.statusCode(), "bad API answer (HTTP " + resp.statusCode() + ")");
        }
        if (resp.statusCode() != 200) {
            Object err = body.get("error");
            throw new ApiException(resp.statusCode(), err == null ? "API error " + resp.statusCode() : err.toString());
        }
        return body;
    }

    /** Convenience for lists in answers. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> listOf(Object v) {
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
