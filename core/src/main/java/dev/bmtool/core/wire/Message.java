package dev.bmtool.core.wire;

/** A decoded packet payload. Every implementation has a static {@code read(byte[] payload)}. */
public sealed interface Message
        permits Version, Verack, Addr, Inv, GetData, Dinv, ObjectMessage, Ping, Pong, ErrorMessage, UnknownMessage {

    /** The packet command ({@code version}, {@code inv}, ...). */
    String command();

    /** The payload bytes (without the packet header). */
    byte[] write();

    /** The whole packet carrying this message. */
    default Packet toPacket() {
        return Packet.of(this);
    }
}
