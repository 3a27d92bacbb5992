package dev.bmtool.cli.mail;

import dev.bmtool.cli.Cli;
import dev.bmtool.cli.node.NodeCommand;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.node.NodeAlreadyRunningException;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import dev.bmtool.node.api.ApiClient;
import dev.bmtool.node.api.ApiServer;
import dev.bmtool.mail.MailAgent;
import dev.bmtool.mail.MailSettings;
import dev.bmtool.mail.MailStore;
import dev.bmtool.mail.Mailbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A messaging command's connection to the network: the node running for the data dir (through
 * its API) when there is one, else a node started in-process for the length of the command.
 */
final class MailSession implements AutoCloseable {
    /** What an in-process node does. */
    enum Mode {
        /** Only processes objects already stored (no connections). */
        OFFLINE,
        /** Connects to --peer or the known/bootstrap peers. */
        ONLINE
    }

    private final Mailbox mailbox;
    private final boolean remote;
    private final ApiClient api;

    private MailSession(Mailbox mailbox, boolean remote, ApiClient api) {
        this.mailbox = mailbox;
        this.remote = remote;
        this.api = api;
    }

    static MailSession open(CommandSpec spec, NetOptions net, Mode mode) throws IOException {
        Path dataDir = Cli.root(spec).dataDir();
        boolean verbose = Cli.root(spec).verbose();
        PrintWriter err = Cli.err(spec);
        MailAgent.Listener listener = net != null && !net.progress.on() ? e -> { } : progress(err, verbose);
        ApiClient api = running(dataDir);
        PowService solver = PowEngines.open(net, dataDir, false, p -> {
            if (verbose) {
                err.println("bmtool: " + p);
                err.flush();
            }
        }, line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        });
        if (api != null) {
            return remote(dataDir, api, solver, listener);
        }
        // unresolved: resolved when dialled, or by the proxy when keys.dat names one
        List<InetSocketAddress> peers = net == null ? List.of()
                : net.peers.stream().map(p -> NodeCommand.hostPort(p, "--peer")).toList();
        boolean online = mode == Mode.ONLINE;
        NodeConfig cfg = NodeConfig.builder(dataDir).listen(null).peers(online ? peers : List.of())
                .bootstrap(online && peers.isEmpty()).tls(false).apiPort(online ? 0 : -1).build();
        NodeLog log = (level, message) -> {
            // warnings always: e.g. a local PyBitmessage that will never announce its objects to us
            if (verbose || level.equals("WARN")) {
                synchronized (err) {
                    err.println(verbose ? "node: " + message : "bmtool: warning: " + message);
                    err.flush();
                }
            }
        };
        try {
            return new MailSession(Mailbox.embedded(cfg, log, solver, MailSettings.defaults(), listener), false, null);
        } catch (NodeAlreadyRunningException e) {
            // A node holds the data dir but its API did not answer: it may be starting (the lock
            // comes before the API), so wait for it a little, then say what is wrong.
            String whyNot = "";
            long deadline = System.nanoTime() + apiWait.toNanos();
            while (true) {
                try {
                    return remote(dataDir, answering(dataDir), solver, listener);
                } catch (IOException | RuntimeException notYet) {
                    // ApiClient's own words for a missing port file ("no node is running") would
                    // contradict the held lock
                    whyNot = Files.exists(dataDir.resolve("node").resolve(ApiServer.INFO_FILE)) ? notYet.getMessage()
                            : "it has not written node/" + ApiServer.INFO_FILE + " yet";
                }
                if (System.nanoTime() - deadline >= 0) {
                    break;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            solver.close();
            throw new IOException("a node is running for data directory " + dataDir + " (its lock is held) but its"
                    + " control API did not answer within " + seconds(apiWait) + " (" + whyNot + "); if it runs in"
                    + " another container or network namespace, run this command there", e);
        } catch (IOException | RuntimeException e) {
            solver.close();
            throw e;
        }
    }

    /** How long a command waits for the API of a node that holds the data dir's lock (tests shorten it). */
    static Duration apiWait = Duration.ofSeconds(10);

    /** The API of the node running for {@code dataDir}, or null when none answers. */
    static ApiClient running(Path dataDir) {
        try {
            return answering(dataDir);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The API of the node running for {@code dataDir}, once it has answered; else why not. */
    private static ApiClient answering(Path dataDir) throws IOException {
        ApiClient api = ApiClient.forDataDir(dataDir);
        api.status();
        return api;
    }

    private static MailSession remote(Path dataDir, ApiClient api, PowService solver, MailAgent.Listener listener)
            throws IOException {
        return new MailSession(Mailbox.remote(dataDir, api, solver, MailSettings.defaults(), listener), true, api);
    }

    /** Progress lines on stderr: "  step: detail (engine, 1.2 s)". */
    static MailAgent.Listener progress(PrintWriter err, boolean verbose) {
        return e -> {
            if (e.step().equals("skipped") && !verbose) {
                return;
            }
            synchronized (err) {
                err.println("  " + e.step() + ": " + e.detail()
                        + (e.engine() == null ? "" : " (PoW " + e.engine() + ", " + seconds(e.pow()) + ")"));
                err.flush();
            }
        };
    }

    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    MailAgent agent() {
        return mailbox.agent();
    }

    MailStore store() {
        return mailbox.store();
    }

    /** True when a separate node process does the receiving. */
    boolean remote() {
        return remote;
    }

    /** Catches up with the objects the in-process node has stored (no-op for a remote node). */
    void catchUp() {
        if (!remote) {
            while (mailbox.agent().poll(0) > 0) {
                // until everything stored so far is processed
            }
        }
    }

    /** Established connections of the in-process node (0 for remote). */
    int established() {
        if (remote || mailbox.node() == null) {
            return 0;
        }
        return mailbox.node().status().established();
    }

    /** For a running node: whether it has a peer connected now (it announces what it stores to them). */
    boolean remoteConnected() {
        try {
            Object n = api.status().get("established");
            return n instanceof Number x && x.intValue() > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * In-process node: waits (at most 20 s) until the objects peers announced at connect time are
     * downloaded, then processes them, so acks for messages sent by earlier commands are found.
     */
    void awaitSync() throws InterruptedException {
        if (remote || mailbox.node() == null) {
            return;
        }
        long deadline = System.currentTimeMillis() + 20_000;
        Thread.sleep(500); // the peer's inv follows its verack
        while (System.currentTimeMillis() < deadline) {
            if (mailbox.node().status().wanted() == 0) {
                break;
            }
            Thread.sleep(200);
        }
        catchUp();
    }

    /** Objects submitted to the in-process node that no peer has fetched yet (0 for remote). */
    int notFetched() {
        return remote || mailbox.node() == null ? 0 : mailbox.node().localObjectsNotFetched();
    }

    @Override
    public void close() {
        mailbox.close();
    }
}
