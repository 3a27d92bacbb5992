package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.ProtocolException;

/** The {@code pong} message: an empty payload. */
public record Pong() implements Message {
    public static final String COMMAND = "pong";
    private static final byte[] EMPTY = new byte[0];

    /** Decodes the payload, which must be empty. */
    public static Pong read(byte[] payload) {
        if (payload.length != 0) {
            throw new ProtocolException.BadValue("pong payload must be empty, got " + payload.length + " bytes");
        }
        return new Pong();
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
