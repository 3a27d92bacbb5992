package dev.bmtool.core.object;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import java.util.Arrays;

/**
 * getpubkey (type 0): the object version is the requested address version; v2/v3 carry the
 * 20-byte ripe (leading zeros kept), v4 the 32-byte tag.
 */
public final class GetPubkeyPayload implements ObjectPayload {
    public static final int RIPE_LENGTH = 20;
    public static final int TAG_LENGTH = 32;

    private final long version;
    private final byte[] hash;

    private GetPubkeyPayload(long version, byte[] hash) {
        this.version = version;
        this.hash = hash;
    }

    /** A v2/v3 request by ripe, or a v4 request by tag. */
    public static GetPubkeyPayload of(long version, byte[] ripeOrTag) {
        if (version < 2 || version > 4) {
            throw new IllegalArgumentException("getpubkey version must be 2..4: " + version);
        }
        if (ripeOrTag.length != expectedLength(version)) {
            throw new IllegalArgumentException("getpubkey v" + version + " needs " + expectedLength(version) + " bytes");
        }
        return new GetPubkeyPayload(version, ripeOrTag.clone());
    }

    private static int expectedLength(long version) {
        return version >= 4 ? TAG_LENGTH : RIPE_LENGTH;
    }

    public static GetPubkeyPayload read(long version, byte[] payload) {
        if (version < 2 || version > 4) {
            throw new ProtocolException.BadValue("getpubkey version " + version + " not supported");
        }
        ByteReader r = new ByteReader(payload);
        byte[] hash = r.readBytes(expectedLength(version), version >= 4 ? "getpubkey tag" : "getpubkey ripe");
        r.expectEnd("getpubkey");
        return new GetPubkeyPayload(version, hash);
    }

    @Override
    public long objectType() {
        return BitmessageObject.TYPE_GETPUBKEY;
    }

    @Override
    public long version() {
        return version;
    }

    public boolean hasTag() {
        return version >= 4;
    }

    /** The 20-byte ripe (v2/v3) or 32-byte tag (v4). */
    public byte[] ripeOrTag() {
        return hash.clone();
    }

    @Override
    public byte[] write() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GetPubkeyPayload g && g.version == version && Arrays.equals(g.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "GetPubkeyPayload[v" + version + (hasTag() ? ", tag=" : ", ripe=") + Hex.encode(hash) + "]";
    }
}
