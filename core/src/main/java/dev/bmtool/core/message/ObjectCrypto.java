package dev.bmtool.core.message;

import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.crypto.Ecdsa;
import dev.bmtool.core.crypto.Ecies;
import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.crypto.PublicKey;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import java.util.Arrays;

/**
 * Decrypt+verify and sign+encrypt of msg, broadcast and pubkey objects (protocol brief 9-11).
 * Decryption failures are {@link dev.bmtool.core.crypto.DecryptionException}s, malformed
 * plaintexts {@link ProtocolException}s; a bad signature is reported, not thrown, so callers
 * can show what they got. Built objects carry nonce 0: proof of work is done elsewhere.
 */
public final class ObjectCrypto {
    /** Tag length (v4 pubkey, v5 broadcast). */
    public static final int TAG_LENGTH = 32;

    private ObjectCrypto() {
    }

    /**
     * A decrypted msg.
     *
     * @param content        the plaintext fields
     * @param sender         sender address recomputed from the embedded keys
     * @param signatureValid the signature verifies (SHA-1 or SHA-256)
     */
    public record DecryptedMsg(MsgContent content, Address sender, boolean signatureValid) {
        /** The destination ripe equals {@code ripe} (surreptitious forwarding check). */
        public boolean isFor(byte[] ripe) {
            return Arrays.equals(content.destinationRipe(), ripe);
        }
    }

    /**
     * A decrypted broadcast.
     *
     * @param content        plaintext fields
     * @param sender         sender address recomputed from the embedded keys
     * @param signatureValid the signature verifies
     * @param senderMatches  the sender's keys fit the object: v4 - the sender's broadcast key is
     *                       the one that decrypted it; v5 - the sender's tag equals the cleartext
     *                       tag; and the sender stream equals the object stream
     */
    public record DecryptedBroadcast(BroadcastContent content, Address sender, boolean signatureValid,
            boolean senderMatches) {
    }

    /**
     * A pubkey (decrypted if v4).
     *
     * @param content        the field list
     * @param address        address of the keys (object version and stream)
     * @param signatureValid the signature verifies (true for unsigned v2 pubkeys)
     * @param addressMatches v4: the keys' tag equals the cleartext tag; with an expected address:
     *                       the keys hash to it
     */
    public record DecryptedPubkey(PubkeyContent content, Address address, boolean signatureValid,
            boolean addressMatches) {
    }

    // ------------------------------------------------------------------ msg

    /** Decrypts a msg object with a private encryption key and verifies its signature. */
    public static DecryptedMsg decryptMsg(BitmessageObject obj, PrivateKey encryptionKey) {
        requireType(obj, BitmessageObject.TYPE_MSG, "msg");
        byte[] plain = Ecies.decrypt(encryptionKey, obj.objectPayload());
        MsgContent c = MsgContent.read(plain);
        byte[] signed = concat(msgHeader(obj.expiresTime(), obj.stream()), c.signedPart());
        boolean ok = Ecdsa.verify(c.sender().signingKey(), signed, c.signature());
        return new DecryptedMsg(c, c.senderAddress(), ok);
    }

    /** A msg decrypted by one of several identities. */
    public record ReceivedMsg(Identity recipient, DecryptedMsg msg) {
        /** Signature valid and the destination ripe is the recipient's (forwarding defence). */
        public boolean accepted() {
            return msg.signatureValid() && msg.isFor(recipient.address().ripe());
        }
    }

