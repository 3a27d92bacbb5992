package dev.bmtool.cli;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.mail.MailStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a user types where an address goes: an address, the label of one of their own identities,
 * or a contact's name (from {@code bmtool contacts}). Every option and parameter that takes an
 * address goes through here, so they all accept the same things and fail with the same words.
 */
public final class AddressNames {
    private AddressNames() {
    }

    /**
     * An address, an own identity's label or a contact's name, as an address; {@code option}
     * names the option in errors ("--to", "ADDR").
     */
    public static Address any(Path dataDir, String text, String option) {
        return resolve(dataDir, text, option, false);
    }

    /** One of the user's own identities, given as its address or its label. */
    public static Identity own(Path dataDir, String text, String option) {
        Address a = resolve(dataDir, text, option, true);
        return new IdentityStore(dataDir).list().stream().filter(i -> i.address().equals(a)).findFirst()
                .orElseThrow(() -> new UsageException(option + ": " + a + " is not one of your identities"
                        + " (see 'bmtool identity list')"));
    }

    /** An address typed as such (no names), with the option named in the error. */
    public static Address literal(String text, String option) {
        try {
            return Address.decode(text.strip());
        } catch (ProtocolException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    private static Address resolve(Path dataDir, String text, String option, boolean ownOnly) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new UsageException(option + ": empty; give an address or a name");
        }
        if (Address.isValid(t)) {
            return Address.decode(t);
        }
        Map<Address, String> named = matches(dataDir, ownOnly, label -> label.equals(t));
        if (named.isEmpty()) {
            String lower = t.toLowerCase(Locale.ROOT);
            named = matches(dataDir, ownOnly, label -> label.toLowerCase(Locale.ROOT).equals(lower));
        }
        if (named.size() == 1) {
            return named.keySet().iterator().next();
        }
        if (named.size() > 1) {
            List<String> which = named.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList();
            throw new UsageException(option + ": '" + t + "' names " + named.size() + " addresses ("
                    + String.join(", ", which) + "); use the address");
        }
        if (t.regionMatches(true, 0, "BM-", 0, 3)) {
            return literal(t, option); // meant as an address: say what is wrong with it
        }
        throw new UsageException(option + ": no identity " + (ownOnly ? "" : "or contact ") + "named '" + t + "'"
                + (ownOnly ? " (see 'bmtool identity list')" : " (see 'bmtool identity list' and 'bmtool contacts')"));
    }

    /** Address -> "identity" or "contact" for every label the predicate accepts. */
    private static Map<Address, String> matches(Path dataDir, boolean ownOnly, Predicate<String> label) {
        Map<Address, String> m = new LinkedHashMap<>();
        for (Identity i : new IdentityStore(dataDir).list()) {
            if (!i.label().isEmpty() && label.test(i.label())) {
                m.putIfAbsent(i.address(), i.chan() ? "chan" : "identity");
            }
        }
        if (!ownOnly && Files.exists(dataDir.resolve(MailStore.FILE_NAME))) {
            try (MailStore store = MailStore.open(dataDir)) {
                for (MailStore.Contact c : store.contacts()) {
                    if (label.test(c.label())) {
                        m.putIfAbsent(c.address(), "contact");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return m;
    }
}
