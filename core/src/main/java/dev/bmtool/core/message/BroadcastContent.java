package dev.bmtool.core.message;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import java.util.Arrays;

/**
 * The decrypted plaintext of a broadcast object (protocol brief 11.4): sender version, stream,
 * keys, difficulty (v3+), encoding, message, signature.
 */
public final class BroadcastContent {
    private final int senderVersion;
    private final long senderStream;
    private final SenderKeys sender;
    private final long encoding;
    private final byte[] message;
    private final byte[] signature;
    private final byte[] signedPart;

    private BroadcastContent(int senderVersion, long senderStream, SenderKeys sender, long encoding, byte[] message,
            byte[] signature, byte[] signedPart) {
        this.senderVersion = senderVersion;
        this.senderStream = senderStream;
        this.sender = sender;
        this.encoding = encoding;
        this.message = message;
        this.signature = signature;
        this.signedPart = signedPart;
    }

    /** An unsigned broadcast content; sign it with {@link ObjectCrypto#encryptBroadcast}. */
    public static BroadcastContent of(int senderVersion, long senderStream, SenderKeys sender, long encoding,
            byte[] message) {
        if (senderVersion < 2 || senderVersion > Address.MAX_VERSION) {
            throw new IllegalArgumentException("sender version must be 2..4");
        }
        ByteWriter w = new ByteWriter(200 + message.length);
        w.writeVarInt(senderVersion).writeVarInt(senderStream);
        sender.write(w, senderVersion >= 3);
        w.writeVarInt(encoding).writeVarBytes(message);
        return new BroadcastContent(senderVersion, senderStream, sender, encoding, message.clone(), new byte[0],
                w.toByteArray());
    }

    /** Parses a decrypted plaintext; malformed input throws {@link ProtocolException}. */
    public static BroadcastContent read(byte[] plaintext) {
        ByteReader r = new ByteReader(plaintext);
        int version = SenderKeys.checkSenderVersion(r.readVarInt("sender address version"), 2);
        long stream = SenderKeys.checkStream(r.readVarInt("sender stream"));
        SenderKeys keys = SenderKeys.read(r, version >= 3);
        long encoding = r.readVarInt("message encoding");
        byte[] message = r.readVarBytes(BitmessageObject.MAX_PAYLOAD_LENGTH, "message");
        int signedEnd = r.position();
        byte[] sig = r.readVarBytes(BitmessageObject.MAX_PAYLOAD_LENGTH, "signature");
        return new BroadcastContent(version, stream, keys, encoding, message, sig, r.slice(0, signedEnd));
    }

    BroadcastContent withSignature(byte[] sig) {
        return new BroadcastContent(senderVersion, senderStream, sender, encoding, message, sig.clone(), signedPart);
    }

    public byte[] write() {
        return new ByteWriter(signedPart.length + signature.length + 3).writeBytes(signedPart)
                .writeVarBytes(signature).toByteArray();
    }

    /** Plaintext from the sender version through the message. */
    public byte[] signedPart() {
        return signedPart.clone();
    }

    public int senderVersion() {
        return senderVersion;
    }

    public long senderStream() {
        return senderStream;
    }

    public SenderKeys sender() {
        return sender;
    }

    public Address senderAddress() {
        return sender.address(senderVersion, senderStream);
    }

    public long encoding() {
        return encoding;
    }

    public byte[] message() {
        return message.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BroadcastContent b && Arrays.equals(b.write(), write());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(write());
    }
}
