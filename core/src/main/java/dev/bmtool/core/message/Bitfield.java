package dev.bmtool.core.message;

/** Behaviour bitfield values (protocol brief 11; bits counted from the most significant). */
public final class Bitfield {
    /** Bit 31: the address sends acknowledgements. Set by PyBitmessage unless dontsendack. */
    public static final int DOES_ACK = 0x00000001;
    /** Bit 30: the destination ripe is included (mobile proposal). */
    public static final int INCLUDE_DESTINATION = 0x00000002;

    private Bitfield() {
    }

    public static boolean doesAck(int bitfield) {
        return (bitfield & DOES_ACK) != 0;
    }
}
