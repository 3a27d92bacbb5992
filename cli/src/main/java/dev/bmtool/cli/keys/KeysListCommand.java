package dev.bmtool.cli.keys;

import dev.bmtool.cli.Cli;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool keys list}: stored identities, without private keys. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List stored identities (no private keys).")
public final class KeysListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        IdentityStore store = new IdentityStore(Cli.root(spec).dataDir());
        KeysDat.Identities ids = store.load().identities();
        if (json) {
            List<Object> list = new ArrayList<>();
            for (Identity id : ids.identities()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", id.address().encode());
                m.put("label", id.label());
                m.put("version", id.address().version());
                m.put("stream", id.address().stream());
                m.put("chan", id.chan());
                m.put("enabled", id.enabled());
                m.put("nonceTrialsPerByte", id.nonceTrialsPerByte());
                m.put("payloadLengthExtraBytes", id.payloadLengthExtraBytes());
                list.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("identities", list);
            m.put("problems", ids.problems());
            Cli.printJson(spec, m);
        } else {
            PrintWriter out = Cli.out(spec);
            if (ids.identities().isEmpty()) {
                out.println("no identities in " + store.file());
            }
            for (Identity id : ids.identities()) {
                out.println(id.address() + "  " + (id.chan() ? "[chan] " : "") + (id.enabled() ? "" : "[disabled] ")
                        + id.label());
            }
            out.flush();
            for (String p : ids.problems()) {
                Cli.err(spec).println("bmtool: unreadable entry " + p);
            }
            Cli.err(spec).flush();
        }
        return 0;
    }
}
