package dev.bmtool.core.object;

import java.util.Arrays;

/** The payload of an object type or version bmtool does not interpret; kept raw for relaying. */
public final class UnknownPayload implements ObjectPayload {
    private final long objectType;
    private final long version;
    private final byte[] payload;

    private UnknownPayload(long objectType, long version, byte[] payload) {
        this.objectType = objectType;
        this.version = version;
        this.payload = payload;
    }

    public static UnknownPayload of(long objectType, long version, byte[] payload) {
        return new UnknownPayload(objectType, version, payload.clone());
    }

    @Override
    public long objectType() {
        return objectType;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public String typeName() {
        return "unknown";
    }

    @Override
    public byte[] write() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownPayload u && u.objectType == objectType && u.version == version
                && Arrays.equals(u.payload, payload);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "UnknownPayload[type=" + Long.toUnsignedString(objectType) + ", v" + Long.toUnsignedString(version)
                + ", " + payload.length + " bytes]";
    }
}
