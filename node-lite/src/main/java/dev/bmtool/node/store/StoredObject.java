package dev.bmtool.node.store;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.object.ObjectPayloads;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored object's index entry; {@code raw} is null in listings that leave the bytes out.
 *
 * @param seq      insertion order, increasing (used to stream new objects)
 * @param tag      the 32-byte tag of v4 getpubkey/pubkey and v5 broadcast, else null
 * @param received UNIX seconds when this node stored it
 */
public record StoredObject(long seq, byte[] hash, long type, long version, long stream, long expires, byte[] tag,
        int length, long received, byte[] raw) {

    public String hashHex() {
        return Hex.encode(hash);
    }

    public BitmessageObject object() {
        if (raw == null) {
            throw new IllegalStateException("listing entry without object bytes");
        }
        return BitmessageObject.read(raw);
    }

    /** JSON-ready view; includes the hex bytes when {@code withRaw}. */
    public Map<String, Object> toJson(boolean withRaw) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hash", hashHex());
        m.put("type", type);
        m.put("typeName", typeName(type));
        m.put("version", version);
        m.put("stream", stream);
        m.put("expires", expires);
        m.put("tag", tag == null ? null : Hex.encode(tag));
        m.put("length", length);
        m.put("received", received);
        m.put("seq", seq);
        if (withRaw && raw != null) {
            m.put("hex", Hex.encode(raw));
        }
        return m;
    }

    /** Human name of an object type ("getpubkey", ... or the number). */
    public static String typeName(long type) {
        String name = ObjectPayloads.typeName(type);
        return name.equals("unknown") ? Long.toUnsignedString(type) : name;
    }

    /** Parses a type given by name or number. */
    public static long parseType(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "getpubkey" -> BitmessageObject.TYPE_GETPUBKEY;
            case "pubkey" -> BitmessageObject.TYPE_PUBKEY;
            case "msg" -> BitmessageObject.TYPE_MSG;
            case "broadcast" -> BitmessageObject.TYPE_BROADCAST;
            case "onionpeer" -> BitmessageObject.TYPE_ONIONPEER;
            default -> {
                try {
                    long v = Long.parseLong(s);
                    if (v < 0 || v > 0xFFFFFFFFL) {
                        throw new IllegalArgumentException("object type out of range: " + s);
                    }
                    yield v;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "unknown object type '" + s + "' (getpubkey, pubkey, msg, broadcast, onionpeer or a number)");
                }
            }
        };
    }
}
