package dev.bmtool.core.wire;

import java.util.List;

/** The {@code getdata} message: requests objects by inventory hash. At most 50 000 hashes. */
public record GetData(List<InventoryVector> hashes) implements Message {
    public static final String COMMAND = "getdata";
    public static final int MAX_COUNT = InventoryList.MAX_COUNT;

    public GetData {
        hashes = InventoryList.check(hashes, COMMAND);
    }

    public static GetData of(InventoryVector... hashes) {
        return new GetData(List.of(hashes));
    }

    public static GetData read(byte[] payload) {
        return new GetData(InventoryList.read(payload, COMMAND));
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
