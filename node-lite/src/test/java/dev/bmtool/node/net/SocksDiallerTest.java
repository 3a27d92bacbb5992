package dev.bmtool.node.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The bytes the dialler sends to a proxy (RFC 1928/1929, SOCKS4a), against canned replies. The
 * end-to-end behaviour through a real SOCKS5 server is in ProxyTest; SOCKS4a (Tor's other
 * protocol) has no server among Debian's packages that speaks its name extension, so its
 * request format is checked here.
 */
class SocksDiallerTest {
    private static final byte[] SOCKS5_OK = {5, 0, 0, 1, 0, 0, 0, 0, 0, 0};

    private static SocksDialler dialler(String uri) {
        return new SocksDialler(ProxySettings.NONE.withProxyUri(uri));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    @Test
    void socks5SendsPeerNamesAsNamesSoTheProxyResolvesThem() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        dialler("socks5://127.0.0.1:9050").socks5(new ByteArrayInputStream(concat(new byte[] {5, 0}, SOCKS5_OK)), sent,
                "abcdefghijklmnop.onion", 8444);
        byte[] name = "abcdefghijklmnop.onion".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(concat(new byte[] {5, 1, 0}, new byte[] {5, 1, 0, 3, (byte) name.length}, name,
                new byte[] {0x20, (byte) 0xFC}), sent.toByteArray());
    }

    @Test
    void socks5SendsIpLiteralsAsAddressesAndAuthenticates() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        dialler("socks5://u:pw@127.0.0.1:1080").socks5(new ByteArrayInputStream(concat(new byte[] {5, 2},
                new byte[] {1, 0}, SOCKS5_OK)), sent, "5.45.99.75", 8444);
        assertArrayEquals(concat(new byte[] {5, 2, 0, 2}, new byte[] {1, 1, 'u', 2, 'p', 'w'},
                new byte[] {5, 1, 0, 1, 5, 45, 99, 75, 0x20, (byte) 0xFC}), sent.toByteArray());

        sent.reset();
        dialler("socks5://127.0.0.1:1080").socks5(new ByteArrayInputStream(concat(new byte[] {5, 0}, SOCKS5_OK)), sent,
                "[2001:db8::1]", 8080);
        byte[] req = sent.toByteArray();
        assertTrue(req[6] == 4 && req.length == 3 + 4 + 16 + 2, "IPv6 address type");
    }

    @Test
    void socks5RefusalsAreReadable() {
        IOException e = assertThrows(IOException.class, () -> dialler("socks5://127.0.0.1:1080").socks5(
                new ByteArrayInputStream(new byte[] {5, 0, 5, 4, 0, 1, 0, 0, 0, 0, 0, 0}), new ByteArrayOutputStream(),
                "example.org", 8444));
        assertTrue(e.getMessage().contains("host unreachable"), e.getMessage());
        e = assertThrows(IOException.class, () -> dialler("socks5://127.0.0.1:1080").socks5(
                new ByteArrayInputStream(new byte[] {5, (byte) 0xFF}), new ByteArrayOutputStream(), "x.org", 1));
        assertTrue(e.getMessage().contains("authentication"), e.getMessage());
    }

    @Test
    void socks4aPutsTheNameAfterTheUserIdWithTheMarkerAddress() throws IOException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        byte[] granted = {0, 0x5A, 0, 0, 0, 0, 0, 0};
        dialler("socks4a://bm@127.0.0.1:9050").socks4a(new ByteArrayInputStream(granted), sent, "Bootstrap8444"
                + ".bitmessage.org", 8444);
        assertArrayEquals(concat(new byte[] {4, 1, 0x20, (byte) 0xFC, 0, 0, 0, 1}, "bm".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0}, "bootstrap8444.bitmessage.org".getBytes(StandardCharsets.US_ASCII), new byte[] {0}),
                sent.toByteArray());

        sent.reset();
        dialler("socks4a://127.0.0.1:9050").socks4a(new ByteArrayInputStream(granted), sent, "5.45.99.75", 8444);
        assertArrayEquals(new byte[] {4, 1, 0x20, (byte) 0xFC, 5, 45, 99, 75, 0}, sent.toByteArray());

        IOException e = assertThrows(IOException.class, () -> dialler("socks4a://127.0.0.1:9050").socks4a(
                new ByteArrayInputStream(new byte[] {0, 0x5B, 0, 0, 0, 0, 0, 0}), new ByteArrayOutputStream(), "a.b", 1));
        assertTrue(e.getMessage().contains("rejected"), e.getMessage());
    }
}
