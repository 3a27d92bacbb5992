package dev.bmtool.cli.node;

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
        for (var e : status.entrySet()) {
            out.printf("%-19s %s%n", e.getKey() + ":", e.getValue());
        }
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
                        p.get("lastSeen"), p.get("source"));
            }
        }
        out.flush();
        return 0;
    }
}
