package dev.bmtool.mail.pyapi;

import dev.bmtool.core.address.KeysDat;
import java.util.Locale;
import java.util.Map;

/**
 * The API settings of keys.dat's {@code [bitmessagesettings]}, under PyBitmessage's names and
 * defaults: {@code apienabled}, {@code apiinterface} (127.0.0.1), {@code apiport} (8442),
 * {@code apiusername}, {@code apipassword}, {@code apivariant} (xml, json or legacy) and
 * {@code apinotifypath}.
 */
public record PyApiConfig(boolean enabled, String host, int port, String username, String password, Variant variant,
        String notifyPath) {
    public static final int DEFAULT_PORT = 8442;
    public static final String DEFAULT_INTERFACE = "127.0.0.1";

    /** PyBitmessage's apivariant values. */
    public enum Variant {
        /** XML-RPC (PyBitmessage's default). */
        XML,
        /** JSON-RPC 2.0. */
        JSON,
        /** XML-RPC whose results are JSON text and whose faults are "API Error" strings (before 0.6.3). */
        LEGACY
    }

    /** Reads the settings section; a bad apiport or apivariant is an IllegalArgumentException naming it. */
    public static PyApiConfig of(Map<String, String> settings) {
        boolean enabled = KeysDat.isTrue(settings.get("apienabled"));
        String host = settings.getOrDefault("apiinterface", "").strip();
        int port = DEFAULT_PORT;
        String p = settings.getOrDefault("apiport", "").strip();
        if (!p.isEmpty()) {
            try {
                port = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("keys.dat apiport must be 0..65535, not " + p);
            }
        }
        String v = settings.getOrDefault("apivariant", "").strip().toLowerCase(Locale.ROOT);
        Variant variant = switch (v) {
            case "", "xml" -> Variant.XML;
            case "json" -> Variant.JSON;
            case "legacy" -> Variant.LEGACY;
            default -> throw new IllegalArgumentException("keys.dat apivariant must be xml, json or legacy, not " + v);
        };
        String notify = settings.getOrDefault("apinotifypath", "").strip();
        return new PyApiConfig(enabled, host.isEmpty() ? DEFAULT_INTERFACE : host, port,
                settings.getOrDefault("apiusername", ""), settings.getOrDefault("apipassword", ""), variant,
                notify.isEmpty() ? null : notify);
    }

    public PyApiConfig withPort(int newPort) {
        return new PyApiConfig(enabled, host, newPort, username, password, variant, notifyPath);
    }
}
