package dev.bmtool.cli.object;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.node.api.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool object get}: one object from the running node by inventory hash. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Fetch one object from the running node by inventory hash; prints its hex.")
public final class ObjectGetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HASH", description = "Inventory hash (64 hex digits).")
    String hash;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the raw object bytes to FILE instead.")
    Path outFile;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        if (!hash.matches("(?i)[0-9a-f]{64}")) {
            throw new UsageException("HASH must be 64 hex digits");
        }
        ApiClient api = ApiClient.forDataDir(Cli.root(spec).dataDir());
        Map<String, Object> o = api.get(Hex.decode(hash));
        if (outFile != null) {
            Files.write(outFile, Hex.decode((String) o.get("hex")));
        }
        if (json.on()) {
            Cli.printJson(spec, o);
        } else if (outFile == null) {
            Cli.out(spec).println(o.get("hex"));
            Cli.out(spec).flush();
        }
        return 0;
    }
}
