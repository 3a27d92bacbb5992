package dev.bmtool.core.address;

import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.encoding.ProtocolException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PyBitmessage's keys.dat: an INI file with a {@code [bitmessagesettings]} section and one
 * section per own address ({@code [BM-...]} with label, enabled, decoy, chan,
 * noncetrialsperbyte, payloadlengthextrabytes, privsigningkey, privencryptionkey). Unknown
 * sections and keys are kept verbatim so nothing is lost on rewrite. Mutable; not thread-safe.
 */
public final class KeysDat {
    public static final String SETTINGS_SECTION = "bitmessagesettings";
    private static final List<String> IDENTITY_KEYS = List.of("label", "enabled", "decoy", "chan",
            "noncetrialsperbyte", "payloadlengthextrabytes", "privsigningkey", "privencryptionkey");

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    public KeysDat() {
    }

    /**
     * Parses INI text the way Python's ConfigParser reads it: {@code [section]}, {@code key = value}
     * or {@code key: value} (keys lower-cased), {@code #}/{@code ;} comment lines, indented
     * continuation lines. Malformed lines throw {@link ProtocolException.BadValue}.
     */
    public static KeysDat parse(String text) {
        KeysDat k = new KeysDat();
        Map<String, String> current = null;
        String lastKey = null;
        int lineNo = 0;
        for (String raw : text.split("\r\n|\n|\r", -1)) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0)) && current != null && lastKey != null) {
                current.put(lastKey, current.get(lastKey) + "\n" + line);
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new ProtocolException.BadValue("keys.dat line " + lineNo + ": bad section header");
                }
                String name = line.substring(1, line.length() - 1).strip();
                current = k.sections.computeIfAbsent(name, n -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            if (current == null) {
                throw new ProtocolException.BadValue("keys.dat line " + lineNo + ": entry before any section");
            }
            int eq = line.indexOf('=');
            int colon = line.indexOf(':');
            int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
            if (sep <= 0) {
                throw new ProtocolException.BadValue("keys.dat line " + lineNo + ": expected key = value");
            }
            lastKey = line.substring(0, sep).strip().toLowerCase(Locale.ROOT);
            current.put(lastKey, line.substring(sep + 1).strip());
        }
        return k;
    }

    /** INI text in PyBitmessage's layout ({@code key = value}, blank line between sections). */
    public String write() {
        StringBuilder sb = new StringBuilder();
        for (var s : sections.entrySet()) {
            sb.append('[').append(s.getKey()).append("]\n");
            for (var e : s.getValue().entrySet()) {
                sb.append(e.getKey()).append(" = ").append(e.getValue().replace("\n", "\n\t")).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** All section names in file order. */
    public List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }

    /** A section's entries (unmodifiable), or an empty map. */
    public Map<String, String> section(String name) {
        Map<String, String> s = sections.get(name);
        return s == null ? Map.of() : Collections.unmodifiableMap(s);
    }

    public void set(String section, String key, String value) {
        sections.computeIfAbsent(section, n -> new LinkedHashMap<>()).put(key.toLowerCase(Locale.ROOT), value);
    }

    /** Removes one entry; true if it was there. */
    public boolean unset(String section, String key) {
        Map<String, String> s = sections.get(section);
        return s != null && s.remove(key.toLowerCase(Locale.ROOT)) != null;
    }

    public boolean contains(String address) {
        return sections.containsKey(address);
    }

    public void remove(String section) {
        sections.remove(section);
    }

    /** The result of reading identities: the good ones and one message per skipped section. */
    public record Identities(List<Identity> identities, List<String> problems) {
    }

    /** Every {@code [BM-...]} section that holds a valid identity; broken ones are reported. */
    public Identities identities() {
        List<Identity> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (var s : sections.entrySet()) {
            if (!s.getKey().startsWith(Address.PREFIX)) {
                continue;
            }
            try {
                out.add(toIdentity(s.getKey(), s.getValue()));
            } catch (ProtocolException | IllegalArgumentException e) {
                problems.add(s.getKey() + ": " + e.getMessage());
            }
        }
        return new Identities(out, problems);
    }

    private static Identity toIdentity(String name, Map<String, String> s) {
        Address a = Address.decode(name);
        String sig = s.get("privsigningkey");
        String enc = s.get("privencryptionkey");
        if (sig == null || enc == null) {
            throw new IllegalArgumentException("missing privsigningkey or privencryptionkey");
        }
        PrivateKey signing = Wif.decode(sig);
        PrivateKey encryption = Wif.decode(enc);
        Map<String, String> rest = new LinkedHashMap<>(s);
        IDENTITY_KEYS.forEach(rest::remove);
        return new Identity(s.getOrDefault("label", ""), a, signing, encryption,
                number(s, "noncetrialsperbyte", 1000), number(s, "payloadlengthextrabytes", 1000),
                bool(s, "chan", false), bool(s, "enabled", true), rest);
    }

    /** Adds or replaces the section of this identity, keeping unknown entries of an existing one. */
    public void put(Identity id) {
        String name = id.address().encode();
        Map<String, String> old = sections.getOrDefault(name, Map.of());
        Map<String, String> s = new LinkedHashMap<>();
        s.put("label", id.label().replace("\n", " "));
        s.put("enabled", Boolean.toString(id.enabled()));
        s.put("decoy", old.getOrDefault("decoy", "false"));
        if (id.chan()) {
            s.put("chan", "true");
        }
        s.put("noncetrialsperbyte", Long.toString(id.nonceTrialsPerByte()));
        s.put("payloadlengthextrabytes", Long.toString(id.payloadLengthExtraBytes()));
        s.put("privsigningkey", Wif.encode(id.signingKey()));
        s.put("privencryptionkey", Wif.encode(id.encryptionKey()));
        for (var e : old.entrySet()) {
            if (!IDENTITY_KEYS.contains(e.getKey())) {
                s.put(e.getKey(), e.getValue());
            }
        }
        for (var e : id.settings().entrySet()) {
            if (!IDENTITY_KEYS.contains(e.getKey())) {
                s.put(e.getKey(), e.getValue());
            }
        }
        sections.put(name, s);
    }

    /** A fresh file with the settings section PyBitmessage needs to accept it. */
    public static KeysDat withDefaults() {
        KeysDat k = new KeysDat();
        k.set(SETTINGS_SECTION, "settingsversion", "10");
        return k;
    }

    private static long number(Map<String, String> s, String key, long dflt) {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a number: " + v);
        }
    }

    /** ConfigParser.getboolean's accepted spellings. */
    private static boolean bool(Map<String, String> s, String key, boolean dflt) {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        if (isTrue(v)) {
            return true;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "0", "no", "false", "off" -> false;
            default -> throw new IllegalArgumentException(key + " is not a boolean: " + v);
        };
    }

    /**
     * PyBitmessage's safeGetBoolean for one value: true only for ConfigParser's true spellings
     * (1, yes, true, on, any case); missing or anything else is false.
     */
    public static boolean isTrue(String value) {
        return value != null && switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "true", "on" -> true;
            default -> false;
        };
    }
}
