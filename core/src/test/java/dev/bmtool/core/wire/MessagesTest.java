package dev.bmtool.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {
    static final String VERSION_PAYLOAD = "00000003000000000000000b000000006553f100000000000000000100000000"
            + "000000000000ffffc000020120fc000000000000000b00000000000000000000"
            + "ffff7f00000120fc0102030405060708162f50794269746d6573736167653a30"
            + "2e362e332e322f0101";

    static Version sampleVersion() {
        return new Version(3, 11, 1700000000L,
                NetworkAddress.ofShort(1, HostAddress.parse("192.0.2.1"), 8444),
                NetworkAddress.ofShort(11, HostAddress.parse("127.0.0.1"), 8444),
                0x0102030405060708L, "/PyBitmessage:0.6.3.2/", List.of(1L));
    }

    @Test
    void versionByteExact() {
        Version v = sampleVersion();
        assertEquals(VERSION_PAYLOAD, Hex.encode(v.write()));
        Version back = Version.read(Hex.decode(VERSION_PAYLOAD));
        assertEquals(v, back);
        assertTrue(back.hasService(Version.NODE_SSL));
        assertFalse(back.hasService(Version.NODE_POW));
        assertEquals("192.0.2.1:8444", back.addrRecv().hostAndPort());
    }

    @Test
    void versionLimits() {
        byte[] p = Hex.decode(VERSION_PAYLOAD);
        // user agent length 5001 -> oversized before reading it
        ByteWriter w = new ByteWriter();
        w.writeBytes(p, 0, 80).writeVarInt(5001);
        assertThrows(ProtocolException.Oversized.class, () -> Version.read(w.toByteArray()));
        ByteWriter s = new ByteWriter();
        s.writeBytes(p, 0, 80).writeVarInt(0).writeVarInt(160_001);
        assertThrows(ProtocolException.Oversized.class, () -> Version.read(s.toByteArray()));
        ByteWriter t = new ByteWriter();
        t.writeBytes(p, 0, 80).writeVarInt(0).writeVarInt(160_000);
        assertThrows(ProtocolException.Truncated.class, () -> Version.read(t.toByteArray()));
        // non-minimal stream var_int
        byte[] nm = Arrays.copyOf(p, p.length + 2);
        nm[p.length - 1] = (byte) 0xFD;
        nm[p.length] = 0;
        nm[p.length + 1] = 1;
        assertThrows(ProtocolException.NonCanonical.class, () -> Version.read(nm));
        byte[] trailing = Arrays.copyOf(p, p.length + 1);
        assertThrows(ProtocolException.BadValue.class, () -> Version.read(trailing));
    }

    @Test
    void addrEntryByteExact() {
        String entry = "0000000060f420b300000001000000000000000100000000000000000000ffff7f00000120fc";
        NetworkAddress a = NetworkAddress.of(1626611891L, 1, 1, "127.0.0.1", 8444);
        assertEquals(entry, Hex.encode(a.writeFull()));
        Addr addr = Addr.of(a);
        assertEquals("e9beb4d9616464720000000000000000000000278c2bacbb01" + entry, Hex.encode(addr.toPacket().write()));
        assertEquals(addr, Addr.read(addr.write()));
    }

    @Test
    void addrCountLimit() {
        NetworkAddress a = NetworkAddress.of(1, 1, 1, "1.2.3.4", 8444);
        List<NetworkAddress> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(a);
        }
        Addr ok = new Addr(many);
        assertEquals(1000, Addr.read(ok.write()).addresses().size());
        assertThrows(ProtocolException.Oversized.class, () -> Addr.read(new byte[] {(byte) 0xFD, 0x03, (byte) 0xE9}));
        assertThrows(ProtocolException.Truncated.class, () -> Addr.read(new byte[] {(byte) 0xFD, 0x03, (byte) 0xE8}));
        many.add(a);
        assertThrows(IllegalArgumentException.class, () -> new Addr(many));
    }

    @Test
    void inventoryCountLimit() {
        byte[] huge = new ByteWriter().writeVarInt(50_001).toByteArray();
        assertThrows(ProtocolException.Oversized.class, () -> Inv.read(huge));
        assertThrows(ProtocolException.Oversized.class, () -> GetData.read(huge));
        assertThrows(ProtocolException.Oversized.class, () -> Dinv.read(huge));
        byte[] claim = new ByteWriter().writeVarInt(50_000).toByteArray();
        assertThrows(ProtocolException.Truncated.class, () -> Inv.read(claim));
        List<InventoryVector> max = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            byte[] h = new byte[32];
            h[0] = (byte) i;
            h[1] = (byte) (i >> 8);
            max.add(InventoryVector.of(h));
        }
        Inv inv = new Inv(max);
        byte[] payload = inv.write();
        assertEquals(3 + 50_000 * 32, payload.length);
        assertEquals(inv, Inv.read(payload));
        assertEquals(max, Dinv.read(payload).hashes());
        assertEquals(max, GetData.read(payload).hashes());
    }

    @Test
    void errorMessageByteExact() {
        String hex = "020000245365727665722066756c6c2c20706c656173652074727920616761696e206c617465722e";
        ErrorMessage e = ErrorMessage.fatal("Server full, please try again later.");
        assertEquals(hex, Hex.encode(e.write()));
        ErrorMessage back = ErrorMessage.read(Hex.decode(hex));
        assertEquals(e, back);
        assertEquals(2, back.fatal());
        assertEquals("Server full, please try again later.", back.text());
    }

    @Test
    void objectMessageByteExact() {
        String obj = "00000000001be7fc00000000660f307f0000002a010248454c4c4f";
        ObjectMessage m = new ObjectMessage(BitmessageObject.read(Hex.decode(obj)));
        assertEquals("e9beb4d96f626a6563740000000000000000001bb89c9f56" + obj, Hex.encode(m.toPacket().write()));
        assertEquals("b02854e291618090742295ab4a3e5ec409665457bb1df11b8a750ebbaaa9e8b4", m.inventoryVector().toHex());
        ObjectMessage back = (ObjectMessage) Messages.decode("object", Hex.decode(obj));
        assertEquals(m, back);
    }

    @Test
    void emptyMessages() {
        assertEquals(new Ping(), Messages.decode("ping", new byte[0]));
        assertEquals(new Pong(), Messages.decode("pong", new byte[0]));
        assertEquals(new Verack(), Messages.decode("verack", new byte[0]));
        assertThrows(ProtocolException.BadValue.class, () -> Messages.decode("ping", new byte[1]));
        assertEquals("e9beb4d970696e67000000000000000000000000cf83e135", Hex.encode(new Ping().toPacket().write()));
        assertEquals("e9beb4d9706f6e67000000000000000000000000cf83e135", Hex.encode(new Pong().toPacket().write()));
    }

    @Test
    void roundTripsThroughDispatch() {
        List<Message> all = List.of(sampleVersion(), new Verack(), Addr.of(NetworkAddress.of(5, 1, 3, "::1", 1)),
                Inv.of(InventoryVector.of(new byte[32])), GetData.of(), Dinv.of(InventoryVector.of(new byte[32])),
                new Ping(), new Pong(), ErrorMessage.of(1, 60, new byte[32], "x"), UnknownMessage.of("foo", new byte[3]));
        for (Message m : all) {
            byte[] packet = m.toPacket().write();
            Message back = Packet.read(packet).decode();
            assertEquals(m, back, m.command());
            assertArrayEquals(packet, back.toPacket().write());
        }
    }
}
