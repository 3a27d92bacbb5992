package dev.bmtool.core.message;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import java.util.Arrays;

/**
 * The decrypted plaintext of a msg object (protocol brief 11.3): sender version, stream, keys,
 * difficulty (v3+), destination ripe, encoding, message, ack data, signature.
 */
public final class MsgContent {
    private final int senderVersion;
    private final long senderStream;
    private final SenderKeys sender;
    private final byte[] destinationRipe;
    private final long encoding;
    private final byte[] message;
    private final byte[] ackData;
    private final byte[] signature;
    private final byte[] signedPart;

    private MsgContent(int senderVersion, long senderStream, SenderKeys sender, byte[] destinationRipe,
            long encoding, byte[] message, byte[] ackData, byte[] signature, byte[] signedPart) {
        this.senderVersion = senderVersion;
        this.senderStream = senderStream;
        this.sender = sender;
        this.destinationRipe = destinationRipe;
        this.encoding = encoding;
        this.message = message;
        this.ackData = ackData;
        this.signature = signature;
        this.signedPart = signedPart;
    }

    /** An unsigned msg content (signature empty); sign it with {@link ObjectCrypto#encryptMsg}. */
    public static MsgContent of(int senderVersion, long senderStream, SenderKeys sender, byte[] destinationRipe,
            long encoding, byte[] message, byte[] ackData) {
        if (senderVersion < 2 || senderVersion > Address.MAX_VERSION) {
            throw new IllegalArgumentException("sender version must be 2..4");
        }
        if (destinationRipe.length != 20) {
            throw new IllegalArgumentException("destination ripe must be 20 bytes");
        }
        ByteWriter w = new ByteWriter(200 + message.length + ackData.length);
        w.writeVarInt(senderVersion).writeVarInt(senderStream);
        sender.write(w, senderVersion >= 3);
        w.writeBytes(destinationRipe).writeVarInt(encoding).writeVarBytes(message).writeVarBytes(ackData);
        return new MsgContent(senderVersion, senderStream, sender, destinationRipe.clone(), encoding,
                message.clone(), ackData.clone(), new byte[0], w.toByteArray());
    }

    /** Parses a decrypted plaintext; malformed input throws {@link ProtocolException}. */
    public static MsgContent read(byte[] plaintext) {
        ByteReader r = new ByteReader(plaintext);
        int version = SenderKeys.checkSenderVersion(r.readVarInt("sender address version"), 2);
        long stream = SenderKeys.checkStream(r.readVarInt("sender stream"));
        SenderKeys keys = SenderKeys.read(r, version >= 3);
        byte[] dest = r.readBytes(20, "destination ripe");
        long encoding = r.readVarInt("message encoding");
        byte[] message = r.readVarBytes(BitmessageObject.MAX_PAYLOAD_LENGTH, "message");
        byte[] ack = r.readVarBytes(BitmessageObject.MAX_PAYLOAD_LENGTH, "ack data");
        int signedEnd = r.position();
        byte[] sig = r.readVarBytes(BitmessageObject.MAX_PAYLOAD_LENGTH, "signature");
        // trailing bytes after the signature are ignored, as PyBitmessage does
        return new MsgContent(version, stream, keys, dest, encoding, message, ack, sig, r.slice(0, signedEnd));
    }

    /** The same content carrying a signature. */
    MsgContent withSignature(byte[] sig) {
        return new MsgContent(senderVersion, senderStream, sender, destinationRipe, encoding, message, ackData,
                sig.clone(), signedPart);
    }

    /** The full plaintext: signed part, then var_int length and signature. */
    public byte[] write() {
        return new ByteWriter(signedPart.length + signature.length + 3).writeBytes(signedPart)
                .writeVarBytes(signature).toByteArray();
    }

    /** Plaintext from the sender version through the ack data (what the signature covers after the header). */
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

    /** The sender's address, recomputed from the embedded keys. */
    public Address senderAddress() {
        return sender.address(senderVersion, senderStream);
    }

    public byte[] destinationRipe() {
        return destinationRipe.clone();
    }

    public long encoding() {
        return encoding;
    }

    public byte[] message() {
        return message.clone();
    }

    public byte[] ackData() {
        return ackData.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsgContent m && Arrays.equals(m.write(), write());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(write());
    }
}
