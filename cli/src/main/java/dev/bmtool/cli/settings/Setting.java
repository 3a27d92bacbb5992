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
    enum Kind { BOOLEAN, NON_NEGATIVE, BLACK_OR_WHITE, STEALTH_LEVEL, PROXY_TYPE, PORT, TEXT, URL_LIST, API_VARIANT }

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
            new Setting("powservers", false, Kind.URL_LIST, "",
                    "bmtool only: 'bmtool pow serve' endpoints that do our proof of work, comma-separated"
                            + " http://[TOKEN@]HOST:PORT (answers are verified; local engines take over when they fail);"
                            + " --pow-server overrides it; read when a command or node starts"),
            new Setting("dontsendack", true, Kind.BOOLEAN, "false",
                    "this address sends no acknowledgements and its pubkey says so (DOES_ACK bit clear);"
                            + " a running node re-reads it; senders holding its earlier pubkey still expect acks"
                            + " ('bmtool identity publish ADDR' sends the new one)"),
            new Setting("socksproxytype", false, Kind.PROXY_TYPE, "none",
                    "none, SOCKS4a or SOCKS5: every peer connection through this proxy, names resolved by it,"
                            + " no listener unless sockslisten or an onion service (docs/privacy.md); at node start"),
            new Setting("sockshostname", false, Kind.TEXT, "localhost", "the SOCKS proxy's host"),
            new Setting("socksport", false, Kind.PORT, "9050", "the SOCKS proxy's port (Tor: 9050)"),
            new Setting("socksauthentication", false, Kind.BOOLEAN, "false",
                    "send socksusername / sockspassword to the proxy (SOCKS5 RFC 1929; SOCKS4a: user id only)"),
            new Setting("socksusername", false, Kind.TEXT, "", "SOCKS user name"),
            new Setting("sockspassword", false, Kind.TEXT, "", "SOCKS password (kept in keys.dat, mode 0600)"),
            new Setting("sockslisten", false, Kind.BOOLEAN, "false",
                    "with a proxy, still accept inbound connections on the --listen address"),
            new Setting("onionhostname", false, Kind.TEXT, "",
                    "our Tor onion service (NAME.onion): announced in addr (v2) and onionpeer objects (v2, v3);"
                            + " with a proxy the node listens on onionbindip for the Tor daemon"),
            new Setting("onionport", false, Kind.PORT, "8444", "the onion service's port, as peers dial it"),
            new Setting("onionbindip", false, Kind.TEXT, "127.0.0.1",
                    "where the Tor daemon hands us onion-service connections (HiddenServicePort target)"),
            new Setting("onionservicesonly", false, Kind.BOOLEAN, "false",
                    "with a proxy, dial onion peers only (no IPv4/IPv6 peers, no bootstrap names)"),
            new Setting("maildir", false, Kind.TEXT, "",
                    "bmtool's own: deliver received mail into this Maildir when 'node run' has no --maildir"
                            + " (docs/mail-programs.md)"),
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
            case PROXY_TYPE -> switch (v.toLowerCase(Locale.ROOT)) {
                case "none" -> "none";
                case "socks4a" -> "SOCKS4a";
                case "socks5" -> "SOCKS5";
                default -> throw new UsageException(key + " takes none, SOCKS4a or SOCKS5, not '" + value + "'");
            };
            case PORT -> {
                try {
                    int n = Integer.parseInt(v);
                    if (n < 1 || n > 65535) {
                        throw new NumberFormatException();
                    }
                    yield Integer.toString(n);
                } catch (NumberFormatException e) {
                    throw new UsageException(key + " takes a port 1..65535, not '" + value + "'");
                }
            }
            case TEXT -> {
                if (v.contains("\n") || v.contains("\r")) {
                    throw new UsageException(key + " must be one line");
                }
                yield v;
            }
            case URL_LIST -> {
                try {
                    dev.bmtool.core.pow.service.RemotePowServer.parseList(v); // checks every URL
                } catch (IllegalArgumentException e) {
                    throw new UsageException(key + ": " + e.getMessage());
                }
                yield String.join(", ", java.util.Arrays.stream(v.split("[,\\s]+")).filter(x -> !x.isEmpty())
                        .toList());
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
