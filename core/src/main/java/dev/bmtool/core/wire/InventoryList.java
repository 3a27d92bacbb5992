package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/** The shared layout of inv, getdata and dinv: var_int count + count x 32-byte hashes. */
final class InventoryList {
    /** PyBitmessage's MAX_OBJECT_COUNT (also applied to getdata, which the packet size bounds anyway). */
    static final int MAX_COUNT = 50_000;

    private InventoryList() {
    }

    static List<InventoryVector> read(byte[] payload, String what) {
        ByteReader r = new ByteReader(payload);
        int count = r.readVarIntBounded(MAX_COUNT, what + " count");
        if ((long) count * InventoryVector.LENGTH > r.remaining()) {
            throw new dev.bmtool.core.encoding.ProtocolException.Truncated("truncated " + what + ": " + count
                    + " hashes need " + (long) count * InventoryVector.LENGTH + " bytes, " + r.remaining() + " left");
        }
        List<InventoryVector> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(InventoryVector.read(r));
        }
        r.expectEnd(what);
        return List.copyOf(out);
    }

    static List<InventoryVector> check(List<InventoryVector> hashes, String what) {
        if (hashes.size() > MAX_COUNT) {
            throw new IllegalArgumentException(what + " holds at most " + MAX_COUNT + " hashes, got " + hashes.size());
        }
        return List.copyOf(hashes);
    }

    static byte[] write(List<InventoryVector> hashes) {
        ByteWriter w = new ByteWriter(9 + hashes.size() * InventoryVector.LENGTH);
        w.writeVarInt(hashes.size());
        for (InventoryVector v : hashes) {
            w.writeBytes(v.bytes());
        }
        return w.toByteArray();
    }
}
