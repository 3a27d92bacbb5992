package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code error} message: fatal (0 warning, 1 error, 2 fatal), ban time in seconds, an
 * inventory vector (var_str, usually empty) and an English text (var_str). The text is held
 * as ISO-8859-1 so that any byte sequence round-trips exactly.
 */
public final class ErrorMessage implements Message {
    public static final String COMMAND = "error";
    public static final long WARNING = 0;
    public static final long ERROR = 1;
    public static final long FATAL = 2;

    private final long fatal;
    private final long banTime;
    private final byte[] inventoryVector;
    private final String text;

    private ErrorMessage(long fatal, long banTime, byte[] inventoryVector, String text) {
        this.fatal = fatal;
        this.banTime = banTime;
        this.inventoryVector = inventoryVector;
        this.text = text;
    }

    /** @param text ISO-8859-1 characters only (plain ASCII in practice) */
    public static ErrorMessage of(long fatal, long banTime, byte[] inventoryVector, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("error text must be ISO-8859-1");
            }
        }
        return new ErrorMessage(fatal, banTime, inventoryVector.clone(), text);
    }

    /** A fatal error without ban time or inventory vector, as PyBitmessage sends on handshake rejection. */
    public static ErrorMessage fatal(String text) {
        return of(FATAL, 0, new byte[0], text);
    }

    public static ErrorMessage read(byte[] payload) {
        ByteReader r = new ByteReader(payload);
        long fatal = r.readVarInt("error fatal");
        long ban = r.readVarInt("error ban time");
        byte[] vector = r.readVarBytes(PacketHeader.MAX_MESSAGE_SIZE, "error inventory vector");
        byte[] text = r.readVarBytes(PacketHeader.MAX_MESSAGE_SIZE, "error text");
        r.expectEnd(COMMAND);
        return new ErrorMessage(fatal, ban, vector, new String(text, StandardCharsets.ISO_8859_1));
    }

    public long fatal() {
        return fatal;
    }

    /** Unsigned seconds. */
    public long banTime() {
        return banTime;
    }

    public byte[] inventoryVector() {
        return inventoryVector.clone();
    }

    public String text() {
        return text;
    }

    @Override
    public String command() {
        return COMMAND;
    }

    @Override
    public byte[] write() {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteWriter w = new ByteWriter(20 + inventoryVector.length + t.length);
        w.writeVarInt(fatal).writeVarInt(banTime).writeVarBytes(inventoryVector).writeVarBytes(t);
        return w.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorMessage e && e.fatal == fatal && e.banTime == banTime
                && Arrays.equals(e.inventoryVector, inventoryVector) && e.text.equals(text);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fatal) * 31 + text.hashCode();
    }

    @Override
    public String toString() {
        return "ErrorMessage[fatal=" + fatal + ", ban=" + Long.toUnsignedString(banTime) + ", vector="
                + Hex.encode(inventoryVector) + ", text=" + text + "]";
    }
}
