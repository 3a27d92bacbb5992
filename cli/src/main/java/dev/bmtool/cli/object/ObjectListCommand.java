package dev.bmtool.cli.object;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.node.api.ApiClient;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool object list}: the running node's objects, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the objects the running node holds, oldest first.")
public final class ObjectListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--type", paramLabel = "T",
            description = "Only this type: getpubkey, pubkey, msg, broadcast, onionpeer or a number.")
    String type;

    @Option(names = "--tag", paramLabel = "HEX", description = "Only objects with this 32-byte tag (v4 getpubkey/pubkey, v5 broadcast).")
    String tag;

    @Option(names = "--after", paramLabel = "SEQ", defaultValue = "0", description = "Only objects stored after this sequence number.")
    long after;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N objects (default: ${DEFAULT-VALUE}, max 10000).")
    int limit;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 10_000) {
            throw new UsageException("--limit must be 1..10000");
        }
        if (tag != null && !tag.matches("(?i)[0-9a-f]{64}")) {
            throw new UsageException("--tag must be 64 hex digits");
        }
        if (type != null) {
            try {
                dev.bmtool.node.store.StoredObject.parseType(type); // checked here: a typo is a usage error
            } catch (IllegalArgumentException e) {
                throw new UsageException("--type: " + e.getMessage());
            }
        }
        ApiClient api = ApiClient.forDataDir(Cli.root(spec).dataDir());
        Map<String, Object> r = api.list(type, tag, after, limit, false);
        if (json.on()) {
            Cli.printJson(spec, r);
            return 0;
        }
        List<Map<String, Object>> l = ApiClient.listOf(r.get("objects"));
        PrintWriter out = Cli.out(spec);
        for (Map<String, Object> o : l) {
            out.printf("%s %-9s v%-2s %7s bytes expires %s%s%n", o.get("hash"), o.get("typeName"), o.get("version"),
                    o.get("length"), o.get("expires"), o.get("tag") == null ? "" : " tag " + o.get("tag"));
        }
        if (l.isEmpty()) {
            Cli.err(spec).println("no objects");
            Cli.err(spec).flush();
        }
        out.flush();
        return 0;
    }
}
