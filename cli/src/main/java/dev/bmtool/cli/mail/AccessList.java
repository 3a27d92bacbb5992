package dev.bmtool.cli.mail;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.core.address.Address;
import dev.bmtool.mail.MailStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code bmtool blacklist} and {@code bmtool whitelist} share: list, add, remove one address. */
final class AccessList {
    private AccessList() {
    }

    /** The options both commands take (a picocli mixin). */
    static final class Options {
        @Parameters(arity = "0..1", paramLabel = "ADDR|NAME",
                description = "Address (or a contact's name) to add or remove; none: list.")
        String address;

        @Option(names = "--label", defaultValue = "", paramLabel = "L", description = "Label.")
        String label;

        @Option(names = "--remove", description = "Take the address off the list.")
        boolean remove;

        @Mixin
        JsonOption json;
    }

    static int run(CommandSpec spec, String list, Options o) throws java.io.IOException {
        String address = o.address;
        String label = o.label;
        boolean remove = o.remove;
        boolean json = o.json.on();
        try (MailStore store = MailStore.open(Cli.root(spec).dataDir())) {
            PrintWriter out = Cli.out(spec);
            if (address == null) {
                var entries = store.listEntries(list);
                if (json) {
                    Cli.printJson(spec, entries.stream().map(e -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("address", e.address().encode());
                        m.put("label", e.label());
                        m.put("enabled", e.enabled());
                        return m;
                    }).toList());
                    return 0;
                }
                if (entries.isEmpty()) {
                    out.println(list + " is empty");
                }
                entries.forEach(e -> out.println(e.address() + (e.label().isEmpty() ? "" : " " + e.label())
                        + (e.enabled() ? "" : " (disabled)")));
                out.flush();
                return 0;
            }
            Address a = dev.bmtool.cli.AddressNames.any(Cli.root(spec).dataDir(), address, "ADDR");
            boolean changed = remove ? store.listRemove(list, a) : store.listAdd(list, a, label);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", a.encode());
                m.put("list", list);
                m.put("listed", !remove);
                m.put("changed", changed);
                Cli.printJson(spec, m);
            } else {
                out.println((remove ? (changed ? "removed from the " : "was not on the ")
                        : (changed ? "added to the " : "already on the ")) + list + ": " + a);
                out.flush();
            }
            return 0;
        }
    }
}
