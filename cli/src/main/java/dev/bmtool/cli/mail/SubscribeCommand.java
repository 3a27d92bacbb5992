package dev.bmtool.cli.mail;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.AddressNames;
import dev.bmtool.cli.Cli;
import dev.bmtool.core.address.Address;
import dev.bmtool.mail.MailStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool subscribe [ADDR]}: receive that address's broadcasts; without ADDR lists subscriptions. */
@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = "Subscribe to an address's broadcasts (they arrive in the inbox); no address: list subscriptions.")
public final class SubscribeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ADDR|NAME",
            description = "Address to subscribe to (or a contact's name, or one of your identities' labels).")
    String address;

    @Option(names = "--label", defaultValue = "", paramLabel = "L", description = "Label.")
    String label;

    @Option(names = "--remove", description = "Unsubscribe instead.")
    boolean remove;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        try (MailStore store = MailStore.open(Cli.root(spec).dataDir())) {
            PrintWriter out = Cli.out(spec);
            if (address == null) {
                var subs = store.subscriptions();
                if (json.on()) {
                    Cli.printJson(spec, subs.stream().map(s -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("address", s.address().encode());
                        m.put("label", s.label());
                        m.put("added", s.added());
                        return m;
                    }).toList());
                    return 0;
                }
                if (subs.isEmpty()) {
                    out.println("no subscriptions");
                }
                subs.forEach(s -> out.println(s.address() + (s.label().isEmpty() ? "" : " " + s.label())));
                out.flush();
                return 0;
            }
            Address a = AddressNames.any(Cli.root(spec).dataDir(), address, "ADDR");
            boolean changed = remove ? store.unsubscribe(a) : store.subscribe(a, label, System.currentTimeMillis() / 1000);
            if (json.on()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", a.encode());
                m.put("subscribed", !remove);
                m.put("changed", changed);
                Cli.printJson(spec, m);
            } else {
                out.println((remove ? (changed ? "unsubscribed from " : "was not subscribed to ")
                        : (changed ? "subscribed to " : "already subscribed to ")) + a);
                out.flush();
            }
            return 0;
        }
    }
}
