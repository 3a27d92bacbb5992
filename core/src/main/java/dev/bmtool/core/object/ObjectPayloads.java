package dev.bmtool.core.object;

/** Type dispatch for {@link ObjectPayload#decode}. */
public final class ObjectPayloads {
    private ObjectPayloads() {
    }

    /** Decodes the payload of {@code object}; throws only ProtocolException. */
    public static ObjectPayload decode(BitmessageObject object) {
        return decode(object.objectType(), object.version(), object.objectPayload());
    }

    public static ObjectPayload decode(long objectType, long version, byte[] payload) {
        if (objectType == BitmessageObject.TYPE_GETPUBKEY && version >= 2 && version <= 4) {
            return GetPubkeyPayload.read(version, payload);
        }
        if (objectType == BitmessageObject.TYPE_PUBKEY && version >= 2 && version <= 4) {
            return PubkeyPayload.read(version, payload);
        }
        if (objectType == BitmessageObject.TYPE_MSG && version == 1) {
            return MsgPayload.read(payload);
        }
        if (objectType == BitmessageObject.TYPE_BROADCAST && (version == 4 || version == 5)) {
            return BroadcastPayload.read(version, payload);
        }
        if (objectType == BitmessageObject.TYPE_ONIONPEER && (version == 2 || version == 3)) {
            return OnionPeerPayload.read(version, payload);
        }
        return UnknownPayload.of(objectType, version, payload);
    }

    /** getpubkey, pubkey, msg, broadcast, onionpeer, or "unknown". */
    public static String typeName(long objectType) {
        if (objectType == BitmessageObject.TYPE_GETPUBKEY) {
            return "getpubkey";
        } else if (objectType == BitmessageObject.TYPE_PUBKEY) {
            return "pubkey";
        } else if (objectType == BitmessageObject.TYPE_MSG) {
            return "msg";
        } else if (objectType == BitmessageObject.TYPE_BROADCAST) {
            return "broadcast";
        } else if (objectType == BitmessageObject.TYPE_ONIONPEER) {
            return "onionpeer";
        }
        return "unknown";
    }
}
