package dev.bmtool.cli.node;

import dev.bmtool.cli.Human;
import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.node.api.ApiClient;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool node status}: asks the node running with this data dir. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the running node's status and connections (found via --data-dir).")
public final class NodeStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Option(names = "--known", description = "Also list known peers from the peer table.")
    boolean known;

    @Override
    public Integer call() throws Exception {
        ApiClient api = ApiClient.forDataDir(Cli.root(spec).dataDir());
        Map<String, Object> status = api.status();
        Map<String, Object> peers = api.peers();
        List<Map<String, Object>> conns = ApiClient.listOf(peers.get("connections"));
        if (json.on()) {
            Map<String, Object> m = new LinkedHashMap<>(status);
            m.put("peers", conns);
            if (known) {
                m.put("known", peers.get("known"));
            }
            Cli.printJson(spec, m);
            return 0;
        }
        PrintWriter out = Cli.out(spec);
        printStatus(out, status);
        out.println(conns.isEmpty() ? "no connections" : "connections:");
        for (Map<String, Object> c : conns) {
            out.printf("  %-28s %-8s %-11s %-5s %s%n", c.get("peer"), c.get("direction"), c.get("state"),
                    Boolean.TRUE.equals(c.get("tls")) ? "TLS" : "plain", c.get("userAgent"));
        }
        if (known) {
            List<Map<String, Object>> k = ApiClient.listOf(peers.get("known"));
            out.println("known peers (" + k.size() + "):");
            for (Map<String, Object> p : k) {
                out.printf("  %s:%s rating %s last seen %s (%s)%n", p.get("host"), p.get("port"), p.get("rating"),
                        p.get("lastSeen") instanceof Number t ? Human.dateTime(t.longValue()) : p.get("lastSeen"),
                        p.get("source"));
            }
        }
        out.flush();
        return 0;
    }

    /** The status as sentences: local times, durations, counts with their meaning; unknown fields as they are. */
    static void printStatus(PrintWriter out, Map<String, Object> status) {
        Map<String, Object> rest = new LinkedHashMap<>(status);
        java.util.function.Function<String, Object> take = rest::remove;
        Object running = take.apply("running");
        Object pid = take.apply("pid");
        Object started = take.apply("startedAt");
        Object uptime = take.apply("uptime");
        out.printf("%-13s %s, pid %s, up %s (since %s)%n", "node", Boolean.FALSE.equals(running) ? "stopping" : "running",
                pid, uptime instanceof Number u ? Human.duration(u.longValue()) : uptime,
                started instanceof Number t ? Human.fullDateTime(t.longValue()) : started);
        out.printf("%-13s %s%n", "data dir", take.apply("dataDir"));
        Object listen = take.apply("listenPort");
        Object tls = take.apply("tls");
        out.printf("%-13s %s%n", "P2P", listen instanceof Number p && p.intValue() > 0
                ? "listening on port " + p + (Boolean.TRUE.equals(tls) ? ", TLS offered" : ", plain TCP only")
                : "not listening (outbound connections only)");
        out.printf("%-13s 127.0.0.1:%s%n", "control API", take.apply("apiPort"));
        Object objects = take.apply("objects");
        take.apply("lastSeq");
        out.printf("%-13s %s stored; since start %s accepted, %s rejected%n", "objects", objects,
                take.apply("accepted"), take.apply("rejected"));
        out.printf("%-13s %s connected (%s past the handshake), %s known%n", "peers", take.apply("connections"),
                take.apply("established"), take.apply("knownPeers"));
        Object wanted = take.apply("wanted");
        if (wanted instanceof Number w && w.longValue() > 0) {
            out.printf("%-13s %s announced objects still to download%n", "syncing", w);
        }
        Object notFetched = take.apply("localNotFetched");
        if (notFetched instanceof Number n && n.longValue() > 0) {
            out.printf("%-13s %s of our new objects not taken by any peer yet%n", "outgoing", n);
        }
        if (take.apply("minimumDifficulty") instanceof Map<?, ?> d) {
            out.printf("%-13s %s trials per byte, %s extra bytes (network minimum PoW it accepts)%n", "difficulty",
                    d.get("nonceTrialsPerByte"), d.get("payloadLengthExtraBytes"));
        }
        for (var e : rest.entrySet()) {
            out.printf("%-13s %s%n", e.getKey(), Human.value(e.getValue()));
        }
    }
}
