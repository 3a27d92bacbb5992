package dev.bmtool.vectors.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.wire.Addr;
import dev.bmtool.core.wire.ErrorMessage;
import dev.bmtool.core.wire.GetData;
import dev.bmtool.core.wire.HostAddress;
import dev.bmtool.core.wire.Inv;
import dev.bmtool.core.wire.InventoryVector;
import dev.bmtool.core.wire.Message;
import dev.bmtool.core.wire.NetworkAddress;
import dev.bmtool.core.wire.Packet;
import dev.bmtool.core.wire.Ping;
import dev.bmtool.core.wire.Verack;
import dev.bmtool.core.wire.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wire packets encoded by bitmessage-js ({@code test-vectors/interop-js/make-packets.js}, fixed
 * inputs): bmtool decodes each to the values bitmessage-js was given and writes the same bytes.
 */
class BitmessageJsPacketsTest {
    private static final long WHEN = 1_700_000_000L;
    private static final Map<String, byte[]> PACKETS = load();

    private static Map<String, byte[]> load() {
        try (InputStream in = BitmessageJsPacketsTest.class.getResourceAsStream("/vectors/bitmessage-js/packets.csv")) {
            Map<String, byte[]> m = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.strip().split(",");
                    m.put(f[0], Hex.decode(f[1]));
                }
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Message decode(String name) {
        byte[] bytes = PACKETS.get(name);
        Packet p = Packet.read(bytes);
        Message m = p.decode();
        assertArrayEquals(bytes, Packet.of(m).write(), name + ": written back byte for byte");
        return m;
    }

    private static InventoryVector filled(int b) {
        byte[] h = new byte[32];
        Arrays.fill(h, (byte) b);
        return InventoryVector.of(h);
    }

    @Test
    void everyPacketIsHere() {
        assertEquals(List.of("version", "version-ipv6-streams", "verack", "inv", "getdata", "addr", "error", "ping"),
                List.copyOf(PACKETS.keySet()));
    }

    @Test
    void version() {
        Version v = assertInstanceOf(Version.class, decode("version"));
        assertEquals(3, v.protocolVersion());
        assertEquals(Version.NODE_NETWORK, v.services());
        assertEquals(WHEN, v.timestamp());
        assertEquals(HostAddress.parse("127.0.0.1"), v.addrRecv().host());
        assertEquals(8445, v.addrRecv().port());
        assertEquals(8444, v.addrFrom().port());
        assertEquals(0x0102030405060708L, v.nonce());
        assertEquals("/bitmessage-js:0.6.6/", v.userAgent());
        assertEquals(List.of(1L), v.streams());
    }

    @Test
    void versionWithIpv6AndSeveralStreams() {
        Version v = assertInstanceOf(Version.class, decode("version-ipv6-streams"));
        assertEquals(HostAddress.parse("2001:db8::1"), v.addrRecv().host());
        assertEquals(18444, v.addrRecv().port());
        assertEquals(List.of(1L, 2L, 300L), v.streams());
        assertEquals(0xa1a2a3a4a5a6a7a8L, v.nonce());
    }

    @Test
    void inventoryMessages() {
        assertEquals(List.of(filled(1), filled(2), filled(3)), assertInstanceOf(Inv.class, decode("inv")).hashes());
        assertEquals(List.of(filled(0xab)), assertInstanceOf(GetData.class, decode("getdata")).hashes());
        assertInstanceOf(Verack.class, decode("verack"));
        assertInstanceOf(Ping.class, decode("ping"));
    }

    @Test
    void addr() {
        Addr a = assertInstanceOf(Addr.class, decode("addr"));
        assertEquals(List.of(
                new NetworkAddress(WHEN, 1, Version.NODE_NETWORK, HostAddress.parse("1.2.3.4"), 8444),
                new NetworkAddress(WHEN + 100, 2, Version.NODE_NETWORK, HostAddress.parse("2001:db8::2"), 8555)),
                a.addresses());
    }

    @Test
    void error() {
        ErrorMessage e = assertInstanceOf(ErrorMessage.class, decode("error"));
        assertEquals(ErrorMessage.FATAL, e.fatal());
        assertEquals(3600, e.banTime());
        assertArrayEquals(filled(7).bytes(), e.inventoryVector());
        assertEquals("bitmessage-js says no", e.text());
    }
}
