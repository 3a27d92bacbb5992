package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import java.util.Objects;

/**
 * A network address. Full form (in {@code addr}), 38 bytes: time uint64, stream uint32,
 * services uint64, 16-byte host, port uint16. Short form (in {@code version}), 26 bytes:
 * services, host, port; {@code time} and {@code stream} are 0 there.
 *
 * @param time     unsigned UNIX seconds the peer was last seen
 * @param stream   uint32
 * @param services bitfield, see {@link Version#NODE_NETWORK} etc.
 */
public record NetworkAddress(long time, long stream, long services, HostAddress host, int port) {
    public static final int FULL_LENGTH = 38;
    public static final int SHORT_LENGTH = 26;

    public NetworkAddress {
        Objects.requireNonNull(host, "host");
        if (stream < 0 || stream > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("stream must be a uint32: " + stream);
        }
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    /** A short-form address (time and stream 0). */
    public static NetworkAddress ofShort(long services, HostAddress host, int port) {
        return new NetworkAddress(0, 0, services, host, port);
    }

    public static NetworkAddress of(long time, long stream, long services, String host, int port) {
        return new NetworkAddress(time, stream, services, HostAddress.parse(host), port);
    }

    public static NetworkAddress readFull(ByteReader r) {
        long time = r.readInt64("addr time");
        long stream = r.readUInt32("addr stream");
        long services = r.readInt64("addr services");
        HostAddress host = HostAddress.read(r);
        int port = r.readUInt16("addr port");
        return new NetworkAddress(time, stream, services, host, port);
    }

    public static NetworkAddress readShort(ByteReader r) {
        long services = r.readInt64("net_addr services");
        HostAddress host = HostAddress.read(r);
        int port = r.readUInt16("net_addr port");
        return ofShort(services, host, port);
    }

    public void writeFull(ByteWriter w) {
        w.writeInt64(time).writeUInt32(stream).writeInt64(services).writeBytes(host.bytes()).writeUInt16(port);
    }

    public void writeShort(ByteWriter w) {
        w.writeInt64(services).writeBytes(host.bytes()).writeUInt16(port);
    }

    /** The 38-byte full form. */
    public byte[] writeFull() {
        ByteWriter w = new ByteWriter(FULL_LENGTH);
        writeFull(w);
        return w.toByteArray();
    }

    /** The 26-byte short form. */
    public byte[] writeShort() {
        ByteWriter w = new ByteWriter(SHORT_LENGTH);
        writeShort(w);
        return w.toByteArray();
    }

    /** {@code host:port}, IPv6 in brackets. */
    public String hostAndPort() {
        return host.kind() == HostAddress.Kind.IPV6 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
