package dev.bmtool.vectors.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.wire.Addr;
import dev.bmtool.core.wire.ErrorMessage;
import dev.bmtool.core.wire.GetData;
import dev.bmtool.core.wire.HostAddress;
import dev.bmtool.core.wire.Inv;
import dev.bmtool.core.wire.InventoryVector;
import dev.bmtool.core.wire.Message;
import dev.bmtool.core.wire.NetworkAddress;
import dev.bmtool.core.wire.ObjectMessage;
import dev.bmtool.core.wire.Packet;
import dev.bmtool.core.wire.PacketHeader;
import dev.bmtool.core.wire.Version;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

/** vectors.md 3.1-3.4: packets byte-exact, both directions. */
class PacketVectorsTest {
    private static final Properties P = Vectors.properties("/vectors/wire/messages.properties");

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/vectors/wire/packets.csv")
    void packetDecodesAndReencodes(String name, String command, int length, String hex) {
        byte[] bytes = Hex.decode(hex);
        PacketHeader h = PacketHeader.read(Arrays.copyOf(bytes, PacketHeader.LENGTH));
        assertEquals(command, h.command());
        assertEquals(length, h.payloadLength());
        Packet p = Packet.read(bytes);
        Message m = p.decode();
        assertEquals(command, m.command());
        assertArrayEquals(bytes, m.toPacket().write(), name);
        assertArrayEquals(bytes, Packet.of(h, p.payload()).write());
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/vectors/wire/packets.csv")
    void everyPrefixIsTruncated(String name, String command, int length, String hex) {
        byte[] bytes = Hex.decode(hex);
        for (int n = 0; n < bytes.length; n++) {
            byte[] prefix = Arrays.copyOf(bytes, n);
            assertThrows(ProtocolException.Truncated.class, () -> Packet.read(prefix), name + " prefix " + n);
        }
    }

    static Stream<String> objects() {
        return Vectors.OBJECTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objects")
    void everyPrefixOfEveryObjectPacketIsTruncated(String name) {
        byte[] packet = new ObjectMessage(BitmessageObject.read(Vectors.object(name))).toPacket().write();
        for (int n = 0; n < packet.length; n++) {
            byte[] prefix = Arrays.copyOf(packet, n);
            assertThrows(ProtocolException.Truncated.class, () -> Packet.read(prefix), name + " prefix " + n);
        }
        // and every prefix of the object's fixed header
        byte[] object = Vectors.object(name);
        for (int n = 0; n < BitmessageObject.MIN_LENGTH; n++) {
            byte[] prefix = Arrays.copyOf(object, n);
            assertThrows(ProtocolException.Truncated.class, () -> BitmessageObject.read(prefix), name + " prefix " + n);
        }
    }

    @Test
    void versionFromDocumentedFields() {
        Version v = new Version(Long.parseLong(P.getProperty("version.version")),
                Long.parseLong(P.getProperty("version.services")), Long.parseLong(P.getProperty("version.timestamp")),
                NetworkAddress.ofShort(Long.parseLong(P.getProperty("version.recv.services")),
                        HostAddress.parse(P.getProperty("version.recv.host")),
                        Integer.parseInt(P.getProperty("version.recv.port"))),
                NetworkAddress.ofShort(Long.parseLong(P.getProperty("version.from.services")),
                        HostAddress.parse(P.getProperty("version.from.host")),
                        Integer.parseInt(P.getProperty("version.from.port"))),
                HexFormat.fromHexDigitsToLong(P.getProperty("version.nonce")), P.getProperty("version.userAgent"),
                List.of(Long.parseLong(P.getProperty("version.streams"))));
        assertEquals(P.getProperty("version.payload"), Hex.encode(v.write()));
        Version back = Version.read(Hex.decode(P.getProperty("version.payload")));
        assertEquals(v, back);
        assertEquals(105, v.write().length);
    }

    @Test
    void addrEntryAndSample500() {
        NetworkAddress a = NetworkAddress.of(Long.parseLong(P.getProperty("addr.time")),
                Long.parseLong(P.getProperty("addr.stream")), Long.parseLong(P.getProperty("addr.services")),
                P.getProperty("addr.host"), Integer.parseInt(P.getProperty("addr.port")));
        String entry = P.getProperty("addr.entry");
        assertEquals(entry, Hex.encode(a.writeFull()));
        int count = Integer.parseInt(P.getProperty("addr.sample.count"));
        ByteWriter w = new ByteWriter().writeVarInt(count);
        for (int i = 0; i < count; i++) {
            w.writeBytes(Hex.decode(entry));
        }
        byte[] sample = w.toByteArray();
        assertEquals("fd01f4", Hex.encode(Arrays.copyOf(sample, 3)));
        Addr addr = Addr.read(sample);
        assertEquals(count, addr.addresses().size());
        assertEquals(a, addr.addresses().get(499));
        assertEquals("127.0.0.1:8444", addr.addresses().get(0).hostAndPort());
        assertArrayEquals(sample, addr.write());
    }

    @Test
    void invAndGetdataCarryTheHash() {
        InventoryVector iv = InventoryVector.fromHex(P.getProperty("inv.hash"));
        assertEquals(iv, InventoryVector.of(BitmessageObject.read(Vectors.object("V1Msg"))));
        Inv inv = assertInstanceOf(Inv.class, Packet.read(Inv.of(iv).toPacket().write()).decode());
        assertEquals(List.of(iv), inv.hashes());
        GetData gd = GetData.of(iv);
        assertArrayEquals(inv.write(), gd.write());
    }

    @Test
    void errorPayload() {
        ErrorMessage e = ErrorMessage.of(Long.parseLong(P.getProperty("error.fatal")),
                Long.parseLong(P.getProperty("error.ban")), new byte[0], P.getProperty("error.text"));
        assertEquals(P.getProperty("error.payload"), Hex.encode(e.write()));
        assertEquals(e, ErrorMessage.read(Hex.decode(P.getProperty("error.payload"))));
    }
}
