package dev.bmtool.node;

import dev.bmtool.core.encoding.Hex;

/**
 * The outcome of offering an object to the node.
 *
 * @param hash      its inventory hash
 * @param stored    held by the node now (new or already)
 * @param isNew     stored by this offer
 * @param rejection why it was refused, or null
 */
public record Offer(byte[] hash, boolean stored, boolean isNew, String rejection) {
    public String hashHex() {
        return Hex.encode(hash);
    }
}
