package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import java.util.Arrays;

/** A 32-byte inventory hash: dsha512(object bytes)[0:32]. */
public final class InventoryVector implements Comparable<InventoryVector> {
    public static final int LENGTH = 32;

    private final byte[] hash;

    private InventoryVector(byte[] hash) {
        this.hash = hash;
    }

    /** Wraps 32 bytes (copied). */
    public static InventoryVector of(byte[] hash) {
        if (hash.length != LENGTH) {
            throw new IllegalArgumentException("inventory vector must be 32 bytes, got " + hash.length);
        }
        return new InventoryVector(hash.clone());
    }

    public static InventoryVector fromHex(String hex) {
        return of(Hex.decode(hex));
    }

    /** The inventory hash of an object. */
    public static InventoryVector of(BitmessageObject object) {
        return new InventoryVector(PowMath.inventoryHash(object.write()));
    }

    public static InventoryVector read(ByteReader r) {
        return new InventoryVector(r.readBytes(LENGTH, "inventory vector"));
    }

    public byte[] bytes() {
        return hash.clone();
    }

    public String toHex() {
        return Hex.encode(hash);
    }

    @Override
    public int compareTo(InventoryVector o) {
        return Arrays.compareUnsigned(hash, o.hash);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InventoryVector v && Arrays.equals(v.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
