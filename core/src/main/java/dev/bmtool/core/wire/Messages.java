package dev.bmtool.core.wire;

/** Dispatch from a packet command to its message decoder. */
public final class Messages {
    private Messages() {
    }

    /**
     * Decodes {@code payload} according to {@code command}; commands bmtool does not know are
     * returned as {@link UnknownMessage} (the protocol says to ignore them). Throws only
     * {@link dev.bmtool.core.encoding.ProtocolException}.
     */
    public static Message decode(String command, byte[] payload) {
        return switch (command) {
            case Version.COMMAND -> Version.read(payload);
            case Verack.COMMAND -> Verack.read(payload);
            case Addr.COMMAND -> Addr.read(payload);
            case Inv.COMMAND -> Inv.read(payload);
            case GetData.COMMAND -> GetData.read(payload);
            case Dinv.COMMAND -> Dinv.read(payload);
            case ObjectMessage.COMMAND -> ObjectMessage.read(payload);
            case Ping.COMMAND -> Ping.read(payload);
            case Pong.COMMAND -> Pong.read(payload);
            case ErrorMessage.COMMAND -> ErrorMessage.read(payload);
            default -> UnknownMessage.of(command, payload);
        };
    }

    /** Decodes a whole packet. */
    public static Message decode(Packet packet) {
        return packet.decode();
    }
}
