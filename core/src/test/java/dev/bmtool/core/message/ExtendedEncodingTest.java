package dev.bmtool.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

class ExtendedEncodingTest {
    /**
     * zlib.compress(msgpack, 9) made with Python's zlib from the msgpack bytes Python 2's msgpack
     * writes for {"": "message", "subject": "Hi", "body": u"Grüße, Welt!"} (raw/str types).
     */
    private static final String PYTHON_ZLIB =
            "78da6b5eb03c37b5b838313d7579716952566a72c9228fcc2549f92995ebdc8b0eef393c3f5547213c35a7441100952e12a2";

    private static byte[] zlib(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    @Test
    void decodesWhatPythonWrites() {
        MessageEncoding.Text t = MessageEncoding.decode(MessageEncoding.EXTENDED, Hex.decode(PYTHON_ZLIB));
        assertEquals("Hi", t.subject());
        assertEquals("Grüße, Welt!", t.body());
    }

    @Test
    void roundTripsLongAndUnicodeText() {
        String body = "ä€😀 ".repeat(20_000); // over 64 KiB of UTF-8: the str32 form
        byte[] enc = ExtendedEncoding.encode("Sübject", body);
        MessageEncoding.Text t = ExtendedEncoding.decode(enc);
        assertEquals("Sübject", t.subject());
        assertEquals(body, t.body());
    }

    @Test
    void decompressionIsCappedAtOneMebibyte() {
        byte[] bomb = zlib(new byte[ExtendedEncoding.MAX_DECOMPRESSED + 1]);
        assertThrows(ProtocolException.Oversized.class, () -> ExtendedEncoding.decode(bomb));
    }

    @Test
    void malformedInputIsATypedError() {
        assertThrows(ProtocolException.class, () -> ExtendedEncoding.decode(Hex.decode("00112233")));
        // truncated zlib stream
        byte[] good = Hex.decode(PYTHON_ZLIB);
        assertThrows(ProtocolException.class, () -> ExtendedEncoding.decode(java.util.Arrays.copyOf(good, 20)));
        // a map announcing 2^32-1 entries in five bytes: rejected before anything is allocated
        assertThrows(ProtocolException.Truncated.class,
                () -> ExtendedEncoding.decode(zlib(Hex.decode("dfffffffff"))));
        // not a map, no type, another type, trailing data
        assertThrows(ProtocolException.BadValue.class, () -> ExtendedEncoding.decode(zlib(Hex.decode("a3616263"))));
        assertThrows(ProtocolException.BadValue.class, () -> ExtendedEncoding.decode(zlib(Hex.decode("81a161a162"))));
        assertThrows(ProtocolException.BadValue.class,
                () -> ExtendedEncoding.decode(zlib(Hex.decode("81a0a4766f7465"))));
        assertThrows(ProtocolException.BadValue.class, () -> ExtendedEncoding.decode(zlib(Hex.decode("80c0"))));
    }
}
