package dev.bmtool.cli.keys;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool keys export}: the store as PyBitmessage keys.dat text. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the identities as a PyBitmessage keys.dat (to stdout, or --out FILE with mode 0600).")
public final class KeysExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (atomically, mode 0600).")
    Path out;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        IdentityStore store = new IdentityStore(Cli.root(spec).dataDir());
        KeysDat k = store.load();
        int n = k.identities().identities().size();
        if (out != null) {
            IdentityStore.writeAtomically(out, k.write());
        }
        if (json.on()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("identities", n);
            if (out != null) {
                m.put("file", out.toString());
            } else {
                m.put("keysDat", k.write());
            }
            Cli.printJson(spec, m);
        } else if (out == null) {
            PrintWriter w = Cli.out(spec);
            w.print(k.write());
            w.flush();
        } else {
            Cli.out(spec).println(n + " identities written to " + out);
            Cli.out(spec).flush();
        }
        return 0;
    }
}
