package dev.bmtool.core.pow.service;

import dev.bmtool.core.json.Json;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowResult;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A {@code bmtool pow serve} endpoint (or a balancer in front of several): {@code POST /pow}
 * with the job, the answer's nonce back. Its answers are not trusted: {@link PowService}
 * verifies them. An endpoint that failed (down, refused, answered wrongly) is set aside for
 * {@link #SET_ASIDE} before it is tried again.
 *
 * <p>URL form: {@code http://HOST:PORT} (or https), optionally with a bearer token as user
 * info, {@code http://TOKEN@HOST:PORT}; the token is sent as {@code Authorization: Bearer TOKEN}
 * and never shown in {@link #name()}.
 */
public final class RemotePowServer {
    /** How long a failed endpoint is skipped. */
    public static final Duration SET_ASIDE = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 50;

    /** The endpoint failed: unreachable, an HTTP error, or an answer that is not one. */
    public static final class RemoteException extends Exception {
        private static final long serialVersionUID = 1L;

        RemoteException(String message) {
            super(message);
        }
    }

    private final URI base;
    private final String token;
    private final String name;
    private final HttpClient http;
    private volatile long asideUntilNanos;
    private volatile boolean everAside;

    private RemotePowServer(URI base, String token) {
        this.base = base;
        this.token = token;
        this.name = base.getScheme() + "://" + base.getHost() + (base.getPort() >= 0 ? ":" + base.getPort() : "")
                + (base.getPath() == null ? "" : base.getPath());
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Parses {@code http[s]://[TOKEN@]HOST[:PORT][/PATH]}; {@link IllegalArgumentException} with a clear reason. */
    public static RemotePowServer parse(String url) {
        String s = url.strip();
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad PoW server URL '" + s + "': " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("PoW server URL must start with http:// or https://, got '" + s + "'");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("PoW server URL has no host: '" + s + "'");
        }
        if (u.getQuery() != null || u.getFragment() != null) {
            throw new IllegalArgumentException("PoW server URL takes no query or fragment: '" + s + "'");
        }
        String token = u.getRawUserInfo();
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
        try {
            URI base = new URI(scheme, null, u.getHost(), u.getPort(), path.isEmpty() ? null : path, null, null);
            return new RemotePowServer(base, token == null || token.isEmpty() ? null : token);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad PoW server URL '" + s + "': " + e.getReason());
        }
    }

    /** Parses a comma- or space-separated list (the keys.dat form); empty for a blank string. */
    public static List<RemotePowServer> parseList(String list) {
        List<RemotePowServer> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (String part : list.split("[,\\s]+")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        return out;
    }

    /** The URL without its token. */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }

    /** False while the endpoint is set aside after a failure. */
    public boolean available() {
        return !everAside || System.nanoTime() - asideUntilNanos >= 0;
    }

    /** Skips the endpoint for {@link #SET_ASIDE}. */
    void setAside() {
        asideUntilNanos = System.nanoTime() + SET_ASIDE.toNanos();
        everAside = true;
    }

    URI uri(String path) {
        return URI.create(base.toString() + path);
    }

    /** GET /health: the server's JSON status; throws when it is down or unhealthy. */
    public Map<String, Object> health() throws RemoteException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(10)).GET();
        HttpResponse<String> r = send(b.build(), () -> false);
        if (r.statusCode() != 200) {
            throw new RemoteException("health check answered HTTP " + r.statusCode());
        }
        try {
            return Json.parseObject(r.body());
        } catch (Json.JsonException e) {
            throw new RemoteException("health check answered no JSON: " + e.getMessage());
        }
    }

    /**
     * Sends {@code job}; returns the server's (unverified) find, or a cancelled result when
     * {@code cancelled} turned true first.
     */
    public PowResult solve(PowJob job, BooleanSupplier cancelled) throws RemoteException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("initialHash", HexFormat.of().formatHex(job.initialHash()));
        body.put("target", Long.toUnsignedString(job.target()));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/pow"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = send(b.build(), cancelled);
        if (r == null) {
            return PowResult.cancelled(0);
        }
        Map<String, Object> m;
        try {
            m = Json.parseObject(r.body());
        } catch (Json.JsonException e) {
            throw new RemoteException("HTTP " + r.statusCode() + " with a body that is not JSON");
        }
        if (r.statusCode() != 200) {
            Object err = m.get("error");
            throw new RemoteException("HTTP " + r.statusCode() + (err instanceof String e ? ": " + e : ""));
        }
        try {
            long nonce = Long.parseUnsignedLong(stripHex(String.valueOf(m.get("nonce"))), 16);
            long trialValue = unsigned(m.get("trialValue"));
            long trials = m.get("trials") instanceof Long t ? t : 0;
            return PowResult.found(nonce, trialValue, trials);
        } catch (RuntimeException e) {
            throw new RemoteException("answer without a usable nonce/trialValue: " + r.body().strip());
        }
    }

    private static String stripHex(String s) {
        return s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    }

    private static long unsigned(Object v) {
        return switch (v) {
            case Long l -> l;
            case BigInteger b when b.signum() >= 0 && b.bitLength() <= 64 -> b.longValue();
            case String s -> Long.parseUnsignedLong(s);
            default -> throw new IllegalArgumentException("not an unsigned 64-bit number: " + v);
        };
    }

    /** Sends and waits, polling {@code cancelled}; null when cancelled first. */
    private HttpResponse<String> send(HttpRequest request, BooleanSupplier cancelled) throws RemoteException {
        CompletableFuture<HttpResponse<String>> f = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        boolean interrupted = false;
        try {
            while (true) {
                if (cancelled.getAsBoolean()) {
                    f.cancel(true);
                    return null;
                }
                try {
                    return f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // poll again
                } catch (InterruptedException e) {
                    interrupted = true;
                    f.cancel(true);
                    return null;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    String why = c instanceof java.net.ConnectException ? "connection refused or unreachable"
                            : c instanceof java.net.http.HttpTimeoutException ? "timed out"
                            : c instanceof IOException io ? (io.getMessage() == null ? io.toString() : io.getMessage())
                            : String.valueOf(c);
                    throw new RemoteException(why);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
