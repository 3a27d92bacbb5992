package dev.bmtool.node.net;

import dev.bmtool.core.address.KeysDat;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How the node reaches the network, under PyBitmessage's keys.dat names in
 * {@code [bitmessagesettings]} and with its defaults: {@code socksproxytype} ({@code none},
 * {@code SOCKS4a}, {@code SOCKS5}), {@code sockshostname} (localhost), {@code socksport} (9050),
 * {@code socksauthentication} with {@code socksusername} / {@code sockspassword},
 * {@code sockslisten} (false), and the onion service settings {@code onionhostname},
 * {@code onionport} (8444), {@code onionbindip} (127.0.0.1), {@code onionservicesonly} (false).
 *
 * <p>As in PyBitmessage: with a proxy, every outbound peer connection goes through it and host
 * names are resolved by the proxy; the node does not listen unless {@code sockslisten} is true
 * or an onion hostname is set (then it listens on {@code onionbindip} only, for the Tor daemon).
 *
 * @param type              none, SOCKS4a or SOCKS5
 * @param host              the proxy's host (resolved locally: it is the proxy, not a peer)
 * @param port              the proxy's port
 * @param username          SOCKS user name when authentication is on, else null
 * @param password          SOCKS password when authentication is on, else null
 * @param socksListen       listen for inbound connections on the normal address although proxied
 * @param onionHostname     our onion service's name ({@code ....onion}), or "" for none
 * @param onionPort         the onion service's virtual port, which peers dial
 * @param onionBindIp       where the Tor daemon hands onion-service connections to us
 * @param onionServicesOnly with a proxy, dial onion peers only
 */
public record ProxySettings(Type type, String host, int port, String username, String password,
        boolean socksListen, String onionHostname, int onionPort, String onionBindIp, boolean onionServicesOnly) {

    /** {@code socksproxytype} values, spelt as PyBitmessage writes them. */
    public enum Type {
        NONE("none"), SOCKS4A("SOCKS4a"), SOCKS5("SOCKS5");

        public final String keysDatName;

        Type(String keysDatName) {
            this.keysDatName = keysDatName;
        }

        /** Case-insensitive; anything else is refused rather than silently connecting directly. */
        public static Type of(String value) {
            String v = value == null ? "none" : value.strip();
            for (Type t : values()) {
                if (t.keysDatName.equalsIgnoreCase(v)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("socksproxytype must be none, SOCKS4a or SOCKS5, got '" + v + "'");
        }
    }

    public static final int DEFAULT_SOCKS_PORT = 9050;
    public static final int DEFAULT_ONION_PORT = 8444;

    /** No proxy, no onion service: PyBitmessage's defaults. */
    public static final ProxySettings NONE = new ProxySettings(Type.NONE, "localhost", DEFAULT_SOCKS_PORT, null, null,
            false, "", DEFAULT_ONION_PORT, "127.0.0.1", false);

    public ProxySettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        onionHostname = onionHostname == null ? "" : onionHostname.strip();
        onionBindIp = onionBindIp == null || onionBindIp.isBlank() ? "127.0.0.1" : onionBindIp.strip();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("socksport must be 1..65535, got " + port);
        }
        if (onionPort < 1 || onionPort > 65535) {
            throw new IllegalArgumentException("onionport must be 1..65535, got " + onionPort);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("SOCKS user name and password go together");
        }
        if (username != null && (username.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255
                || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255)) {
            throw new IllegalArgumentException("SOCKS user name and password are at most 255 bytes each");
        }
    }

    /**
     * Reads {@code [bitmessagesettings]} of a keys.dat; missing keys take PyBitmessage's defaults.
     *
     * @throws IllegalArgumentException for a value that cannot be honoured (an unknown proxy type,
     *         a bad port): the node must not fall back to direct connections then
     */
    public static ProxySettings of(Map<String, String> s) {
        Type type = Type.of(s.getOrDefault("socksproxytype", "none"));
        boolean auth = KeysDat.isTrue(s.get("socksauthentication"));
        String user = auth ? s.getOrDefault("socksusername", "") : null;
        String pass = auth ? s.getOrDefault("sockspassword", "") : null;
        return new ProxySettings(type, nonBlank(s.get("sockshostname"), "localhost"),
                port(s.get("socksport"), DEFAULT_SOCKS_PORT, "socksport"), user, pass,
                KeysDat.isTrue(s.get("sockslisten")), s.getOrDefault("onionhostname", ""),
                port(s.get("onionport"), DEFAULT_ONION_PORT, "onionport"), s.get("onionbindip"),
                KeysDat.isTrue(s.get("onionservicesonly")));
    }

    /**
     * {@code socks5://[USER:PASS@]HOST:PORT} or {@code socks4a://HOST:PORT} (the {@code --proxy}
     * shortcut); replaces the proxy part of these settings, keeps the onion part.
     */
    public ProxySettings withProxyUri(String uri) {
        URI u;
        try {
            u = new URI(uri.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("--proxy must look like socks5://HOST:PORT, got '" + uri + "'");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        Type t = switch (scheme) {
            case "socks5", "socks5h" -> Type.SOCKS5;
            case "socks4a" -> Type.SOCKS4A;
            default -> throw new IllegalArgumentException(
                    "--proxy must be socks5://HOST:PORT or socks4a://HOST:PORT, got '" + uri + "'");
        };
        if (u.getHost() == null || u.getPort() < 1) {
            throw new IllegalArgumentException("--proxy needs a host and a port: " + uri);
        }
        String user = null;
        String pass = null;
        if (u.getUserInfo() != null) {
            int colon = u.getUserInfo().indexOf(':');
            user = colon < 0 ? u.getUserInfo() : u.getUserInfo().substring(0, colon);
            pass = colon < 0 ? "" : u.getUserInfo().substring(colon + 1);
        }
        String h = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
        return new ProxySettings(t, h, u.getPort(), user, pass, socksListen, onionHostname, onionPort, onionBindIp,
                onionServicesOnly);
    }

    /** Whether peer connections go through a SOCKS proxy. */
    public boolean proxied() {
        return type != Type.NONE;
    }

    /** Whether we run an onion service (PyBitmessage: {@code ".onion" in onionhostname}). */
    public boolean hasOnion() {
        return onionHostname.toLowerCase(Locale.ROOT).endsWith(".onion");
    }

    /**
     * Where to listen, given the configured address (PyBitmessage's rule): unchanged without a
     * proxy or with {@code sockslisten}; with a proxy and an onion service, {@code onionbindip}
     * on the configured port; with a proxy and neither, not at all (null).
     */
    public InetSocketAddress listenAddress(InetSocketAddress configured) {
        if (configured == null || !proxied() || socksListen) {
            return configured;
        }
        return hasOnion() ? new InetSocketAddress(onionBindIp, configured.getPort()) : null;
    }

    /** For logs: never the password. */
    public String describe() {
        if (!proxied()) {
            return "direct connections";
        }
        return type.keysDatName + " proxy " + host + ":" + port + (username == null ? "" : " (user " + username + ")")
                + (hasOnion() ? ", onion service " + onionHostname + ":" + onionPort : "")
                + (onionServicesOnly ? ", onion peers only" : "");
    }

    @Override
    public String toString() {
        return "ProxySettings[" + describe() + "]";
    }

    private static String nonBlank(String v, String dflt) {
        return v == null || v.isBlank() ? dflt : v.strip();
    }

    private static int port(String v, int dflt, String name) {
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, got '" + v.strip() + "'");
        }
    }
}
