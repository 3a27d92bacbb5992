package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.Base32;
import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.Hex;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The 16-byte host field of a network address: IPv6, IPv4 mapped as {@code ::ffff:a.b.c.d},
 * or a Tor v2 onion as {@code FD87D87EEB43} + the 10 base32-decoded bytes of its name.
 */
public final class HostAddress {
    public static final int LENGTH = 16;

    /** How the 16 bytes are to be read. */
    public enum Kind { IPV4, IPV6, ONION }

    private static final byte[] IPV4_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};
    private static final byte[] ONION_PREFIX = {(byte) 0xFD, (byte) 0x87, (byte) 0xD8, 0x7E, (byte) 0xEB, 0x43};
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern ONION_V2 = Pattern.compile("[a-z2-7]{16}\\.onion");

    private final byte[] bytes;

    private HostAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps the 16 wire bytes (copied). */
    public static HostAddress of(byte[] sixteen) {
        if (sixteen.length != LENGTH) {
            throw new IllegalArgumentException("host field must be 16 bytes, got " + sixteen.length);
        }
        return new HostAddress(sixteen.clone());
    }

    public static HostAddress read(ByteReader r) {
        return new HostAddress(r.readBytes(LENGTH, "host address"));
    }

    public static HostAddress ofIpv4(byte[] four) {
        if (four.length != 4) {
            throw new IllegalArgumentException("IPv4 address must be 4 bytes");
        }
        byte[] b = Arrays.copyOf(IPV4_PREFIX, LENGTH);
        System.arraycopy(four, 0, b, 12, 4);
        return new HostAddress(b);
    }

    /** A Tor v2 onion from its 10 raw bytes. */
    public static HostAddress ofOnion(byte[] ten) {
        if (ten.length != 10) {
            throw new IllegalArgumentException("onion v2 address must be 10 bytes");
        }
        byte[] b = Arrays.copyOf(ONION_PREFIX, LENGTH);
        System.arraycopy(ten, 0, b, 6, 10);
        return new HostAddress(b);
    }

    public static HostAddress of(InetAddress address) {
        byte[] a = address.getAddress();
        return a.length == 4 ? ofIpv4(a) : of(a);
    }

    /**
     * Parses a literal host: dotted IPv4, IPv6 (optionally in brackets) or a 16-character v2
     * {@code .onion} name. Never does a DNS lookup.
     *
     * @throws IllegalArgumentException if {@code host} is none of these
     */
    public static HostAddress parse(String host) {
        String h = host.trim();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        String lower = h.toLowerCase(Locale.ROOT);
        if (ONION_V2.matcher(lower).matches()) {
            return ofOnion(Base32.decode(lower.substring(0, 16)));
        }
        if (IPV4.matcher(h).matches()) {
            String[] parts = h.split("\\.");
            byte[] four = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    throw new IllegalArgumentException("bad IPv4 address: " + host);
                }
                four[i] = (byte) v;
            }
            return ofIpv4(four);
        }
        if (h.indexOf(':') >= 0 && h.matches("[0-9a-fA-F:.]+")) {
            try {
                // a literal with ':' is parsed, never resolved
                return of(InetAddress.getByName(h));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("bad IPv6 address: " + host, e);
            }
        }
        throw new IllegalArgumentException("not an IP address or v2 onion: " + host);
    }

    public Kind kind() {
        if (startsWith(IPV4_PREFIX)) {
            return Kind.IPV4;
        }
        if (startsWith(ONION_PREFIX)) {
            return Kind.ONION;
        }
        return Kind.IPV6;
    }

    private boolean startsWith(byte[] prefix) {
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The address to connect to; empty for onions. */
    public java.util.Optional<InetAddress> toInetAddress() {
        try {
            return switch (kind()) {
                case IPV4 -> java.util.Optional.of(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                case IPV6 -> java.util.Optional.of(Inet6Address.getByAddress(null, bytes, null));
                case ONION -> java.util.Optional.empty();
            };
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen for 4/16 bytes
        }
    }

    /**
     * False for the addresses PyBitmessage ignores when they come from the network: loopback,
     * unspecified, RFC 1918, IPv6 link-local and unique-local.
     */
    public boolean isPublic() {
        int b0 = bytes[0] & 0xFF;
        int b1 = bytes[1] & 0xFF;
        switch (kind()) {
            case ONION:
                return true;
            case IPV4: {
                int a = bytes[12] & 0xFF;
                int b = bytes[13] & 0xFF;
                return !(a == 127 || a == 10 || a == 0 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168));
            }
            default:
                boolean zeroOrLoopback = true;
                for (int i = 0; i < 15; i++) {
                    zeroOrLoopback &= bytes[i] == 0;
                }
                if (zeroOrLoopback) {
                    return false;
                }
                return !(b0 == 0xFE && (b1 & 0xC0) == 0x80) && !((b0 & 0xFE) == 0xFC);
        }
    }

    /** {@code a.b.c.d}, the IPv6 text form, or {@code name.onion}. */
    @Override
    public String toString() {
        return switch (kind()) {
            case IPV4 -> (bytes[12] & 0xFF) + "." + (bytes[13] & 0xFF) + "." + (bytes[14] & 0xFF) + "."
                    + (bytes[15] & 0xFF);
            case ONION -> Base32.encode(Arrays.copyOfRange(bytes, 6, 16)) + ".onion";
            case IPV6 -> toInetAddress().orElseThrow().getHostAddress();
        };
    }

    public String toHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostAddress h && Arrays.equals(h.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
