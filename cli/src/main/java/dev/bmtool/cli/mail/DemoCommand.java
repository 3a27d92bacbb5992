package dev.bmtool.cli.mail;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import dev.bmtool.mail.MailAgent;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.mail.MailSettings;
import dev.bmtool.mail.MailStore;
import dev.bmtool.mail.Mailbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bmtool demo}: two nodes on loopback with fresh data dirs exchange one message through
 * the whole getpubkey -> pubkey -> msg -> ack flow at the real network difficulty.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Send one message between two fresh nodes on loopback, step by step.",
            "Starts two nodes (fresh temporary data dirs), creates an identity on each and sends a message from "
            + "one to the other: getpubkey -> pubkey -> msg -> ack, every object with real proof of "
            + "work (network difficulty 1000/1000). Prints each step with its time and PoW engine."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "3600",
            description = "TTL of the demo's objects (default: ${DEFAULT-VALUE}; PoW grows with it).")
    long ttl;

    @Option(names = "--engine", paramLabel = "KIND", defaultValue = "auto",
            description = "Proof-of-work engine: auto, cpu, native, java, simd, scalar, messagedigest, opencl (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--keep", description = "Keep the two temporary data directories.")
    boolean keep;

    @Mixin
    JsonOption json;

    private final List<Map<String, Object>> steps = new ArrayList<>();
    private long start;
    private volatile boolean ackSeen;

    @Override
    public Integer call() throws Exception {
        if (ttl < MailSettings.MIN_TTL || ttl > MailSettings.MAX_TTL) {
            throw new UsageException("--ttl must be 300..2419200");
        }
        if (timeout < 1) {
            throw new UsageException("--timeout must be at least 1 second");
        }
        PrintWriter out = Cli.out(spec);
        start = System.nanoTime();
        Path dirA = Files.createTempDirectory("bmtool-demo-a");
        Path dirB = Files.createTempDirectory("bmtool-demo-b");
        MailSettings settings = MailSettings.shortLived(ttl);
        boolean verbose = Cli.root(spec).verbose();
        NodeLog log = (level, message) -> {
            if (verbose) {
                Cli.err(spec).println("node: " + message);
                Cli.err(spec).flush();
            }
        };
        Identity alice = AddressGenerator.random("alice", 4, 1, 1, new SecureRandom());
        Identity bob = AddressGenerator.random("bob", 4, 1, 1, new SecureRandom());
        new IdentityStore(dirA).add(alice);
        new IdentityStore(dirB).add(bob);
        step("A", "identity created", alice.address() + " (alice, data dir " + dirA + ")", null, null);
        step("B", "identity created", bob.address() + " (bob, data dir " + dirB + ")", null, null);
        PowService shared = PowEngines.open(engine, 0, List.of(), null, false, p -> {
            if (verbose) {
                Cli.err(spec).println("bmtool: " + p);
            }
        }, null);
        PowService solver = shared.view(); // one engine for both nodes; closed once below
        boolean ok;
        try (Mailbox a = Mailbox.embedded(config(dirA, List.of()), log, solver, settings, listener("A"));
                Mailbox b = Mailbox.embedded(config(dirB, List.of(new InetSocketAddress("127.0.0.1",
                        a.node().listenPort()))), log, solver, settings, listener("B"))) {
            step("A", "node started", "listening on 127.0.0.1:" + a.node().listenPort(), null, null);
            step("B", "node started", "connecting to 127.0.0.1:" + a.node().listenPort(), null, null);
            long deadline = System.currentTimeMillis() + timeout * 1000;
            while (b.node().status().established() != 1
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            step("B", "connected", "handshake with A done", null, null);
            long id = a.agent().send(alice.address(), bob.address(), "Hello from bmtool",
                    "This message went through getpubkey, pubkey, msg and ack with real proof of work.", ttl);
            // wait for the event (not just the status) so the step is printed before the summary
            while (System.currentTimeMillis() < deadline && !ackSeen) {
                Thread.sleep(20);
            }
            MailStore.SentEntry e = a.store().sentEntry(id).orElseThrow();
            ok = e.status().equals(MailStore.ACK_RECEIVED) && !b.store().inbox(0).isEmpty();
            double total = (System.nanoTime() - start) / 1e9;
            if (json.on()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ok", ok);
                m.put("status", e.status().dbName());
                m.put("seconds", Math.round(total * 1000) / 1000.0);
                m.put("difficulty", Map.of("nonceTrialsPerByte", PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE,
                        "payloadLengthExtraBytes", PowMath.DEFAULT_EXTRA_BYTES));
                m.put("ttl", ttl);
                m.put("from", alice.address().encode());
                m.put("to", bob.address().encode());
                m.put("steps", steps);
                Cli.printJson(spec, m);
            } else {
                out.printf(Locale.ROOT, "%s in %.1f s: message %s (status %s)%n", ok ? "done" : "FAILED", total,
                        ok ? "delivered and acknowledged" : "not acknowledged", e.status());
                out.flush();
            }
        } finally {
            shared.close();
            if (!keep) {
                delete(dirA);
                delete(dirB);
            }
        }
        return ok ? 0 : 1;
    }

    private static NodeConfig config(Path dir, List<InetSocketAddress> peers) {
        NodeConfig.Limits limits = NodeConfig.Limits.defaults().withTimeouts(Duration.ofSeconds(5),
                Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMillis(200));
        return NodeConfig.builder(dir).listen(new InetSocketAddress("127.0.0.1", 0)).peers(peers).bootstrap(false)
                .tls(false).apiPort(-1).limits(limits).build();
    }

    private MailAgent.Listener listener(String node) {
        return e -> {
            if (!e.step().equals("skipped")) {
                step(node, e.step(), e.detail(), e.engine(), e.pow());
            }
            if (node.equals("A") && e.step().equals("ack received")) {
                ackSeen = true;
            }
        };
    }

    private synchronized void step(String node, String what, String detail, String engineName, Duration pow) {
        double t = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", Math.round(t * 1000) / 1000.0);
        m.put("node", node);
        m.put("step", what);
        m.put("detail", detail);
        if (engineName != null) {
            m.put("engine", engineName);
            m.put("powSeconds", pow.toMillis() / 1000.0);
        }
        steps.add(m);
        if (!json.on()) {
            PrintWriter out = Cli.out(spec);
            out.printf(Locale.ROOT, "%6.2f s  [%s] %-18s %s%s%n", t, node, what, detail,
                    engineName == null ? "" : String.format(Locale.ROOT, "  [PoW %s %.2f s]", engineName,
                            pow.toMillis() / 1000.0));
            out.flush();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort for a temp dir
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