    /**
     * Tries every identity's encryption key, as PyBitmessage does; keeps trying after a success so
     * the time taken does not reveal which identity (if any) the msg was for.
     *
     * @return the first identity that decrypts it, or empty
     */
    public static java.util.Optional<ReceivedMsg> tryDecryptMsg(BitmessageObject obj, Iterable<Identity> identities) {
        ReceivedMsg found = null;
        for (Identity id : identities) {
            try {
                DecryptedMsg d = decryptMsg(obj, id.encryptionKey());
                if (found == null) {
                    found = new ReceivedMsg(id, d);
                }
            } catch (ProtocolException e) {
                // not for this identity (or malformed once decrypted)
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /**
     * Signs {@code content} with the sender's signing key and encrypts it to the recipient's
     * public encryption key: a msg object (version 1) in the recipient's stream, nonce 0.
     */
    public static BitmessageObject encryptMsg(MsgContent content, PrivateKey signingKey, PublicKey recipientEncryptionKey,
            long expiresTime, long stream) {
        byte[] header = msgHeader(expiresTime, stream);
        byte[] sig = Ecdsa.sign(signingKey, concat(header, content.signedPart()));
        byte[] blob = Ecies.encrypt(recipientEncryptionKey, content.withSignature(sig).write());
        return BitmessageObject.of(0, expiresTime, BitmessageObject.TYPE_MSG, 1, stream, blob);
    }

    /**
     * Convenience: a msg from {@code sender} to {@code recipient} whose public encryption key is
     * known; bitfield does_ack, the sender's own difficulty.
     */
    public static BitmessageObject encryptMsg(Identity sender, Address recipient, PublicKey recipientEncryptionKey,
            long encoding, byte[] message, byte[] ackData, long expiresTime) {
        MsgContent c = MsgContent.of(sender.address().version(), sender.address().stream(), senderKeys(sender),
                recipient.ripe(), encoding, message, ackData);
        return encryptMsg(c, sender.signingKey(), recipientEncryptionKey, expiresTime, recipient.stream());
    }

    /** The header a msg receiver rebuilds: expiresTime || type 2 || var_int(1) || var_int(stream). */
    private static byte[] msgHeader(long expiresTime, long stream) {
        return header(expiresTime, BitmessageObject.TYPE_MSG, 1, stream);
    }

    // ------------------------------------------------------------ broadcast

    /**
     * Decrypts a broadcast (object version 4 or 5) with a private key (the sender address's
     * broadcast key) and verifies it.
     */
    public static DecryptedBroadcast decryptBroadcast(BitmessageObject obj, PrivateKey key) {
        requireType(obj, BitmessageObject.TYPE_BROADCAST, "broadcast");
        byte[] payload = obj.objectPayload();
        byte[] tag = null;
        byte[] blob;
        if (obj.version() == 4) {
            blob = payload;
        } else if (obj.version() == 5) {
            if (payload.length < TAG_LENGTH) {
                throw new ProtocolException.Truncated("broadcast v5 shorter than its tag");
            }
            tag = Arrays.copyOf(payload, TAG_LENGTH);
            blob = Arrays.copyOfRange(payload, TAG_LENGTH, payload.length);
        } else {
            throw new ProtocolException.BadValue("unsupported broadcast version " + obj.version());
        }
        BroadcastContent c = BroadcastContent.read(Ecies.decrypt(key, blob));
        byte[] signed = tag == null ? concat(obj.signedHeader(), c.signedPart())
                : concat(obj.signedHeader(), tag, c.signedPart());
        boolean ok = Ecdsa.verify(c.sender().signingKey(), signed, c.signature());
        Address sender = c.senderAddress();
        boolean matches = c.senderStream() == obj.stream();
        if (tag == null) {
            matches &= sender.version() <= 3 && sender.broadcastKey().equals(key);
        } else {
            matches &= sender.version() >= 4 && Arrays.equals(sender.tag(), tag);
        }
        return new DecryptedBroadcast(c, sender, ok, matches);
    }

    /** Decrypts a broadcast from a subscribed address; senderMatches also requires that sender. */
    public static DecryptedBroadcast decryptBroadcast(BitmessageObject obj, Address from) {
        if (obj.version() == 5 && obj.objectPayload().length >= TAG_LENGTH
                && !Arrays.equals(Arrays.copyOf(obj.objectPayload(), TAG_LENGTH), from.tag())) {
            throw new ProtocolException.BadValue("broadcast tag does not belong to " + from);
        }
        DecryptedBroadcast d = decryptBroadcast(obj, from.broadcastKey());
        return new DecryptedBroadcast(d.content(), d.sender(), d.signatureValid(),
                d.senderMatches() && d.sender().equals(from));
    }

    /**
     * Signs and encrypts a broadcast from {@code sender}: object version 4 (v2/v3 address) or 5
     * (v4 address, with tag), nonce 0.
     */
    public static BitmessageObject encryptBroadcast(Identity sender, long encoding, byte[] message, long expiresTime) {
        Address a = sender.address();
        BroadcastContent c = BroadcastContent.of(a.version(), a.stream(), senderKeys(sender), encoding, message);
        int objVersion = a.broadcastObjectVersion();
        byte[] header = header(expiresTime, BitmessageObject.TYPE_BROADCAST, objVersion, a.stream());
        byte[] tag = objVersion == 5 ? a.tag() : new byte[0];
        byte[] sig = Ecdsa.sign(sender.signingKey(), concat(header, tag, c.signedPart()));
        byte[] blob = Ecies.encrypt(a.broadcastKey().publicKey(), c.withSignature(sig).write());
        return BitmessageObject.of(0, expiresTime, BitmessageObject.TYPE_BROADCAST, objVersion, a.stream(),
                concat(tag, blob));
    }

    // --------------------------------------------------------------- pubkey

    /**
     * Reads a pubkey object of version 2 or 3 (cleartext) or 4 (decrypted with the key derived
     * from {@code address}); checks the tag (v4) and that the keys hash to {@code address}.
     */
    public static DecryptedPubkey decryptPubkey(BitmessageObject obj, Address address) {
        requireType(obj, BitmessageObject.TYPE_PUBKEY, "pubkey");
        if (obj.version() == 4) {
            byte[] payload = obj.objectPayload();
            if (payload.length < TAG_LENGTH) {
                throw new ProtocolException.Truncated("pubkey v4 shorter than its tag");
            }
            if (!Arrays.equals(Arrays.copyOf(payload, TAG_LENGTH), address.tag())) {
                throw new ProtocolException.BadValue("pubkey tag does not belong to " + address);
            }
            DecryptedPubkey d = decryptPubkey(obj, address.addressKey());
            return new DecryptedPubkey(d.content(), d.address(), d.signatureValid(),
                    d.addressMatches() && d.address().equals(address));
        }
        DecryptedPubkey d = readPubkey(obj);
        return new DecryptedPubkey(d.content(), d.address(), d.signatureValid(), d.address().equals(address));
    }

    /** A v4 pubkey decrypted with the address-derived private key (e.g. given as WIF). */
    public static DecryptedPubkey decryptPubkey(BitmessageObject obj, PrivateKey addressKey) {
        requireType(obj, BitmessageObject.TYPE_PUBKEY, "pubkey");
        if (obj.version() != 4) {
            throw new ProtocolException.BadValue("only pubkey version 4 is encrypted, this is version "
                    + obj.version());
        }
        byte[] payload = obj.objectPayload();
        if (payload.length < TAG_LENGTH) {
            throw new ProtocolException.Truncated("pubkey v4 shorter than its tag");
        }
        byte[] tag = Arrays.copyOf(payload, TAG_LENGTH);
        byte[] plain = Ecies.decrypt(addressKey, Arrays.copyOfRange(payload, TAG_LENGTH, payload.length));
        PubkeyContent c = PubkeyContent.read(plain, 4);
        Address a = c.keys().address(4, obj.stream());
        boolean ok = Ecdsa.verify(c.keys().signingKey(), concat(obj.signedHeader(), tag, c.signedPart()),
                c.signature());
        return new DecryptedPubkey(c, a, ok, Arrays.equals(a.tag(), tag));
    }

    /** A cleartext pubkey object (version 2 or 3). */
    public static DecryptedPubkey readPubkey(BitmessageObject obj) {
        requireType(obj, BitmessageObject.TYPE_PUBKEY, "pubkey");
        if (obj.version() != 2 && obj.version() != 3) {
            throw new ProtocolException.BadValue("pubkey version " + obj.version() + " is not cleartext");
        }
        int v = (int) obj.version();
        PubkeyContent c = PubkeyContent.read(obj.objectPayload(), v);
        Address a = c.keys().address(v, obj.stream());
        boolean ok = v == 2 || Ecdsa.verify(c.keys().signingKey(), concat(obj.signedHeader(), c.signedPart()),
                c.signature());
        return new DecryptedPubkey(c, a, ok, true);
    }

    /** A signed, encrypted v4 pubkey object for a v4 identity, nonce 0. */
    public static BitmessageObject encryptPubkey(Identity identity, long expiresTime) {
        Address a = identity.address();
        if (a.version() != 4) {
            throw new IllegalArgumentException("encrypted pubkeys are for v4 addresses only");
        }
        PubkeyContent c = PubkeyContent.of(senderKeys(identity));
        byte[] header = header(expiresTime, BitmessageObject.TYPE_PUBKEY, 4, a.stream());
        byte[] tag = a.tag();
        byte[] sig = Ecdsa.sign(identity.signingKey(), concat(header, tag, c.signedPart()));
        byte[] blob = Ecies.encrypt(a.addressKey().publicKey(), c.withSignature(sig).write());
        return BitmessageObject.of(0, expiresTime, BitmessageObject.TYPE_PUBKEY, 4, a.stream(), concat(tag, blob));
    }

    /** A signed cleartext v3 pubkey object for a v3 identity, nonce 0. */
    public static BitmessageObject signPubkeyV3(Identity identity, long expiresTime) {
        Address a = identity.address();
        if (a.version() != 3) {
            throw new IllegalArgumentException("v3 pubkeys are for v3 addresses");
        }
        PubkeyContent c = PubkeyContent.of(senderKeys(identity));
        byte[] header = header(expiresTime, BitmessageObject.TYPE_PUBKEY, 3, a.stream());
        byte[] sig = Ecdsa.sign(identity.signingKey(), concat(header, c.signedPart()));
        return BitmessageObject.of(0, expiresTime, BitmessageObject.TYPE_PUBKEY, 3, a.stream(),
                c.withSignature(sig).write());
    }

    // ------------------------------------------------------------ getpubkey

    /**
     * A getpubkey object for {@code target} (brief 11.1): object version = address version,
     * payload the full ripe (v2/v3) or the tag (v4); nonce 0. Not signed or encrypted.
     */
    public static BitmessageObject buildGetpubkey(Address target, long expiresTime) {
        byte[] payload = target.version() >= 4 ? target.tag() : target.ripe();
        return BitmessageObject.of(0, expiresTime, BitmessageObject.TYPE_GETPUBKEY, target.version(), target.stream(),
                payload);
    }

    // -------------------------------------------------------------- helpers

    /** The sender data of one of our identities: does_ack (unless dontsendack) and its own difficulty. */
    public static SenderKeys senderKeys(Identity id) {
        return new SenderKeys(id.sendsAcks() ? Bitfield.DOES_ACK : 0, id.publicSigningKey(), id.publicEncryptionKey(),
                id.nonceTrialsPerByte(), id.payloadLengthExtraBytes());
    }

    /** expiresTime || objectType || var_int(version) || var_int(stream). */
    public static byte[] header(long expiresTime, long type, long version, long stream) {
        return new ByteWriter(30).writeInt64(expiresTime).writeUInt32(type).writeVarInt(version).writeVarInt(stream)
                .toByteArray();
    }

    private static void requireType(BitmessageObject obj, long type, String name) {
        if (obj.objectType() != type) {
            throw new ProtocolException.BadValue("not a " + name + " object (type "
                    + Long.toUnsignedString(obj.objectType()) + ")");
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
