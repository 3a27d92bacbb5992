package dev.bmtool.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bmtool.core.encoding.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Fuzz tests for every wire decoder: nothing but {@link ProtocolException} may escape, and
 * whatever decodes must re-encode to the same bytes. In {@code mvn verify} they run in
 * regression mode over the seeds in {@code WireFuzzTestInputs/<method>/}; set JAZZER_FUZZ=1 to fuzz.
 */
class WireFuzzTest {
    private static <T> void decodeOrReject(byte[] data, Function<byte[], T> decoder, Function<T, byte[]> encoder) {
        T value;
        try {
            value = decoder.apply(data);
        } catch (ProtocolException expected) {
            return;
        }
        assertArrayEquals(data, encoder.apply(value));
    }

    @FuzzTest(maxDuration = "30s")
    void packetHeader(byte[] data) {
        try {
            PacketHeader h = PacketHeader.read(data);
            assertArrayEquals(Arrays.copyOf(data, PacketHeader.LENGTH), h.write());
        } catch (ProtocolException expected) {
            // rejected cleanly
        }
    }

    @FuzzTest(maxDuration = "30s")
    void packet(byte[] data) {
        Packet p;
        try {
            p = Packet.read(data);
        } catch (ProtocolException expected) {
            return;
        }
        assertArrayEquals(data, p.write());
        try {
            Message m = p.decode();
            assertEquals(p.command(), m.command());
            assertArrayEquals(p.payload(), m.write());
        } catch (ProtocolException expected) {
            // a well-framed packet with a malformed payload
        }
    }

    @FuzzTest(maxDuration = "30s")
    void version(byte[] data) {
        decodeOrReject(data, Version::read, Version::write);
    }

    @FuzzTest(maxDuration = "30s")
    void addr(byte[] data) {
        decodeOrReject(data, Addr::read, Addr::write);
        try {
            for (NetworkAddress a : Addr.read(data).addresses()) {
                // every host field must print and classify without throwing
                a.hostAndPort();
                a.host().isPublic();
                a.host().toInetAddress();
            }
        } catch (ProtocolException expected) {
            // rejected cleanly
        }
    }

    @FuzzTest(maxDuration = "30s")
    void inventory(byte[] data) {
        decodeOrReject(data, Inv::read, Inv::write);
        decodeOrReject(data, GetData::read, GetData::write);
        decodeOrReject(data, Dinv::read, Dinv::write);
    }

    @FuzzTest(maxDuration = "30s")
    void error(byte[] data) {
        decodeOrReject(data, ErrorMessage::read, ErrorMessage::write);
    }

    @FuzzTest(maxDuration = "30s")
    void objectMessage(byte[] data) {
        decodeOrReject(data, ObjectMessage::read, ObjectMessage::write);
    }

    /** Any command: the first byte picks one of the known commands (or an unknown one). */
    @FuzzTest(maxDuration = "30s")
    void dispatch(byte[] data) {
        if (data.length == 0) {
            return;
        }
        String[] commands = {"version", "verack", "addr", "inv", "getdata", "dinv", "object", "ping", "pong",
            "error", "portcheck"};
        String command = commands[(data[0] & 0xFF) % commands.length];
        byte[] payload = Arrays.copyOfRange(data, 1, data.length);
        decodeOrReject(payload, p -> Messages.decode(command, p), Message::write);
        assertEquals(command, new String(PacketHeader.forPayload(command, payload).write(), 4, command.length(),
                StandardCharsets.US_ASCII));
    }
}
