package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.Hex;
import java.util.Arrays;

/** A message with a command bmtool does not interpret (e.g. {@code portcheck}); payload kept raw. */
public final class UnknownMessage implements Message {
    private final String command;
    private final byte[] payload;

    private UnknownMessage(String command, byte[] payload) {
        this.command = command;
        this.payload = payload;
    }

    public static UnknownMessage of(String command, byte[] payload) {
        return new UnknownMessage(command, payload.clone());
    }

    @Override
    public String command() {
        return command;
    }

    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] write() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownMessage u && u.command.equals(command) && Arrays.equals(u.payload, payload);
    }

    @Override
    public int hashCode() {
        return command.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "UnknownMessage[" + command + ", " + (payload.length <= 32 ? Hex.encode(payload) : payload.length + " bytes") + "]";
    }
}
