package dev.bmtool.core.object;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import java.util.Arrays;
import java.util.Optional;

/** broadcast (type 3): v4 is an ECIES blob; v5 is a 32-byte tag followed by the blob. */
public final class BroadcastPayload implements ObjectPayload {
    public static final int TAG_LENGTH = 32;

    private final long version;
    private final byte[] tag; // null for v4
    private final byte[] encrypted;

    private BroadcastPayload(long version, byte[] tag, byte[] encrypted) {
        this.version = version;
        this.tag = tag;
        this.encrypted = encrypted;
    }

    public static BroadcastPayload v4(byte[] encrypted) {
        return new BroadcastPayload(4, null, encrypted.clone());
    }

    public static BroadcastPayload v5(byte[] tag, byte[] encrypted) {
        if (tag.length != TAG_LENGTH) {
            throw new IllegalArgumentException("tag must be 32 bytes");
        }
        return new BroadcastPayload(5, tag.clone(), encrypted.clone());
    }

    public static BroadcastPayload read(long version, byte[] payload) {
        if (version == 4) {
            return new BroadcastPayload(4, null, payload.clone());
        }
        if (version == 5) {
            ByteReader r = new ByteReader(payload);
            byte[] tag = r.readBytes(TAG_LENGTH, "broadcast tag");
            return new BroadcastPayload(5, tag, r.readRest());
        }
        throw new ProtocolException.BadValue("broadcast version " + version + " not supported");
    }

    @Override
    public long objectType() {
        return BitmessageObject.TYPE_BROADCAST;
    }

    @Override
    public long version() {
        return version;
    }

    /** The cleartext tag of a v5 broadcast. */
    public Optional<byte[]> tag() {
        return tag == null ? Optional.empty() : Optional.of(tag.clone());
    }

    public byte[] encrypted() {
        return encrypted.clone();
    }

    @Override
    public byte[] write() {
        if (tag == null) {
            return encrypted.clone();
        }
        byte[] out = Arrays.copyOf(tag, TAG_LENGTH + encrypted.length);
        System.arraycopy(encrypted, 0, out, TAG_LENGTH, encrypted.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BroadcastPayload b && b.version == version && Arrays.equals(b.tag, tag)
                && Arrays.equals(b.encrypted, encrypted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encrypted);
    }

    @Override
    public String toString() {
        return "BroadcastPayload[v" + version + (tag == null ? "" : ", tag=" + Hex.encode(tag)) + ", "
                + encrypted.length + " encrypted bytes]";
    }
}
