package dev.bmtool.core.object;

import java.util.Arrays;

/** msg (type 2, version 1): the whole payload is an ECIES blob, kept raw. */
public final class MsgPayload implements ObjectPayload {
    public static final long VERSION = 1;

    private final byte[] encrypted;

    private MsgPayload(byte[] encrypted) {
        this.encrypted = encrypted;
    }

    public static MsgPayload of(byte[] encrypted) {
        return new MsgPayload(encrypted.clone());
    }

    public static MsgPayload read(byte[] payload) {
        return new MsgPayload(payload.clone());
    }

    @Override
    public long objectType() {
        return BitmessageObject.TYPE_MSG;
    }

    @Override
    public long version() {
        return VERSION;
    }

    public byte[] encrypted() {
        return encrypted.clone();
    }

    @Override
    public byte[] write() {
        return encrypted.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsgPayload m && Arrays.equals(m.encrypted, encrypted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encrypted);
    }

    @Override
    public String toString() {
        return "MsgPayload[" + encrypted.length + " encrypted bytes]";
    }
}
