package dev.bmtool.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PacketTest {
    private static final String VERACK = "e9beb4d976657261636b00000000000000000000cf83e135";
    private static final String INV = "e9beb4d9696e760000000000000000000000002145b015d201"
            + "c56fc35a76b68795e8bfcbf11826a45c96739cd1f4e7ef095f57c61a62904ded";

    @Test
    void verackIsByteExact() {
        Packet p = Packet.of(new Verack());
        assertEquals(VERACK, Hex.encode(p.write()));
        Packet back = Packet.read(Hex.decode(VERACK));
        assertEquals("verack", back.command());
        assertInstanceOf(Verack.class, back.decode());
    }

    @Test
    void headerAloneGivesLengthBeforePayload() {
        byte[] inv = Hex.decode(INV);
        PacketHeader h = PacketHeader.read(Arrays.copyOf(inv, 24));
        assertEquals("inv", h.command());
        assertEquals(33, h.payloadLength());
        assertEquals("45b015d2", Hex.encode(h.checksum()));
        byte[] payload = Arrays.copyOfRange(inv, 24, inv.length);
        Packet p = Packet.of(h, payload);
        Inv m = (Inv) p.decode();
        assertEquals("c56fc35a76b68795e8bfcbf11826a45c96739cd1f4e7ef095f57c61a62904ded", m.hashes().get(0).toHex());
        assertArrayEquals(inv, m.toPacket().write());
    }

    @Test
    void badMagicRejected() {
        byte[] b = Hex.decode(VERACK);
        b[0] = 0;
        assertThrows(ProtocolException.BadValue.class, () -> PacketHeader.read(b));
    }

    @Test
    void badChecksumRejected() {
        byte[] b = Hex.decode(INV);
        b[30] ^= 1;
        assertThrows(ProtocolException.BadChecksum.class, () -> Packet.read(b));
        byte[] h = Hex.decode(VERACK);
        h[23] ^= 1;
        assertThrows(ProtocolException.BadChecksum.class, () -> Packet.read(h));
    }

    @Test
    void lengthAboveLimitRejectedFromHeaderAlone() {
        byte[] h = PacketHeader.of("object", PacketHeader.MAX_MESSAGE_SIZE, new byte[4]).write();
        assertEquals(PacketHeader.MAX_MESSAGE_SIZE, PacketHeader.read(h).payloadLength());
        int v = PacketHeader.MAX_MESSAGE_SIZE + 1;
        h[16] = (byte) (v >>> 24);
        h[17] = (byte) (v >>> 16);
        h[18] = (byte) (v >>> 8);
        h[19] = (byte) v;
        assertThrows(ProtocolException.Oversized.class, () -> PacketHeader.read(h));
        h[16] = h[17] = h[18] = h[19] = (byte) 0xFF;
        assertThrows(ProtocolException.Oversized.class, () -> PacketHeader.read(h));
        assertThrows(ProtocolException.Oversized.class, () -> Packet.read(h));
    }

    @Test
    void commandPaddingAndPrintabilityChecked() {
        byte[] b = Hex.decode(VERACK);
        b[4 + 8] = 'x'; // non-NUL after the first NUL
        assertThrows(ProtocolException.BadValue.class, () -> PacketHeader.read(b));
        byte[] c = Hex.decode(VERACK);
        c[5] = 0x07;
        assertThrows(ProtocolException.BadValue.class, () -> PacketHeader.read(c));
        byte[] d = Hex.decode(VERACK);
        Arrays.fill(d, 4, 16, (byte) 0);
        assertThrows(ProtocolException.BadValue.class, () -> PacketHeader.read(d));
        // a full 12-character command has no NUL at all
        byte[] e = PacketHeader.forPayload("abcdefghijkl", new byte[0]).write();
        assertEquals("abcdefghijkl", PacketHeader.read(e).command());
    }

    @Test
    void truncatedAndTrailingRejected() {
        byte[] inv = Hex.decode(INV);
        for (int n = 0; n < inv.length; n++) {
            byte[] prefix = Arrays.copyOf(inv, n);
            assertThrows(ProtocolException.Truncated.class, () -> Packet.read(prefix), "prefix " + n);
        }
        byte[] longer = Arrays.copyOf(inv, inv.length + 1);
        assertThrows(ProtocolException.BadValue.class, () -> Packet.read(longer));
    }

    @Test
    void streamReading() throws IOException {
        byte[] raw = Hex.decode(VERACK + INV);
        ByteArrayInputStream in = new ByteArrayInputStream(raw);
        assertEquals("verack", Packet.read(in).command());
        assertEquals("inv", Packet.read(in).command());
        assertThrows(EOFException.class, () -> Packet.read(in));
        ByteArrayInputStream cut = new ByteArrayInputStream(Arrays.copyOf(raw, 30));
        assertEquals("verack", Packet.read(cut).command());
        assertThrows(EOFException.class, () -> Packet.read(cut));
    }

    @Test
    void unknownCommandKeptRaw() {
        Packet p = Packet.of("portcheck", new byte[] {1, 2});
        Message m = Packet.read(p.write()).decode();
        UnknownMessage u = assertInstanceOf(UnknownMessage.class, m);
        assertEquals("portcheck", u.command());
        assertArrayEquals(new byte[] {1, 2}, u.payload());
    }
}
