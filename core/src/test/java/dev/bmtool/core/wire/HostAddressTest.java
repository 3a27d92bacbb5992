package dev.bmtool.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostAddressTest {
    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 00000000000000000000ffff7f000001, IPV4, 127.0.0.1",
        "191.168.1.1, 00000000000000000000ffffbfa80101, IPV4, 191.168.1.1",
        "0102:0304:0506:0708:090A:0B0C:0D0E:0F10, 0102030405060708090a0b0c0d0e0f10, IPV6, 102:304:506:708:90a:b0c:d0e:f10",
        "quzwelsuziwqgpt2.onion, fd87d87eeb438533622e54ca2d033e7a, ONION, quzwelsuziwqgpt2.onion",
        "[::1], 00000000000000000000000000000001, IPV6, 0:0:0:0:0:0:0:1",
    })
    void encodes(String host, String hex, HostAddress.Kind kind, String text) {
        HostAddress h = HostAddress.parse(host);
        assertEquals(hex, h.toHex());
        assertEquals(kind, h.kind());
        assertEquals(text, h.toString());
        assertEquals(h, HostAddress.parse(h.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "256.1.1.1", "1.2.3", "abc.onion", ""})
    void rejectsNonLiterals(String host) {
        assertThrows(IllegalArgumentException.class, () -> HostAddress.parse(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "::1", "fe80::1",
        "fd00::1", "fc00::5", "0.0.0.0"})
    void privateAddressesAreNotPublic(String host) {
        assertFalse(HostAddress.parse(host).isPublic());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "2001:db8::1", "quzwelsuziwqgpt2.onion"})
    void publicAddresses(String host) {
        assertTrue(HostAddress.parse(host).isPublic());
    }
}
