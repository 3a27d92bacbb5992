package dev.bmtool.core.wire;

import dev.bmtool.core.encoding.ProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * One framed packet: a command and its raw payload. {@link #read(byte[])} decodes a complete
 * packet from bytes; {@link #read(InputStream)} reads one from a stream, checking the header
 * (magic, command, length limit) before the payload is read.
 */
public final class Packet {
    private final String command;
    private final byte[] payload;

    private Packet(String command, byte[] payload) {
        this.command = command;
        this.payload = payload;
    }

    /** A packet carrying {@code payload} (copied). */
    public static Packet of(String command, byte[] payload) {
        PacketHeader.forPayload(command, payload); // validates command and size
        return new Packet(command, payload.clone());
    }

    /** The packet that carries {@code message}. */
    public static Packet of(Message message) {
        return of(message.command(), message.write());
    }

    /** Joins a decoded header with its payload, verifying length and checksum. */
    public static Packet of(PacketHeader header, byte[] payload) {
        header.verify(payload);
        return new Packet(header.command(), payload.clone());
    }

    /** Decodes exactly one complete packet; trailing bytes are rejected. */
    public static Packet read(byte[] bytes) {
        PacketHeader h = PacketHeader.read(bytes, 0);
        int available = bytes.length - PacketHeader.LENGTH;
        if (available < h.payloadLength()) {
            throw new ProtocolException.Truncated("truncated packet payload: need " + h.payloadLength()
                    + " bytes, " + available + " left");
        }
        if (available > h.payloadLength()) {
            throw new ProtocolException.BadValue(
                    "packet: " + (available - h.payloadLength()) + " unexpected trailing bytes");
        }
        h.verify(bytes, PacketHeader.LENGTH, h.payloadLength());
        return new Packet(h.command(), Arrays.copyOfRange(bytes, PacketHeader.LENGTH, bytes.length));
    }

    /**
     * Reads one packet from a stream. Returns only a verified packet; a malformed header or bad
     * checksum throws {@link ProtocolException} (the caller should close the connection).
     *
     * @throws EOFException if the stream ends, before or inside a packet
     */
    public static Packet read(InputStream in) throws IOException {
        byte[] hb = in.readNBytes(PacketHeader.LENGTH);
        if (hb.length < PacketHeader.LENGTH) {
            throw new EOFException(hb.length == 0 ? "end of stream" : "end of stream inside a packet header");
        }
        PacketHeader h = PacketHeader.read(hb);
        byte[] payload = in.readNBytes(h.payloadLength());
        if (payload.length < h.payloadLength()) {
            throw new EOFException("end of stream inside a packet payload");
        }
        h.verify(payload);
        return new Packet(h.command(), payload);
    }

    public String command() {
        return command;
    }

    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    public PacketHeader header() {
        return PacketHeader.forPayload(command, payload);
    }

    /** Decodes the payload into its typed message ({@link UnknownMessage} for other commands). */
    public Message decode() {
        return Messages.decode(command, payload);
    }

    /** Header and payload. */
    public byte[] write() {
        byte[] h = header().write();
        byte[] out = Arrays.copyOf(h, h.length + payload.length);
        System.arraycopy(payload, 0, out, h.length, payload.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Packet p && p.command.equals(command) && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return command.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Packet[" + command + ", " + payload.length + " bytes]";
    }
}
