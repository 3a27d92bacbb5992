package dev.bmtool.cli.object;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.node.api.ApiClient;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool object submit}: hands an object to the running node, which stores and announces it. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submit an object (with its proof of work done) to the running node.",
            "The node validates, stores and announces it to every peer. Exit 1 if the node rejects it."})
public final class ObjectSubmitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ObjectInput input;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        BitmessageObject o = input.load(System.in);
        ApiClient api = ApiClient.forDataDir(Cli.root(spec).dataDir());
        Map<String, Object> r = api.submit(Hex.encode(o.write()));
        if (json.on()) {
            Cli.printJson(spec, r);
        } else {
            Cli.out(spec).println(r.get("hash") + (Boolean.TRUE.equals(r.get("new")) ? " stored and announced"
                    : " already held"));
            Cli.out(spec).flush();
        }
        return 0;
    }
}
