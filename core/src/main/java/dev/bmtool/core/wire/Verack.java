package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.ProtocolException;

/** The {@code verack} message: an empty payload. */
public record Verack() implements Message {
    public static final String COMMAND = "verack";
    private static final byte[] EMPTY = new byte[0];

    /** Decodes the payload, which must be empty. */
    public static Verack read(byte[] payload) {
        if (payload.length != 0) {
            throw new ProtocolException.BadValue("verack payload must be empty, got " + payload.length + " bytes");
        }
        return new Verack();
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
