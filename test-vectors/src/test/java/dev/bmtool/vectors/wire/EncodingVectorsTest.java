package dev.bmtool.vectors.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.encoding.VarInt;
import dev.bmtool.core.wire.HostAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** vectors.md 2.1 (var_int) and 2.2 (host encoding). */
class EncodingVectorsTest {
    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvFileSource(resources = "/vectors/wire/varint.csv")
    void varIntEncodesAndDecodes(String value, String hex) {
        long v = Vectors.unsigned(value);
        assertEquals(hex, Hex.encode(VarInt.encode(v)));
        assertEquals(v, VarInt.decode(Hex.decode(hex)));
        assertEquals(hex.length() / 2, VarInt.size(v));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvFileSource(resources = "/vectors/wire/varint-invalid.csv")
    void varIntRejected(String hex, String exception) {
        ProtocolException e = assertThrows(ProtocolException.class, () -> VarInt.decode(Hex.decode(hex)));
        assertEquals(exception, e.getClass().getSimpleName());
    }

    @Test
    void largestVarIntIsNineBytes() {
        // 2^64 is not representable in a Java long, so the largest encodable value is 2^64-1
        assertEquals("ffffffffffffffffff", Hex.encode(VarInt.encode(-1L)));
        assertEquals(-1L, new ByteReader(Hex.decode("ffffffffffffffffff")).readVarInt());
        assertThrows(ProtocolException.Truncated.class, () -> VarInt.decode(new byte[0]));
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/vectors/wire/hosts.csv")
    void hostEncoding(String host, String hex, HostAddress.Kind kind) {
        HostAddress h = HostAddress.parse(host);
        assertEquals(hex, h.toHex());
        assertEquals(kind, h.kind());
        assertEquals(h, HostAddress.of(Hex.decode(hex)));
        assertEquals(h, HostAddress.parse(HostAddress.of(Hex.decode(hex)).toString()));
    }
}
