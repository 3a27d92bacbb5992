package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The 24-byte packet header: magic, 12-byte NUL-padded command, uint32 payload length and
 * checksum = sha512(payload)[0:4]. Decoded on its own so that a socket reader can check the
 * length against {@link #MAX_MESSAGE_SIZE} before it reads (or allocates) the payload.
 */
public final class PacketHeader {
    /** Network magic E9BEB4D9. */
    public static final int MAGIC = 0xE9BEB4D9;
    /** Header length in bytes. */
    public static final int LENGTH = 24;
    /** Command field width. */
    public static final int COMMAND_LENGTH = 12;
    /** Largest payload accepted (PyBitmessage's MAX_MESSAGE_SIZE). */
    public static final int MAX_MESSAGE_SIZE = 1_600_100;

    private final String command;
    private final int payloadLength;
    private final byte[] checksum;

    private PacketHeader(String command, int payloadLength, byte[] checksum) {
        this.command = command;
        this.payloadLength = payloadLength;
        this.checksum = checksum;
    }

    /** The header for {@code payload} sent as {@code command}. */
    public static PacketHeader forPayload(String command, byte[] payload) {
        checkCommand(command);
        if (payload.length > MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + MAX_MESSAGE_SIZE);
        }
        return new PacketHeader(command, payload.length, checksum(payload));
    }

    /** Builds a header from its fields (checksum must be 4 bytes). */
    public static PacketHeader of(String command, int payloadLength, byte[] checksum) {
        checkCommand(command);
        if (payloadLength < 0 || payloadLength > MAX_MESSAGE_SIZE) {
            throw new IllegalArgumentException("bad payload length " + payloadLength);
        }
        if (checksum.length != 4) {
            throw new IllegalArgumentException("checksum must be 4 bytes");
        }
        return new PacketHeader(command, payloadLength, checksum.clone());
    }

    private static void checkCommand(String command) {
        if (command.isEmpty() || command.length() > COMMAND_LENGTH) {
            throw new IllegalArgumentException("command must be 1..12 characters: '" + command + "'");
        }
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("command must be printable ASCII: '" + command + "'");
            }
        }
    }

    /** Decodes exactly 24 bytes. */
    public static PacketHeader read(byte[] bytes) {
        return read(bytes, 0);
    }

    /**
     * Decodes the 24 bytes at {@code offset}: wrong magic, a malformed command or a length
     * above {@link #MAX_MESSAGE_SIZE} are rejected here, before any payload is read.
     */
    public static PacketHeader read(byte[] bytes, int offset) {
        if (offset < 0 || offset > bytes.length) {
            throw new IllegalArgumentException("bad offset");
        }
        ByteReader r = new ByteReader(bytes, offset, Math.min(LENGTH, bytes.length - offset));
        int magic = r.readInt32("packet magic");
        byte[] cmd = r.readBytes(COMMAND_LENGTH, "packet command");
        long length = r.readUInt32("packet length");
        byte[] checksum = r.readBytes(4, "packet checksum");
        if (magic != MAGIC) {
            throw new ProtocolException.BadValue("bad magic " + String.format("%08x", magic));
        }
        String command = decodeCommand(cmd);
        if (length > MAX_MESSAGE_SIZE) {
            throw new ProtocolException.Oversized(
                    "packet payload of " + length + " bytes exceeds " + MAX_MESSAGE_SIZE);
        }
        return new PacketHeader(command, (int) length, checksum);
    }

    private static String decodeCommand(byte[] cmd) {
        int end = 0;
        while (end < cmd.length && cmd[end] != 0) {
            int c = cmd[end] & 0xFF;
            if (c < 0x20 || c > 0x7E) {
                throw new ProtocolException.BadValue("non-printable byte " + c + " in packet command");
            }
            end++;
        }
        if (end == 0) {
            throw new ProtocolException.BadValue("empty packet command");
        }
        for (int i = end; i < cmd.length; i++) {
            if (cmd[i] != 0) {
                throw new ProtocolException.BadValue("packet command padding is not all NUL");
            }
        }
        return new String(cmd, 0, end, StandardCharsets.US_ASCII);
    }

    /** sha512(payload)[0:4]. */
    public static byte[] checksum(byte[] payload) {
        return checksum(payload, 0, payload.length);
    }

    public static byte[] checksum(byte[] buf, int offset, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            md.update(buf, offset, length);
            return Arrays.copyOf(md.digest(), 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 missing from the JDK", e);
        }
    }

    /** Checks that {@code payload} matches this header's length and checksum. */
    public void verify(byte[] payload) {
        verify(payload, 0, payload.length);
    }

    public void verify(byte[] buf, int offset, int length) {
        if (length != payloadLength) {
            throw new ProtocolException.BadValue(
                    "payload is " + length + " bytes, header says " + payloadLength);
        }
        byte[] actual = checksum(buf, offset, length);
        if (!MessageDigest.isEqual(actual, checksum)) {
            throw new ProtocolException.BadChecksum("bad packet checksum for '" + command + "': header "
                    + Hex.encode(checksum) + ", payload " + Hex.encode(actual));
        }
    }

    public String command() {
        return command;
    }

    public int payloadLength() {
        return payloadLength;
    }

    public byte[] checksum() {
        return checksum.clone();
    }

    public byte[] write() {
        ByteWriter w = new ByteWriter(LENGTH);
        w.writeUInt32(MAGIC & 0xFFFFFFFFL);
        byte[] cmd = Arrays.copyOf(command.getBytes(StandardCharsets.US_ASCII), COMMAND_LENGTH);
        w.writeBytes(cmd).writeUInt32(payloadLength).writeBytes(checksum);
        return w.toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketHeader h && h.command.equals(command) && h.payloadLength == payloadLength
                && Arrays.equals(h.checksum, checksum);
    }

    @Override
    public int hashCode() {
        return command.hashCode() * 31 + payloadLength;
    }

    @Override
    public String toString() {
        return "PacketHeader[" + command + ", length=" + payloadLength + ", checksum=" + Hex.encode(checksum) + "]";
    }
}
