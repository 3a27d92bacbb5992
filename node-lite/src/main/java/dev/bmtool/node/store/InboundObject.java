package dev.bmtool.node.store;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.wire.InventoryVector;

/**
 * An object on its way into the node, decoded and hashed once: the network builds it from the
 * packet payload, the node validates it, the store writes {@link #raw} under {@link #hash}.
 * The arrays are not copied: whoever builds one hands its bytes over and keeps no reference.
 *
 * @param object the decoded object
 * @param raw    its bytes, as received
 * @param hash   its inventory hash, dsha512(raw)[0:32]
 */
public record InboundObject(BitmessageObject object, byte[] raw, byte[] hash) {

    /**
     * Decodes and hashes object bytes, taking them over (the caller must not change them later).
     * Throws ProtocolException for bytes that are not an object.
     */
    public static InboundObject adopt(byte[] bytes) {
        return new InboundObject(BitmessageObject.read(bytes), bytes, PowMath.inventoryHash(bytes));
    }

    /** An object built here (local submit, tests). */
    public static InboundObject of(BitmessageObject o) {
        byte[] raw = o.write();
        return new InboundObject(o, raw, PowMath.inventoryHash(raw));
    }

    public InventoryVector inventoryVector() {
        return InventoryVector.of(hash);
    }
}
