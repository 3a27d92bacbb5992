package dev.bmtool.core.message;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.ProtocolException;
import java.util.Arrays;

/**
 * The pubkey field list (protocol brief 11.2): bitfield and keys (v2), plus difficulty and
 * signature (v3; the same list is the plaintext of a v4 pubkey).
 */
public final class PubkeyContent {
    /** Longest signature accepted in a pubkey. */
    public static final int MAX_SIGNATURE_LENGTH = 100;
    private final SenderKeys keys;
    private final boolean signed; // v3 layout (difficulty + signature)
    private final byte[] signature;
    private final byte[] signedPart;

    private PubkeyContent(SenderKeys keys, boolean signed, byte[] signature, byte[] signedPart) {
        this.keys = keys;
        this.signed = signed;
        this.signature = signature;
        this.signedPart = signedPart;
    }

    /** Unsigned v3-layout content (for pubkey objects v3 and v4). */
    public static PubkeyContent of(SenderKeys keys) {
        ByteWriter w = new ByteWriter(140);
        keys.write(w, true);
        return new PubkeyContent(keys, true, new byte[0], w.toByteArray());
    }

    /** v2 layout: bitfield and keys only. */
    public static PubkeyContent v2(SenderKeys keys) {
        ByteWriter w = new ByteWriter(132);
        keys.write(w, false);
        return new PubkeyContent(keys, false, new byte[0], w.toByteArray());
    }

    /**
     * Parses the field list of a pubkey of {@code addressVersion} (2: no difficulty, no
     * signature; 3 and 4: both).
     */
    public static PubkeyContent read(byte[] data, int addressVersion) {
        if (addressVersion < 2 || addressVersion > 4) {
            throw new ProtocolException.BadValue("unsupported pubkey version " + addressVersion);
        }
        ByteReader r = new ByteReader(data);
        boolean signed = addressVersion >= 3;
        SenderKeys keys = SenderKeys.read(r, signed);
        int signedEnd = r.position();
        byte[] sig = signed ? r.readVarBytes(MAX_SIGNATURE_LENGTH, "signature") : new byte[0];
        return new PubkeyContent(keys, signed, sig, r.slice(0, signedEnd));
    }

    PubkeyContent withSignature(byte[] sig) {
        return new PubkeyContent(keys, signed, sig.clone(), signedPart);
    }

    public byte[] write() {
        ByteWriter w = new ByteWriter(signedPart.length + signature.length + 3).writeBytes(signedPart);
        if (signed) {
            w.writeVarBytes(signature);
        }
        return w.toByteArray();
    }

    /** bitfield .. payloadLengthExtraBytes (what the signature covers after header and tag). */
    public byte[] signedPart() {
        return signedPart.clone();
    }

    public SenderKeys keys() {
        return keys;
    }

    public boolean hasSignature() {
        return signed;
    }

    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PubkeyContent p && Arrays.equals(p.write(), write());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(write());
    }
}
