package dev.bmtool.core.object;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import java.util.Arrays;
import java.util.Optional;

/**
 * pubkey (type 1; object version = address version).
 * <ul>
 * <li>v2: behavior bitfield (4), public signing key (64 = X||Y), public encryption key (64);
 * <li>v3: v2 fields, var_int nonceTrialsPerByte, var_int payloadLengthExtraBytes, var_bytes
 * signature;
 * <li>v4: 32-byte tag + ECIES blob (kept raw; its plaintext is the v3 field list).
 * </ul>
 * Raw bytes are kept so signatures can be checked over exactly what was received.
 */
public final class PubkeyPayload implements ObjectPayload {
    public static final int KEY_LENGTH = 64;
    public static final int TAG_LENGTH = 32;
    /** Largest signature accepted (a DER ECDSA signature is at most 72 bytes). */
    public static final int MAX_SIGNATURE_LENGTH = 1000;

    private final long version;
    private final byte[] raw;
    private final int behaviorBitfield;
    private final byte[] signingKey;
    private final byte[] encryptionKey;
    private final long nonceTrialsPerByte;
    private final long extraBytes;
    private final byte[] signature;
    private final int signedFieldsEnd; // offset in raw where the signature var_bytes starts
    private final byte[] tag;
    private final byte[] encrypted;

    private PubkeyPayload(long version, byte[] raw, int behaviorBitfield, byte[] signingKey, byte[] encryptionKey,
            long nonceTrialsPerByte, long extraBytes, byte[] signature, int signedFieldsEnd, byte[] tag,
            byte[] encrypted) {
        this.version = version;
        this.raw = raw;
        this.behaviorBitfield = behaviorBitfield;
        this.signingKey = signingKey;
        this.encryptionKey = encryptionKey;
        this.nonceTrialsPerByte = nonceTrialsPerByte;
        this.extraBytes = extraBytes;
        this.signature = signature;
        this.signedFieldsEnd = signedFieldsEnd;
        this.tag = tag;
        this.encrypted = encrypted;
    }

    public static PubkeyPayload v2(int behaviorBitfield, byte[] signingKey, byte[] encryptionKey) {
        checkKeys(signingKey, encryptionKey);
        ByteWriter w = new ByteWriter(132);
        w.writeUInt32(behaviorBitfield & 0xFFFFFFFFL).writeBytes(signingKey).writeBytes(encryptionKey);
        return read(2, w.toByteArray());
    }

    public static PubkeyPayload v3(int behaviorBitfield, byte[] signingKey, byte[] encryptionKey,
            long nonceTrialsPerByte, long extraBytes, byte[] signature) {
        checkKeys(signingKey, encryptionKey);
        ByteWriter w = new ByteWriter(220);
        w.writeUInt32(behaviorBitfield & 0xFFFFFFFFL).writeBytes(signingKey).writeBytes(encryptionKey)
                .writeVarInt(nonceTrialsPerByte).writeVarInt(extraBytes).writeVarBytes(signature);
        return read(3, w.toByteArray());
    }

    public static PubkeyPayload v4(byte[] tag, byte[] encrypted) {
        if (tag.length != TAG_LENGTH) {
            throw new IllegalArgumentException("tag must be 32 bytes");
        }
        byte[] raw = Arrays.copyOf(tag, TAG_LENGTH + encrypted.length);
        System.arraycopy(encrypted, 0, raw, TAG_LENGTH, encrypted.length);
        return read(4, raw);
    }

    private static void checkKeys(byte[] signingKey, byte[] encryptionKey) {
        if (signingKey.length != KEY_LENGTH || encryptionKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("public keys must be 64 bytes (X||Y)");
        }
    }

    public static PubkeyPayload read(long version, byte[] payload) {
        ByteReader r = new ByteReader(payload);
        byte[] raw = payload.clone();
        if (version == 4) {
            byte[] tag = r.readBytes(TAG_LENGTH, "pubkey tag");
            return new PubkeyPayload(4, raw, 0, null, null, 0, 0, null, 0, tag, r.readRest());
        }
        if (version != 2 && version != 3) {
            throw new ProtocolException.BadValue("pubkey version " + version + " not supported");
        }
        int bitfield = r.readInt32("pubkey behavior bitfield");
        byte[] sk = r.readBytes(KEY_LENGTH, "pubkey signing key");
        byte[] ek = r.readBytes(KEY_LENGTH, "pubkey encryption key");
        if (version == 2) {
            r.expectEnd("pubkey v2");
            return new PubkeyPayload(2, raw, bitfield, sk, ek, 0, 0, null, raw.length, null, null);
        }
        long ntpb = r.readVarInt("pubkey nonceTrialsPerByte");
        long extra = r.readVarInt("pubkey payloadLengthExtraBytes");
        int signedEnd = r.position();
        byte[] sig = r.readVarBytes(MAX_SIGNATURE_LENGTH, "pubkey signature");
        r.expectEnd("pubkey v3");
        return new PubkeyPayload(3, raw, bitfield, sk, ek, ntpb, extra, sig, signedEnd, null, null);
    }

    @Override
    public long objectType() {
        return BitmessageObject.TYPE_PUBKEY;
    }

    @Override
    public long version() {
        return version;
    }

    /** True for v4: only the tag is cleartext. */
    public boolean isEncrypted() {
        return version == 4;
    }

    private void requireCleartext(String what) {
        if (isEncrypted()) {
            throw new IllegalStateException(what + " is encrypted in a v4 pubkey");
        }
    }

    public int behaviorBitfield() {
        requireCleartext("behavior bitfield");
        return behaviorBitfield;
    }

    public byte[] signingKey() {
        requireCleartext("signing key");
        return signingKey.clone();
    }

    public byte[] encryptionKey() {
        requireCleartext("encryption key");
        return encryptionKey.clone();
    }

    /** v3 only (v2 has none: the network minimum applies). */
    public Optional<Long> nonceTrialsPerByte() {
        return version == 3 ? Optional.of(nonceTrialsPerByte) : Optional.empty();
    }

    public Optional<Long> extraBytes() {
        return version == 3 ? Optional.of(extraBytes) : Optional.empty();
    }

    public Optional<byte[]> signature() {
        return version == 3 ? Optional.of(signature.clone()) : Optional.empty();
    }

    /**
     * v3: the payload bytes the signature covers (bitfield through extra bytes); the signed
     * data is {@code object.signedHeader() || signedFields()}.
     */
    public byte[] signedFields() {
        if (version != 3) {
            throw new IllegalStateException("only v3 pubkeys carry a cleartext signature");
        }
        return Arrays.copyOf(raw, signedFieldsEnd);
    }

    public Optional<byte[]> tag() {
        return tag == null ? Optional.empty() : Optional.of(tag.clone());
    }

    /** v4: the ECIES blob after the tag. */
    public byte[] encrypted() {
        if (!isEncrypted()) {
            throw new IllegalStateException("only v4 pubkeys are encrypted");
        }
        return encrypted.clone();
    }

    @Override
    public byte[] write() {
        return raw.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PubkeyPayload p && p.version == version && Arrays.equals(p.raw, raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return isEncrypted()
                ? "PubkeyPayload[v4, tag=" + Hex.encode(tag) + ", " + encrypted.length + " encrypted bytes]"
                : "PubkeyPayload[v" + version + ", bitfield=" + Integer.toHexString(behaviorBitfield) + "]";
    }
}
