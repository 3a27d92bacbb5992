package dev.bmtool.core.object;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.pow.PowMath;
import java.util.Arrays;

/**
 * One Bitmessage object exactly as carried in an {@code object} packet: nonce(8),
 * expiresTime(8), objectType(4), version var_int, stream var_int, objectPayload. Keeps the raw
 * bytes, because hashes, PoW and signatures cover them as received.
 */
public final class BitmessageObject {
    /** Largest objectPayload accepted on receipt (PyBitmessage measures the payload only). */
    public static final int MAX_PAYLOAD_LENGTH = 1 << 18;
    /** Largest whole object (nonce included) bmtool sends. */
    public static final int MAX_SEND_LENGTH = 1 << 18;
    /** Smallest possible object: nonce, expiresTime, type, 1-byte version, 1-byte stream. */
    public static final int MIN_LENGTH = 22;

    public static final long TYPE_GETPUBKEY = 0;
    public static final long TYPE_PUBKEY = 1;
    public static final long TYPE_MSG = 2;
    public static final long TYPE_BROADCAST = 3;
    public static final long TYPE_ONIONPEER = 0x746F72;

    private final byte[] raw;
    private final long nonce;
    private final long expiresTime;
    private final long objectType;
    private final long version;
    private final long stream;
    private final int headerEnd; // offset of objectPayload

    private BitmessageObject(byte[] raw, long nonce, long expiresTime, long objectType, long version,
            long stream, int headerEnd) {
        this.raw = raw;
        this.nonce = nonce;
        this.expiresTime = expiresTime;
        this.objectType = objectType;
        this.version = version;
        this.stream = stream;
        this.headerEnd = headerEnd;
    }

    /** Decodes untrusted bytes (the payload of an {@code object} packet). */
    public static BitmessageObject read(byte[] bytes) {
        if (bytes.length > BitmessageObject.MAX_PAYLOAD_LENGTH + 64) {
            // the payload limit plus the largest possible header (8+8+4+9+9)
            throw new ProtocolException.Oversized("object of " + bytes.length + " bytes is too large");
        }
        ByteReader r = new ByteReader(bytes);
        long nonce = r.readInt64("object nonce");
        long expires = r.readInt64("object expiresTime");
        long type = r.readUInt32("object type");
        long version = r.readVarInt("object version");
        long stream = r.readVarInt("object stream");
        int headerEnd = r.position();
        if (bytes.length - headerEnd > MAX_PAYLOAD_LENGTH) {
            throw new ProtocolException.Oversized("object payload of " + (bytes.length - headerEnd)
                    + " bytes exceeds " + MAX_PAYLOAD_LENGTH);
        }
        return new BitmessageObject(bytes.clone(), nonce, expires, type, version, stream, headerEnd);
    }

    /** Builds an object from its fields (for sending). */
    public static BitmessageObject of(long nonce, long expiresTime, long objectType, long version, long stream,
            byte[] objectPayload) {
        ByteWriter w = new ByteWriter(22 + objectPayload.length);
        w.writeInt64(nonce).writeInt64(expiresTime).writeUInt32(objectType).writeVarInt(version)
                .writeVarInt(stream);
        int headerEnd = w.size();
        w.writeBytes(objectPayload);
        return new BitmessageObject(w.toByteArray(), nonce, expiresTime, objectType, version, stream, headerEnd);
    }

    /** The same object with another nonce (after proof of work). */
    public BitmessageObject withNonce(long newNonce) {
        byte[] copy = raw.clone();
        for (int i = 0; i < 8; i++) {
            copy[i] = (byte) (newNonce >>> (56 - 8 * i));
        }
        return new BitmessageObject(copy, newNonce, expiresTime, objectType, version, stream, headerEnd);
    }

    /** The complete object bytes, nonce first. */
    public byte[] write() {
        return raw.clone();
    }

    public int length() {
        return raw.length;
    }

    public long nonce() {
        return nonce;
    }

    /** Unsigned UNIX seconds. */
    public long expiresTime() {
        return expiresTime;
    }

    public long objectType() {
        return objectType;
    }

    public long version() {
        return version;
    }

    public long stream() {
        return stream;
    }

    /** Bytes after the stream var_int. */
    public byte[] objectPayload() {
        return Arrays.copyOfRange(raw, headerEnd, raw.length);
    }

    /** Everything but the nonce: what the initial hash of the proof of work covers. */
    public byte[] bytesWithoutNonce() {
        return Arrays.copyOfRange(raw, 8, raw.length);
    }

    /**
     * expiresTime || objectType || version || stream as received: the header that signatures
     * cover (protocol brief section 10).
     */
    public byte[] signedHeader() {
        return Arrays.copyOfRange(raw, 8, headerEnd);
    }

    /** Offset of objectPayload within {@link #write()}. */
    public int payloadOffset() {
        return headerEnd;
    }

    /** Inventory hash: dsha512(whole object)[0:32]. */
    public byte[] inventoryHash() {
        return PowMath.inventoryHash(raw);
    }

    /** PoW initial hash: sha512(object without its nonce). */
    public byte[] initialHash() {
        return PowMath.initialHashOfObject(raw);
    }

    /** This object's PoW trial value (unsigned). */
    public long trialValue() {
        return PowMath.trialValue(nonce, initialHash());
    }

    /** getpubkey, pubkey, msg, broadcast, onionpeer or unknown. */
    public String typeName() {
        return ObjectPayloads.typeName(objectType);
    }

    /** The typed payload; throws ProtocolException if it does not fit its type's layout. */
    public ObjectPayload decodePayload() {
        return ObjectPayloads.decode(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitmessageObject b && Arrays.equals(b.raw, raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "BitmessageObject[type=" + Long.toUnsignedString(objectType) + ", version=" + version
                + ", stream=" + stream + ", expires=" + Long.toUnsignedString(expiresTime) + ", length="
                + raw.length + "]";
    }
}
