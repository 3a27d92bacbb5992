package dev.bmtool.core.message;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.crypto.PublicKey;
import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.ProtocolException;

/**
 * The sender's public data that msg, broadcast and pubkey plaintexts share: behaviour bitfield,
 * public signing and encryption keys and, for address version 3 and later, the PoW difficulty
 * the sender demands (nonceTrialsPerByte, payloadLengthExtraBytes; 0 when absent).
 *
 * @param bitfield                behaviour bitfield (see {@link Bitfield})
 * @param signingKey              public signing key
 * @param encryptionKey           public encryption key
 * @param nonceTrialsPerByte      demanded difficulty (v3+; 0 for v2)
 * @param payloadLengthExtraBytes demanded extra bytes (v3+; 0 for v2)
 */
public record SenderKeys(int bitfield, PublicKey signingKey, PublicKey encryptionKey, long nonceTrialsPerByte,
        long payloadLengthExtraBytes) {

    /** Reads bitfield, both keys and (if {@code withDifficulty}) the two var_ints. */
    static SenderKeys read(ByteReader r, boolean withDifficulty) {
        int bitfield = r.readInt32("behaviour bitfield");
        PublicKey sig = readKey(r, "public signing key");
        PublicKey enc = readKey(r, "public encryption key");
        long ntpb = 0;
        long extra = 0;
        if (withDifficulty) {
            ntpb = r.readVarInt("nonceTrialsPerByte");
            extra = r.readVarInt("payloadLengthExtraBytes");
        }
        return new SenderKeys(bitfield, sig, enc, ntpb, extra);
    }

    private static PublicKey readKey(ByteReader r, String what) {
        byte[] b = r.readBytes(64, what);
        try {
            return PublicKey.of(b);
        } catch (ProtocolException e) {
            throw new ProtocolException.BadValue(what + ": " + e.getMessage());
        }
    }

    void write(ByteWriter w, boolean withDifficulty) {
        w.writeUInt32(bitfield & 0xFFFFFFFFL).writeBytes(signingKey.bytes()).writeBytes(encryptionKey.bytes());
        if (withDifficulty) {
            w.writeVarInt(nonceTrialsPerByte).writeVarInt(payloadLengthExtraBytes);
        }
    }

    /** The address these keys belong to, for a given version and stream. */
    public Address address(int version, long stream) {
        return Address.fromKeys(version, stream, signingKey, encryptionKey);
    }

    /** The ripe of these keys. */
    public byte[] ripe() {
        return Address.ripe(signingKey, encryptionKey);
    }

    static int checkSenderVersion(long v, int min) {
        if (v < min || v > Address.MAX_VERSION) {
            throw new ProtocolException.BadValue("sender address version " + Long.toUnsignedString(v)
                    + " is not supported");
        }
        return (int) v;
    }

    static long checkStream(long s) {
        if (s == 0) {
            throw new ProtocolException.BadValue("sender stream 0 is invalid");
        }
        return s;
    }
}
