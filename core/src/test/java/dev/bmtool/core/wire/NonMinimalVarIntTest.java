package dev.bmtool.core.wire;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.object.ObjectPayloads;
import dev.bmtool.core.object.PubkeyPayload;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every var_int a decoder reads must be minimal: a padded encoding is rejected as NonCanonical. */
class NonMinimalVarIntTest {
    static Stream<Arguments> cases() {
        String key = "00".repeat(128);
        return Stream.of(
                Arguments.of("addr count", (Consumer<byte[]>) Addr::read, "fd0000"),
                Arguments.of("inv count", (Consumer<byte[]>) Inv::read, "fd0000"),
                Arguments.of("getdata count", (Consumer<byte[]>) GetData::read, "fe00000000"),
                Arguments.of("dinv count", (Consumer<byte[]>) Dinv::read, "ff000000000000000000"),
                Arguments.of("error fatal", (Consumer<byte[]>) ErrorMessage::read, "fd0002000000"),
                Arguments.of("error ban", (Consumer<byte[]>) ErrorMessage::read, "02fd00000000"),
                Arguments.of("error vector length", (Consumer<byte[]>) ErrorMessage::read, "0200fd000000"),
                Arguments.of("error text length", (Consumer<byte[]>) ErrorMessage::read, "020000fd0000"),
                Arguments.of("version user agent length", (Consumer<byte[]>) Version::read,
                        MessagesTestVersion.prefix80() + "fd00000101"),
                Arguments.of("version stream count", (Consumer<byte[]>) Version::read,
                        MessagesTestVersion.prefix80() + "00fd000101"),
                Arguments.of("object version", (Consumer<byte[]>) BitmessageObject::read,
                        "0000000000000000" + "0000000000000000" + "00000002" + "fd0001" + "01"),
                Arguments.of("object stream", (Consumer<byte[]>) BitmessageObject::read,
                        "0000000000000000" + "0000000000000000" + "00000002" + "01" + "fe00000001"),
                Arguments.of("pubkey ntpb", (Consumer<byte[]>) p -> PubkeyPayload.read(3, p),
                        "00000001" + key + "fd03e8" + "fd0001" + "00"),
                Arguments.of("pubkey signature length", (Consumer<byte[]>) p -> PubkeyPayload.read(3, p),
                        "00000001" + key + "fd03e8" + "fd03e8" + "fd0000"),
                Arguments.of("onionpeer port", (Consumer<byte[]>) p -> ObjectPayloads.decode(0x746F72, 2, p),
                        "fd0050fd87d87eeb438533622e54ca2d033e7a"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejected(String what, Consumer<byte[]> decoder, String hex) {
        byte[] bytes = Hex.decode(hex);
        assertThrows(ProtocolException.NonCanonical.class, () -> decoder.accept(bytes), what);
    }

    /** The first 80 bytes of the vectors.md 3.3 version payload (up to the user agent). */
    static final class MessagesTestVersion {
        static String prefix80() {
            return MessagesTest.VERSION_PAYLOAD.substring(0, 160);
        }
    }
}
