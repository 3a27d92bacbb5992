package dev.bmtool.core.object;

/**
 * The typed view of an object's payload (the bytes after the stream var_int). Decoding is
 * strict: a payload that does not fit its type's layout throws
 * {@link dev.bmtool.core.encoding.ProtocolException}; types and versions bmtool does not know
 * decode to {@link UnknownPayload}. Such objects must still be stored and relayed when their
 * PoW and TTL are valid, so decode failures do not make an object invalid on the network.
 */
public sealed interface ObjectPayload
        permits GetPubkeyPayload, PubkeyPayload, MsgPayload, BroadcastPayload, OnionPeerPayload, UnknownPayload {

    /** Object type this payload belongs to. */
    long objectType();

    /** Object version. */
    long version();

    /** The objectPayload bytes, exactly as they were (or will be) on the wire. */
    byte[] write();

    /** A short lowercase name: getpubkey, pubkey, msg, broadcast, onionpeer or unknown. */
    default String typeName() {
        return ObjectPayloads.typeName(objectType());
    }

    /** Decodes {@code object}'s payload according to its type and version. */
    static ObjectPayload decode(BitmessageObject object) {
        return ObjectPayloads.decode(object);
    }
}
