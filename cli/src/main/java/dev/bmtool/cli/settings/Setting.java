package dev.bmtool.cli.settings;

import dev.bmtool.cli.UsageException;
import java.util.List;
import java.util.Locale;

/**
 * A keys.dat entry bmtool reads, with PyBitmessage's name, where it lives, its default and
 * when a change takes effect.
 *
 * @param key          the entry name (lower case, as ConfigParser writes it)
 * @param perAddress   true: in an address's section; false: in [bitmessagesettings]
 * @param kind         how the value is checked
 * @param defaultValue what an absent entry means
 * @param effect       what the setting does and when it applies
 */
record Setting(String key, boolean perAddress, Kind kind, String defaultValue, String effect) {
    enum Kind { BOOLEAN, NON_NEGATIVE, BLACK_OR_WHITE, STEALTH_LEVEL, PORT, TEXT, API_VARIANT }

    static final List<Setting> ALL = List.of(
            new Setting("extralowdifficulty", false, Kind.BOOLEAN, "false",
                    "test networks: nodes started here accept 1/100 of the network's PoW (as PyBitmessage -t);"
                            + " applies when a node starts"),
            new Setting("maxacceptablenoncetrialsperbyte", false, Kind.NON_NEGATIVE, "0",
                    "most nonceTrialsPerByte a recipient may demand before a message waits as toodifficult"
                            + " (0 = 20000000000, PyBitmessage's sanity limit); a running node re-reads it"),
            new Setting("maxacceptablepayloadlengthextrabytes", false, Kind.NON_NEGATIVE, "0",
                    "the same for payloadLengthExtraBytes"),
            new Setting("blackwhitelist", false, Kind.BLACK_OR_WHITE, "black",
                    "black: msgs from blacklisted senders are ignored; white: only whitelisted senders get through"
                            + " ('bmtool blacklist' / 'bmtool whitelist'); a running node re-reads it"),
            new Setting("ackstealthlevel", false, Kind.STEALTH_LEVEL, "0",
                    "how acks in our msgs look: 0 small msg-type object, 1 a getpubkey, 2 a full-size msg"
                            + " (ECIES of random bytes), so observers cannot tell acks from mail"),
            new Setting("dontsendack", true, Kind.BOOLEAN, "false",
                    "this address sends no acknowledgements and its pubkey says so (DOES_ACK bit clear);"
                            + " a running node re-reads it; senders holding its earlier pubkey still expect acks"
                            + " ('bmtool identity publish ADDR' sends the new one)"),
            new Setting("apienabled", false, Kind.BOOLEAN, "false",
                    "'bmtool node run' serves PyBitmessage's API (XML-RPC or JSON-RPC, docs/api.md); applies when"
                            + " a node starts"),
            new Setting("apiinterface", false, Kind.TEXT, "127.0.0.1", "where the PyBitmessage API listens"),
            new Setting("apiport", false, Kind.PORT, "8442",
                    "the PyBitmessage API's port (in use: a random free one, written back here, as PyBitmessage"
                            + " does)"),
            new Setting("apiusername", false, Kind.TEXT, "", "the API's HTTP basic-auth user name"),
            new Setting("apipassword", false, Kind.TEXT, "", "the API's HTTP basic-auth password"),
            new Setting("apivariant", false, Kind.API_VARIANT, "xml",
                    "xml: XML-RPC; json: JSON-RPC 2.0; legacy: XML-RPC with JSON-text results (PyBitmessage"
                            + " before 0.6.3)"),
            new Setting("apinotifypath", false, Kind.TEXT, "",
                    "a program the node runs with 'startingUp', then 'newMessage' / 'newBroadcast' on arrival"),
            new Setting("ttl", false, Kind.NON_NEGATIVE, "345600",
                    "TTL in seconds of broadcasts sent through the PyBitmessage API (its sendBroadcast ignores"
                            + " its TTL argument)"),
            new Setting("defaultnoncetrialsperbyte", false, Kind.NON_NEGATIVE, "1000",
                    "the difficulty new addresses made through the API demand (createRandomAddress and others)"),
            new Setting("defaultpayloadlengthextrabytes", false, Kind.NON_NEGATIVE, "1000",
                    "the same for payloadLengthExtraBytes"));

    static Setting named(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (Setting s : ALL) {
            if (s.key.equals(k)) {
                return s;
            }
        }
        throw new UsageException("unknown setting '" + key + "'; known: "
                + String.join(", ", ALL.stream().map(Setting::key).toList()));
    }

    /** The value as it is written to keys.dat, or a usage error. */
    String normalise(String value) {
        String v = value.strip();
        return switch (kind) {
            case BOOLEAN -> switch (v.toLowerCase(Locale.ROOT)) {
                case "1", "yes", "true", "on" -> "True";
                case "0", "no", "false", "off" -> "False";
                default -> throw new UsageException(key + " takes true or false, not '" + value + "'");
            };
            case BLACK_OR_WHITE -> switch (v.toLowerCase(Locale.ROOT)) {
                case "black", "white" -> v.toLowerCase(Locale.ROOT);
                default -> throw new UsageException(key + " takes black or white, not '" + value + "'");
            };
            case STEALTH_LEVEL -> switch (v) {
                case "0", "1", "2" -> v;
                default -> throw new UsageException(key + " takes 0, 1 or 2, not '" + value + "'");
            };
            case TEXT -> {
                if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                    throw new UsageException(key + " must be one line");
                }
                yield v;
            }
            case PORT -> {
                try {
                    int n = Integer.parseInt(v);
                    if (n < 0 || n > 65535) {
                        throw new NumberFormatException();
                    }
                    yield Integer.toString(n);
                } catch (NumberFormatException e) {
                    throw new UsageException(key + " takes a port 0..65535, not '" + value + "'");
                }
            }
            case API_VARIANT -> switch (v.toLowerCase(Locale.ROOT)) {
                case "xml", "json", "legacy" -> v.toLowerCase(Locale.ROOT);
                default -> throw new UsageException(key + " takes xml, json or legacy, not '" + value + "'");
            };
            case NON_NEGATIVE -> {
                try {
                    long n = Long.parseLong(v);
                    if (n < 0) {
                        throw new NumberFormatException();
                    }
                    yield Long.toString(n);
                } catch (NumberFormatException e) {
                    throw new UsageException(key + " takes a whole number >= 0, not '" + value + "'");
                }
            }
        };
    }
}
