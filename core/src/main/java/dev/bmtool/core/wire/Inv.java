package dev.bmtool.core.wire;

import java.util.List;

/** The {@code inv} message: announces objects by inventory hash. At most 50 000 hashes. */
public record Inv(List<InventoryVector> hashes) implements Message {
    public static final String COMMAND = "inv";
    public static final int MAX_COUNT = InventoryList.MAX_COUNT;

    public Inv {
        hashes = InventoryList.check(hashes, COMMAND);
    }

    public static Inv of(InventoryVector... hashes) {
        return new Inv(List.of(hashes));
    }

    public static Inv read(byte[] payload) {
        return new Inv(InventoryList.read(payload, COMMAND));
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
