package dev.bmtool.cli.mail;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.AddressNames;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.Address;
import dev.bmtool.mail.MailStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool contacts [ADDR [LABEL]]}: the address book (labels for addresses, usable as --to). */
@Command(name = "contacts", aliases = "addressbook", mixinStandardHelpOptions = true,
        description = {"Address book: name addresses, then send to a name; no arguments: list it.",
            "Names show in inbox, read and sent."})
public final class ContactsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ADDR|NAME",
            description = "Address to add; to rename or remove, the address or the contact's current name.")
    String address;

    @Parameters(index = "1", arity = "0..1", paramLabel = "LABEL", description = "Its name.")
    String label;

    @Option(names = "--remove", description = "Remove the address from the book.")
    boolean remove;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        try (MailStore store = MailStore.open(Cli.root(spec).dataDir())) {
            PrintWriter out = Cli.out(spec);
            if (address == null) {
                List<MailStore.Contact> all = store.contacts();
                if (json.on()) {
                    Cli.printJson(spec, all.stream().map(c -> Map.<String, Object>of("address", c.address().encode(),
                            "label", c.label())).toList());
                    return 0;
                }
                if (all.isEmpty()) {
                    out.println("address book is empty");
                }
                all.forEach(c -> out.printf("%-24s %s%n", c.label(), c.address()));
                out.flush();
                return 0;
            }
            Address a = remove || Address.isValid(address.strip())
                    ? dev.bmtool.cli.AddressNames.any(Cli.root(spec).dataDir(), address, "ADDR")
                    : renameTarget(store, address);
            boolean changed;
            if (remove) {
                if (label != null) {
                    throw new UsageException("--remove takes the address only");
                }
                changed = store.contactRemove(a);
            } else {
                if (label == null || label.isBlank()) {
                    throw new UsageException("give a name: bmtool contacts ADDR LABEL");
                }
                if (Address.isValid(label.strip())) {
                    throw new UsageException("the name must not be an address");
                }
                changed = store.contactPut(a, label.strip());
            }
            if (json.on()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", a.encode());
                m.put("label", remove ? null : label.strip());
                m.put("removed", remove);
                m.put("changed", changed);
                Cli.printJson(spec, m);
            } else {
                out.println(remove ? (changed ? "removed " + a : a + " was not in the address book")
                        : (changed ? "added " : "renamed ") + a + " as '" + label.strip() + "'");
                out.flush();
            }
            return 0;
        }
    }

    /** Renaming "contacts OLDNAME NEWNAME": the contact now called OLDNAME (contacts only, not identities). */
    private static Address renameTarget(MailStore store, String name) {
        List<MailStore.Contact> c = store.contacts().stream().filter(x -> x.label().equals(name.strip())).toList();
        if (c.size() == 1) {
            return c.getFirst().address();
        }
        if (c.isEmpty()) {
            if (name.strip().regionMatches(true, 0, "BM-", 0, 3)) {
                AddressNames.literal(name, "ADDR"); // an address with a typo: the address error says why
            }
            throw new UsageException("ADDR: no contact named '" + name.strip() + "' (see 'bmtool contacts')");
        }
        throw new UsageException("ADDR: " + c.size() + " contacts are named '" + name.strip() + "'; use the address");
    }

    /** "name <address>" when the address book knows it, else the address. */
    static String display(Map<String, String> names, String address) {
        String n = names.get(address);
        return n == null ? address : n + " <" + address + ">";
    }

    /** Address -> name, for output. */
    static Map<String, String> names(MailStore store) {
        Map<String, String> m = new LinkedHashMap<>();
        store.contacts().forEach(c -> m.put(c.address().encode(), c.label()));
        return m;
    }

    static Optional<String> name(Map<String, String> names, String address) {
        return Optional.ofNullable(names.get(address));
    }
}
