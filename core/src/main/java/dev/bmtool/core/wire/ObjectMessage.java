package dev.bmtool.core.wire;

import dev.bmtool.core.object.BitmessageObject;
import java.util.Objects;

/** The {@code object} message: one Bitmessage object, raw bytes kept. */
public record ObjectMessage(BitmessageObject object) implements Message {
    public static final String COMMAND = "object";

    public ObjectMessage {
        Objects.requireNonNull(object, "object");
    }

    public static ObjectMessage read(byte[] payload) {
        return new ObjectMessage(BitmessageObject.read(payload));
    }

    /** The object's inventory hash. */
    public InventoryVector inventoryVector() {
        return InventoryVector.of(object);
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public byte[] write() {
        return object.write();
    }
}
