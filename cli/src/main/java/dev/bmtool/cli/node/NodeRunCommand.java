package dev.bmtool.cli.node;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.node.Node;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import dev.bmtool.node.net.ProxySettings;
import dev.bmtool.mail.pyapi.PyApiServer;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool node run}: the node in the foreground until SIGINT/SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a lightweight node in the foreground.",
            "Keeps valid objects in <data-dir>/node/objects.db, exchanges them with peers and serves the local "
            + "control API. Stop with Ctrl-C (SIGINT) or SIGTERM.",
            "With --json: the startup summary as one JSON object on stdout, the log as JSON lines on stderr."})
public final class NodeRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8444",
            description = "Inbound listener (default: ${DEFAULT-VALUE}; port 0 = any free port; 'none' = no listener).")
    String listen;

    @Option(names = "--peer", paramLabel = "HOST:PORT",
            description = "Peer to keep connected (repeatable; loopback allowed).")
    List<String> peers = new ArrayList<>();

    @Option(names = "--no-bootstrap", description = "Do not use the default nodes or the known-peer table.")
    boolean noBootstrap;

    @Option(names = "--no-tls", description = "Do not offer TLS (NODE_SSL); connections stay plain TCP.")
    boolean noTls;

    @Option(names = "--api-port", paramLabel = "N", defaultValue = "8446",
            description = "Control API port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int apiPort;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "200",
            description = "Most connections in all (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--extra-low-difficulty", description = {
        "Test networks only: accept objects with 1/100 of the network's minimum proof of work (10/10),",
        "as PyBitmessage does in test mode (-t) or with extralowdifficulty = true in its keys.dat (the",
        "same setting in this data dir's keys.dat switches this on too). Our own objects keep full PoW."})
    boolean extraLowDifficulty;

    @Option(names = "--proxy", paramLabel = "URI", description = {
        "Connect to peers only through this SOCKS proxy: socks5://[USER:PASS@]HOST:PORT or socks4a://HOST:PORT",
        "(Tor: socks5://127.0.0.1:9050). Overrides keys.dat's socksproxytype, sockshostname, socksport and",
        "socks authentication; names are resolved by the proxy, and nothing connects around it."})
    String proxyUri;

    @Option(names = "--maildir", paramLabel = "DIR", description = {
        "Deliver every received message and broadcast into this Maildir (created if missing) as an",
        "RFC 5322 file, for mail programs (mutt, neomutt, aerc, mu4e...). Default: keys.dat's maildir setting."})
    java.nio.file.Path maildir;

    @Option(names = "--log-file", paramLabel = "FILE", description = {
        "Append the log to FILE (ISO-8601 UTC times) instead of stderr. Without it, under systemd the log goes",
        "to the journal with syslog levels."})
    java.nio.file.Path logFile;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "debug, info (default; debug with --verbose) or warn.")
    String logLevel;

    @Mixin
    dev.bmtool.cli.mail.PowSource pow;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (apiPort < 0 || apiPort > 65535) {
            throw new UsageException("--api-port must be 0..65535");
        }
        if (maxConnections < 1) {
            throw new UsageException("--max-connections must be at least 1");
        }
        InetSocketAddress listenAddr = listen.equalsIgnoreCase("none") ? null : resolve(NodeCommand.hostPort(listen, "--listen"));
        List<InetSocketAddress> peerAddrs = new ArrayList<>();
        ProxySettings proxy = proxySettings();
        for (String p : peers) {
            InetSocketAddress a = NodeCommand.hostPort(p, "--peer"); // unresolved: resolved when dialled (or by the proxy)
            if (a.getPort() == 0) {
                throw new UsageException("--peer needs a port above 0: " + p);
            }
            peerAddrs.add(a);
        }
        int chosen = apiPort(apiPort, spec.commandLine().getParseResult().hasMatchedOption("--api-port"));
        if (chosen != apiPort) {
            Cli.err(spec).println("bmtool: API port " + apiPort + " is in use; using a free port instead");
            Cli.err(spec).flush();
            apiPort = chosen;
        }
        NodeConfig.Limits limits = NodeConfig.Limits.defaults().withMaxConnections(maxConnections);
        NodeConfig cfg = NodeConfig.builder(Cli.root(spec).dataDir()).listen(listenAddr)
                .peers(peerAddrs)
                .bootstrap(!noBootstrap).tls(!noTls).apiPort(apiPort).limits(limits)
                .extraLowDifficulty(extraLowDifficulty).proxy(proxy).build();
        PrintStream err = System.err;
        NodeLogs.Level level = logLevel != null ? NodeLogs.Level.of(logLevel)
                : Cli.root(spec).verbose() ? NodeLogs.Level.DEBUG : NodeLogs.Level.INFO;
        NodeLog log = logFile != null ? NodeLogs.file(logFile, level) : NodeLogs.stderr(err, level, json.on());
        Node node = start(cfg, log, apiPort != 0 && !spec.commandLine().getParseResult().hasMatchedOption("--api-port"));
        // messaging: receive for our identities, send acks, answer getpubkey, resend (cli/mail)
        java.nio.file.Path deliverTo = maildir != null ? maildir : maildirFromKeysDat();
        dev.bmtool.cli.mail.NodeMail.Attached mail;
        try {
            mail = dev.bmtool.cli.mail.NodeMail.attach(node, log, deliverTo, pow.engine(), pow.powServers());
        } catch (java.io.IOException | RuntimeException e) {
            node.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean down = new AtomicBoolean();
        PyApiServer[] pyApi = new PyApiServer[1];
        Runnable shutdown = () -> {
            if (!down.compareAndSet(false, true)) {
                return;
            }
            log.info("shutting down");
            if (pyApi[0] != null) {
                pyApi[0].close();
            }
            try {
                mail.close();
            } catch (Exception e) {
                log.warn("mail agent: " + e.getMessage());
            }
            node.close();
            stopped.countDown();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "bmtool-node-shutdown"));
        try {
            // PyBitmessage's API when keys.dat enables it (its shutdown method stops this node)
            pyApi[0] = PyApiServer.startIfEnabled(mail.mailbox(), log, shutdown,
                    softwareVersion(), cfg.extraLowDifficulty());
        } catch (java.io.IOException e) {
            shutdown.run();
            throw e;
        }
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("dataDir", cfg.dataDir().toAbsolutePath().toString());
        started.put("listenPort", node.listenPort());
        started.put("apiPort", node.apiPort());
        started.put("pyApiPort", pyApi[0] == null ? null : pyApi[0].port());
        started.put("tls", cfg.tls());
        started.put("bootstrap", cfg.bootstrap());
        started.put("peers", peers);
        started.put("maildir", deliverTo == null ? null : deliverTo.toAbsolutePath().toString());
        started.put("proxy", proxy.proxied() ? proxy.type().keysDatName + " " + proxy.host() + ":" + proxy.port() : "none");
        started.put("minimumDifficulty", node.status().minimumDifficulty().toJson());
        if (json.on()) {
            Cli.printJson(spec, started);
        } else {
            Cli.out(spec).println("node running: listen port " + node.listenPort() + ", API port " + node.apiPort()
                    + (pyApi[0] == null ? "" : ", PyBitmessage API port " + pyApi[0].port())
                    + ", data " + cfg.dataDir().toAbsolutePath() + " (Ctrl-C to stop)");
            Cli.out(spec).flush();
        }
        stopped.await();
        return 0;
    }

    private static String softwareVersion() {
        String v = NodeRunCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Starts the node; a default API port taken since the check above (two nodes starting at once) falls back to any. */
    private Node start(NodeConfig cfg, NodeLog log, boolean mayMovePort) throws java.io.IOException {
        try {
            return Node.start(cfg, log);
        } catch (java.io.IOException e) {
            if (!mayMovePort || !String.valueOf(e.getMessage()).startsWith("cannot start the control API")) {
                throw e;
            }
            Cli.err(spec).println("bmtool: API port " + cfg.apiPort() + " was just taken; using a free port instead");
            Cli.err(spec).flush();
            return Node.start(NodeConfig.builder(cfg.dataDir()).listen(cfg.listen()).peers(cfg.peers())
                    .bootstrap(cfg.bootstrap()).tls(cfg.tls()).apiPort(0).limits(cfg.limits())
                    .extraLowDifficulty(cfg.extraLowDifficulty()).proxy(cfg.proxy()).build(), log);
        }
    }

    /** {@code [bitmessagesettings] maildir} in the data dir's keys.dat (bmtool's own key; PyBitmessage ignores it). */
    private java.nio.file.Path maildirFromKeysDat() {
        String v = new dev.bmtool.core.address.IdentityStore(Cli.root(spec).dataDir()).load()
                .section(dev.bmtool.core.address.KeysDat.SETTINGS_SECTION).get("maildir");
        return v == null || v.isBlank() ? null : java.nio.file.Path.of(v.strip());
    }

    /** keys.dat's proxy and onion settings, with --proxy in place of the proxy part. */
    private ProxySettings proxySettings() throws java.io.IOException {
        ProxySettings p = Node.proxyFromKeysDat(Cli.root(spec).dataDir());
        if (proxyUri == null) {
            return p;
        }
        try {
            return p.withProxyUri(proxyUri);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The default API port if free, else 0 (any free port): a second node on this machine must
     * not fail over it, since the other commands find the node through its data directory. A
     * port given with --api-port is used as is (and fails clearly if taken).
     */
    static int apiPort(int port, boolean explicit) {
        return explicit || port == 0 || portFree(port) ? port : 0;
    }

    private static boolean portFree(int port) {
        try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Literal IPs stay as they are; host names are resolved once here. */
    private static InetSocketAddress resolve(InetSocketAddress unresolved) {
        InetSocketAddress a = new InetSocketAddress(unresolved.getHostString(), unresolved.getPort());
        if (a.isUnresolved()) {
            throw new UsageException("cannot resolve " + unresolved.getHostString());
        }
        return a;
    }
}
