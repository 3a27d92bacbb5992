package dev.bmtool.cli.pow;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.pow.PowScheduler;
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
        PrintWriter err = Cli.err(spec);
        if (!addr.getAddress().isLoopbackAddress()) {
            err.println("bmtool: warning: serving PoW on " + addr + ", reachable from other machines, with no authentication");
            err.flush();
        }
        PowScheduler.Options options = engine.toOptions();
        PowScheduler scheduler = PowScheduler.open(options, msg -> {
            err.println("bmtool: " + msg);
            err.flush();
        });
        PowServer started;
        try {
            started = PowServer.start(addr, scheduler, queue, batch, java.time.Duration.ofMillis(batchWindow));
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
