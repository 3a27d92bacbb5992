package dev.bmtool.core.wire;

import java.util.List;

/** The {@code dinv} message: announces objects in the Dandelion stem phase (same layout as inv). At most 50 000 hashes. */
public record Dinv(List<InventoryVector> hashes) implements Message {
    public static final String COMMAND = "dinv";
    public static final int MAX_COUNT = InventoryList.MAX_COUNT;

    public Dinv {
        hashes = InventoryList.check(hashes, COMMAND);
    }

    public static Dinv of(InventoryVector... hashes) {
        return new Dinv(List.of(hashes));
    }

    public static Dinv read(byte[] payload) {
        return new Dinv(InventoryList.read(payload, COMMAND));
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public byte[] write() {
        return InventoryList.write(hashes);
    }
}
