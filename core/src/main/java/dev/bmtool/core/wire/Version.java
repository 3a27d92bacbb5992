package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code version} message (brief 4.1). The user agent is held as ISO-8859-1 so that any
 * received bytes round-trip exactly; stream numbers are unsigned var_ints.
 *
 * @param protocolVersion uint32, 3 on the current network
 * @param timestamp       UNIX seconds (int64)
 * @param nonce           random per connection, detects connections to self
 */
public record Version(long protocolVersion, long services, long timestamp, NetworkAddress addrRecv,
        NetworkAddress addrFrom, long nonce, String userAgent, List<Long> streams) implements Message {
    public static final String COMMAND = "version";
    public static final long PROTOCOL_VERSION = 3;
    public static final int MAX_USER_AGENT_LENGTH = 5000;
    public static final int MAX_STREAMS = 160_000;

    public static final long NODE_NETWORK = 1;
    public static final long NODE_SSL = 2;
    public static final long NODE_POW = 4;
    public static final long NODE_DANDELION = 8;

    public Version {
        Objects.requireNonNull(addrRecv, "addrRecv");
        Objects.requireNonNull(addrFrom, "addrFrom");
        if (protocolVersion < 0 || protocolVersion > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("protocol version must be a uint32");
        }
        for (int i = 0; i < userAgent.length(); i++) {
            if (userAgent.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("user agent must be ISO-8859-1");
            }
        }
        if (userAgent.length() > MAX_USER_AGENT_LENGTH) {
            throw new IllegalArgumentException("user agent longer than " + MAX_USER_AGENT_LENGTH + " bytes");
        }
        if (streams.size() > MAX_STREAMS) {
            throw new IllegalArgumentException("more than " + MAX_STREAMS + " streams");
        }
        streams = List.copyOf(streams);
    }

    public static Version read(byte[] payload) {
        ByteReader r = new ByteReader(payload);
        long version = r.readUInt32("version protocol version");
        long services = r.readInt64("version services");
        long timestamp = r.readInt64("version timestamp");
        NetworkAddress recv = NetworkAddress.readShort(r);
        NetworkAddress from = NetworkAddress.readShort(r);
        long nonce = r.readInt64("version nonce");
        byte[] ua = r.readVarBytes(MAX_USER_AGENT_LENGTH, "version user agent");
        int count = r.readVarIntBounded(MAX_STREAMS, "version stream count");
        if (count > r.remaining()) { // each stream takes at least one byte
            throw new ProtocolException.Truncated("truncated version stream list: " + count + " streams, "
                    + r.remaining() + " bytes left");
        }
        List<Long> streams = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            streams.add(r.readVarInt("version stream"));
        }
        r.expectEnd(COMMAND);
        return new Version(version, services, timestamp, recv, from, nonce,
                new String(ua, StandardCharsets.ISO_8859_1), streams);
    }

    public boolean hasService(long bit) {
        return (services & bit) != 0;
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public byte[] write() {
        byte[] ua = userAgent.getBytes(StandardCharsets.ISO_8859_1);
        ByteWriter w = new ByteWriter(100 + ua.length + streams.size() * 2);
        w.writeUInt32(protocolVersion).writeInt64(services).writeInt64(timestamp);
        addrRecv.writeShort(w);
        addrFrom.writeShort(w);
        w.writeInt64(nonce).writeVarBytes(ua).writeVarInt(streams.size());
        for (long s : streams) {
            w.writeVarInt(s);
        }
        return w.toByteArray();
    }
}
