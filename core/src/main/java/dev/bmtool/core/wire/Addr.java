package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.ProtocolException;
import java.util.ArrayList;
import java.util.List;

/** The {@code addr} message: var_int count + at most 1000 full-form (38-byte) addresses. */
public record Addr(List<NetworkAddress> addresses) implements Message {
    public static final String COMMAND = "addr";
    /** PyBitmessage's MAX_ADDR_COUNT. */
    public static final int MAX_COUNT = 1000;

    public Addr {
        if (addresses.size() > MAX_COUNT) {
            throw new IllegalArgumentException("addr holds at most " + MAX_COUNT + " entries, got " + addresses.size());
        }
        addresses = List.copyOf(addresses);
    }

    public static Addr of(NetworkAddress... addresses) {
        return new Addr(List.of(addresses));
    }

    public static Addr read(byte[] payload) {
        ByteReader r = new ByteReader(payload);
        int count = r.readVarIntBounded(MAX_COUNT, "addr count");
        if ((long) count * NetworkAddress.FULL_LENGTH > r.remaining()) {
            throw new ProtocolException.Truncated("truncated addr: " + count + " entries need "
                    + count * NetworkAddress.FULL_LENGTH + " bytes, " + r.remaining() + " left");
        }
        List<NetworkAddress> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(NetworkAddress.readFull(r));
        }
        r.expectEnd(COMMAND);
        return new Addr(list);
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public byte[] write() {
        ByteWriter w = new ByteWriter(3 + addresses.size() * NetworkAddress.FULL_LENGTH);
        w.writeVarInt(addresses.size());
        for (NetworkAddress a : addresses) {
            a.writeFull(w);
        }
        return w.toByteArray();
    }
}
