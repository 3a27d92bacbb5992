package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.ProtocolException;

/** The {@code ping} message: an empty payload. */
public record Ping() implements Message {
    public static final String COMMAND = "ping";
    private static final byte[] EMPTY = new byte[0];

    /** Decodes the payload, which must be empty. */
    public static Ping read(byte[] payload) {
        if (payload.length != 0) {
            throw new ProtocolException.BadValue("ping payload must be empty, got " + payload.length + " bytes");
        }
        return new Ping();
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public byte[] write() {
        return EMPTY.clone();
    }
}
