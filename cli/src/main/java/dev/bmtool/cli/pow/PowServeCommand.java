package dev.bmtool.cli.pow;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.pow.PowScheduler;
import dev.bmtool.core.pow.service.PowService;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool pow serve}: the HTTP PoW service until interrupted. */
@Command(name = "serve",
        description = {"Serve proof of work over HTTP (loopback by default) until stopped (Ctrl-C).",
            "  POST /pow {\"initialHash\": HEX, \"target\": N} -> {\"nonce\": HEX, \"trialValue\": N, \"trials\": N,"
                + " \"seconds\": S, \"engine\": NAME}",
            "  GET /health -> status, engines, queue"},
        mixinStandardHelpOptions = true)
public final class PowServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8445",
            description = "Address to listen on (port 0 picks a free one). Default: ${DEFAULT-VALUE}.")
    String listen;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "64",
            description = "Most jobs admitted at once (running + waiting); more get HTTP 503. Default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64",
            description = "With an OpenCL GPU (--engine opencl, or auto with a GPU): solve up to N waiting jobs"
                    + " together in batched launches (1 = one at a time). Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--batch-window", paramLabel = "MS", defaultValue = "2",
            description = "How long a job that finds the queue empty waits for others to batch with."
                    + " Default: ${DEFAULT-VALUE} ms.")
    long batchWindow;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Require 'Authorization: Bearer TOKEN' on POST /pow, TOKEN being this file's first line"
                    + " (required when --listen is not a loopback address).")
    java.nio.file.Path tokenFile;

    @Option(names = "--token", paramLabel = "TOKEN", description = "The bearer token itself (visible in ps; prefer"
            + " --token-file or the BMTOOL_POW_TOKEN environment variable).")
    String token;

    @Option(names = "--per-client", paramLabel = "N", defaultValue = "16",
            description = "Most jobs one client address may have admitted at once; more get HTTP 429 (0 = no limit)."
                    + " Default: ${DEFAULT-VALUE}.")
    int perClient;

    @Option(names = "--max-trials", paramLabel = "N", defaultValue = "1e10",
            description = "Largest job accepted, in expected trials; larger get HTTP 422 (0 = no limit)."
                    + " Default: ${DEFAULT-VALUE}.")
    double maxTrials;

    @Mixin
    JsonOption json;

    /** Tests count it down to stop the server. */
    final CountDownLatch stop = new CountDownLatch(1);
    volatile PowServer server;

    static InetSocketAddress parseListen(String s) {
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            throw new UsageException("--listen must be HOST:PORT, got '" + s + "'");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("--listen: bad port in '" + s + "'");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--listen: port out of range: " + port);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host.isEmpty() ? "127.0.0.1" : host), port);
        } catch (UnknownHostException e) {
            throw new UsageException("--listen: unknown host '" + host + "'");
        }
    }

    /** The token from --token, --token-file or BMTOOL_POW_TOKEN, or null. */
    private String token() {
        String t = token;
        if (t == null && tokenFile != null) {
            try {
                t = java.nio.file.Files.readAllLines(tokenFile).stream().findFirst().orElse("");
            } catch (java.io.IOException e) {
                throw new UsageException("--token-file " + tokenFile + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        if (t == null) {
            t = System.getenv("BMTOOL_POW_TOKEN");
        }
        if (t == null) {
            return null;
        }
        t = t.strip();
        if (t.isEmpty() || !t.chars().allMatch(c -> c > 32 && c < 127 && c != '@' && c != ':' && c != '/')) {
            throw new UsageException("the PoW token must be printable ASCII without spaces, '@', ':' or '/'");
        }
        return t;
    }

    @Override
    public Integer call() throws Exception {
        InetSocketAddress addr = parseListen(listen);
        if (queue < 1) {
            throw new UsageException("--queue must be at least 1");
        }
        if (batch < 1) {
            throw new UsageException("--batch must be at least 1");
        }
        if (batchWindow < 0 || batchWindow > 60_000) {
            throw new UsageException("--batch-window must be 0 to 60000 ms");
        }
        if (perClient < 0 || !(maxTrials >= 0)) {
            throw new UsageException("--per-client and --max-trials must be 0 or more");
        }
        String bearer = token();
        if (bearer == null && !addr.getAddress().isLoopbackAddress()) {
            throw new UsageException("--listen " + listen + " is reachable from other machines: give --token-file FILE"
                    + " (or BMTOOL_POW_TOKEN) so that only your clients can use it");
        }
        PrintWriter err = Cli.err(spec);
        PowScheduler.Options options = engine.toOptions();
        // a server lives long: its SIMD engine is compiled in the background from the start
        PowService scheduler = PowService.open(options, java.util.List.of(), true, msg -> {
            err.println("bmtool: " + msg);
            err.flush();
        }, null);
        PowServer started;
        try {
            started = PowServer.start(addr, scheduler, queue, batch, java.time.Duration.ofMillis(batchWindow),
                    new PowServer.Limits(perClient, maxTrials, bearer));
        } catch (java.net.BindException e) {
            scheduler.close();
            throw new java.io.IOException("cannot listen on " + listen + ": " + e.getMessage()
                    + " (choose another with --listen)", e);
        }
        try (PowServer s = started) {
            server = s;
            InetSocketAddress bound = s.address();
            String url = "http://" + (bound.getAddress().getHostAddress().contains(":") ? "[" + bound.getAddress()
                    .getHostAddress() + "]" : bound.getAddress().getHostAddress()) + ":" + bound.getPort();
            if (json.on()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("url", url);
                m.put("port", (long) bound.getPort());
                m.put("engines", scheduler.engineNames(Double.POSITIVE_INFINITY));
                m.put("batchLimit", (long) s.batchLimit());
                Cli.printJson(spec, m);
            } else {
                PrintWriter out = Cli.out(spec);
                out.println("PoW service on " + url + " (POST /pow, GET /health); engines: "
                        + String.join(", ", scheduler.engineNames(Double.POSITIVE_INFINITY))
                        + (s.batchLimit() > 1 ? "; batches of up to " + s.batchLimit() + " jobs" : "") + "; Ctrl-C stops");
                out.flush();
            }
            Thread hook = new Thread(stop::countDown, "bmtool-pow-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stop.await();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // already shutting down
                }
            }
        }
        return 0;
    }
}
