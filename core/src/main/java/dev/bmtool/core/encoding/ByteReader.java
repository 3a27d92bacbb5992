package dev.bmtool.core.encoding;

import java.util.Arrays;

/**
 * Reads big-endian protocol fields from a byte array. Every read checks the remaining length
 * first, so nothing is allocated for a length the input cannot back; all failures are
 * {@link ProtocolException}s.
 */
public final class ByteReader {
    private final byte[] buf;
    private final int end;
    private int pos;

    /** Reads {@code bytes} (not copied: callers must not mutate it while reading). */
    public ByteReader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public ByteReader(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IllegalArgumentException("bad slice");
        }
        this.buf = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    private void need(int n, String what) {
        if (n < 0 || end - pos < n) {
            throw new ProtocolException.Truncated(
                    "truncated " + what + ": need " + n + " bytes, " + (end - pos) + " left");
        }
    }

    public int readUInt8(String what) {
        need(1, what);
        return buf[pos++] & 0xFF;
    }

    public int readUInt16(String what) {
        need(2, what);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    /** Unsigned 32-bit, returned in a long. */
    public long readUInt32(String what) {
        need(4, what);
        long v = ((long) (buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16)
                | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public int readInt32(String what) {
        return (int) readUInt32(what);
    }

    /** 64 bits big-endian; callers treat the result as unsigned where the protocol says so. */
    public long readInt64(String what) {
        need(8, what);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    public byte[] readBytes(int n, String what) {
        need(n, what);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** Everything that is left. */
    public byte[] readRest() {
        return readBytes(remaining(), "rest");
    }

    public void skip(int n, String what) {
        need(n, what);
        pos += n;
    }

    /** Minimal var_int; non-minimal forms throw {@link ProtocolException.NonCanonical}. */
    public long readVarInt(String what) {
        int first = readUInt8(what);
        if (first < 0xFD) {
            return first;
        }
        long v;
        long min;
        switch (first) {
            case 0xFD -> {
                v = readUInt16(what);
                min = 0xFD;
            }
            case 0xFE -> {
                v = readUInt32(what);
                min = 0x10000;
            }
            default -> {
                v = readInt64(what);
                min = 0x100000000L;
            }
        }
        if (Long.compareUnsigned(v, min) < 0) {
            throw new ProtocolException.NonCanonical("non-minimal var_int encoding of " + what);
        }
        return v;
    }

    public long readVarInt() {
        return readVarInt("var_int");
    }

    /**
     * A var_int that must fit in {@code [0, max]}; used for lengths and counts, checked before
     * anything is allocated.
     */
    public int readVarIntBounded(long max, String what) {
        long v = readVarInt(what);
        if (Long.compareUnsigned(v, max) > 0) {
            throw new ProtocolException.Oversized(what + " " + Long.toUnsignedString(v) + " exceeds limit " + max);
        }
        return (int) v;
    }

    /** var_str / var_bytes: a var_int length (at most {@code maxLength}) then that many bytes. */
    public byte[] readVarBytes(int maxLength, String what) {
        int n = readVarIntBounded(maxLength, what + " length");
        return readBytes(n, what);
    }

    /** The raw bytes between two positions of this reader's buffer. */
    public byte[] slice(int from, int to) {
        if (from < 0 || to < from || to > end) {
            throw new IllegalArgumentException("bad slice");
        }
        return Arrays.copyOfRange(buf, from, to);
    }

    /** Throws if anything is left. */
    public void expectEnd(String what) {
        if (pos != end) {
            throw new ProtocolException.BadValue(what + ": " + (end - pos) + " unexpected trailing bytes");
        }
    }
}
