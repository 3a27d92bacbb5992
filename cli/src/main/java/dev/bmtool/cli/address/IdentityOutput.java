package dev.bmtool.cli.address;

import dev.bmtool.cli.Cli;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.Wif;
import dev.bmtool.core.encoding.Hex;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** Shared printing (and optional saving) of freshly made identities. */
final class IdentityOutput {
    private IdentityOutput() {
    }

    static Map<String, Object> toMap(Identity id, boolean withKeys) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", id.address().encode());
        m.put("label", id.label());
        m.put("version", id.address().version());
        m.put("stream", id.address().stream());
        m.put("ripe", Hex.encode(id.address().ripe()));
        m.put("chan", id.chan());
        if (withKeys) {
            m.put("signingKeyWif", Wif.encode(id.signingKey()));
            m.put("encryptionKeyWif", Wif.encode(id.encryptionKey()));
        }
        return m;
    }

    /** The note after computed, unsaved keys: 'address' commands only compute; this is how to own them. */
    static void notStored(CommandSpec spec, int n) {
        Cli.err(spec).println("bmtool: not stored ('bmtool address' only computes). To make " + (n == 1 ? "it" : "one")
                + " yours: bmtool keys import --signing-wif KEY --encryption-wif KEY [--label L]");
        Cli.err(spec).flush();
    }

    /** Saves (if asked) then prints the identities as text or JSON; returns exit code 0. */
    static int emit(CommandSpec spec, List<Identity> ids, boolean save, boolean json) {
        String savedTo = null;
        if (save) {
            IdentityStore store = new IdentityStore(Cli.root(spec).dataDir());
            for (Identity id : ids) {
                store.add(id);
            }
            savedTo = store.file().toString();
        }
        if (json) {
            List<Object> list = new ArrayList<>();
            for (Identity id : ids) {
                list.add(toMap(id, true));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("identities", list);
            m.put("saved", savedTo);
            Cli.printJson(spec, m);
            return 0;
        }
        PrintWriter out = Cli.out(spec);
        for (Identity id : ids) {
            out.println(id.address().encode());
            if (!id.label().isEmpty()) {
                out.println("  label:          " + id.label());
            }
            out.println("  version/stream: " + id.address().version() + "/" + id.address().stream());
            out.println("  signing key:    " + Wif.encode(id.signingKey()));
            out.println("  encryption key: " + Wif.encode(id.encryptionKey()));
        }
        if (savedTo != null) {
            out.println("saved to " + savedTo);
        }
        out.flush();
        if (savedTo == null) {
            notStored(spec, ids.size());
        }
        return 0;
    }
}
