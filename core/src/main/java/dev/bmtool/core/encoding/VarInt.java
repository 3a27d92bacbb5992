package dev.bmtool.core.encoding;

/**
 * Bitmessage var_int: big-endian, 1/3/5/9 bytes, minimal form only. Values are unsigned
 * 64-bit held in a {@code long}.
 */
public final class VarInt {
    private VarInt() {
    }

    /** Number of bytes the minimal encoding of {@code value} (unsigned) takes. */
    public static int size(long value) {
        if (Long.compareUnsigned(value, 0xFCL) <= 0) {
            return 1;
        }
        if (Long.compareUnsigned(value, 0xFFFFL) <= 0) {
            return 3;
        }
        if (Long.compareUnsigned(value, 0xFFFFFFFFL) <= 0) {
            return 5;
        }
        return 9;
    }

    public static byte[] encode(long value) {
        ByteWriter w = new ByteWriter(9);
        w.writeVarInt(value);
        return w.toByteArray();
    }

    /** Decodes exactly one var_int that must fill {@code bytes} completely. */
    public static long decode(byte[] bytes) {
        ByteReader r = new ByteReader(bytes);
        long v = r.readVarInt();
        r.expectEnd("var_int");
        return v;
    }
}
