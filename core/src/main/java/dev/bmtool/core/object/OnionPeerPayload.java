package dev.bmtool.core.object;

import dev.bmtool.core.encoding.Base32;
import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import java.util.Arrays;
import java.util.Locale;

/**
 * onionpeer (type 0x746F72): var_int port + the encoded host, {@code FD87D87EEB43} followed
 * by the base32-decoded onion name (10 bytes for v2, 35 for v3). Not signed.
 */
public final class OnionPeerPayload implements ObjectPayload {
    private static final byte[] ONION_PREFIX = {(byte) 0xFD, (byte) 0x87, (byte) 0xD8, 0x7E, (byte) 0xEB, 0x43};

    private final long version;
    private final int port;
    private final byte[] host;

    private OnionPeerPayload(long version, int port, byte[] host) {
        this.version = version;
        this.port = port;
        this.host = host;
    }

    /** From an onion name ({@code <16 or 56 base32 chars>.onion}) and port. */
    public static OnionPeerPayload of(String onion, int port) {
        String name = onion.toLowerCase(Locale.ROOT);
        if (!name.matches("([a-z2-7]{16}|[a-z2-7]{56})\\.onion")) {
            throw new IllegalArgumentException("not a v2 or v3 onion name: " + onion);
        }
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("bad port " + port);
        }
        byte[] raw = Base32.decode(name.substring(0, name.length() - 6));
        byte[] host = Arrays.copyOf(ONION_PREFIX, ONION_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, host, ONION_PREFIX.length, raw.length);
        return new OnionPeerPayload(raw.length == 10 ? 2 : 3, port, host);
    }

    public static OnionPeerPayload read(long version, byte[] payload) {
        ByteReader r = new ByteReader(payload);
        long port = r.readVarInt("onionpeer port");
        if (port < 0 || port > 0xFFFF) {
            throw new ProtocolException.BadValue("onionpeer port " + Long.toUnsignedString(port) + " out of range");
        }
        byte[] host = r.readRest();
        if (host.length == 0) {
            throw new ProtocolException.Truncated("truncated onionpeer: no host");
        }
        return new OnionPeerPayload(version, (int) port, host);
    }

    @Override
    public long objectType() {
        return BitmessageObject.TYPE_ONIONPEER;
    }

    @Override
    public long version() {
        return version;
    }

    public int port() {
        return port;
    }

    /** The encoded host bytes as carried. */
    public byte[] host() {
        return host.clone();
    }

    /** {@code name.onion} when the host carries the onion prefix, else the host bytes in hex. */
    public String hostName() {
        if (host.length > ONION_PREFIX.length && Arrays.equals(host, 0, 6, ONION_PREFIX, 0, 6)) {
            return Base32.encode(Arrays.copyOfRange(host, 6, host.length)) + ".onion";
        }
        return Hex.encode(host);
    }

    @Override
    public byte[] write() {
        return new ByteWriter(host.length + 3).writeVarInt(port).writeBytes(host).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OnionPeerPayload p && p.version == version && p.port == port && Arrays.equals(p.host, host);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(host) * 31 + port;
    }

    @Override
    public String toString() {
        return "OnionPeerPayload[v" + version + ", " + hostName() + ":" + port + "]";
    }
}
