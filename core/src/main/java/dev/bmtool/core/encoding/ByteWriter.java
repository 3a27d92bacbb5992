package dev.bmtool.core.encoding;

import java.util.Arrays;

/** Growable big-endian writer for protocol fields. */
public final class ByteWriter {
    private byte[] buf;
    private int len;

    public ByteWriter() {
        this(64);
    }

    public ByteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    public ByteWriter writeUInt8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    public ByteWriter writeUInt16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
        return this;
    }

    public ByteWriter writeUInt32(long v) {
        ensure(4);
        for (int s = 24; s >= 0; s -= 8) {
            buf[len++] = (byte) (v >>> s);
        }
        return this;
    }

    public ByteWriter writeInt64(long v) {
        ensure(8);
        for (int s = 56; s >= 0; s -= 8) {
            buf[len++] = (byte) (v >>> s);
        }
        return this;
    }

    public ByteWriter writeBytes(byte[] b) {
        return writeBytes(b, 0, b.length);
    }

    public ByteWriter writeBytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
        return this;
    }

    /** Minimal var_int of an unsigned 64-bit value. */
    public ByteWriter writeVarInt(long v) {
        if (Long.compareUnsigned(v, 0xFCL) <= 0) {
            return writeUInt8((int) v);
        }
        if (Long.compareUnsigned(v, 0xFFFFL) <= 0) {
            return writeUInt8(0xFD).writeUInt16((int) v);
        }
        if (Long.compareUnsigned(v, 0xFFFFFFFFL) <= 0) {
            return writeUInt8(0xFE).writeUInt32(v);
        }
        return writeUInt8(0xFF).writeInt64(v);
    }

    /** var_str / var_bytes: var_int length then the bytes. */
    public ByteWriter writeVarBytes(byte[] b) {
        return writeVarInt(b.length).writeBytes(b);
    }

    public int size() {
        return len;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
