package dev.bmtool.core.wire;

import static org.junit.jupiter.api.Assertions.fail;

import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.object.ObjectValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deterministic random mutations of the fuzz seeds through every decoder, so that mvn verify
 * exercises malformed inputs beyond the seeds themselves (Jazzer's regression mode only
 * replays the seeds). Only ProtocolException may escape.
 */
class DecoderMutationTest {
    private static final int MUTATIONS_PER_SEED = 400;

    private static List<byte[]> seeds() {
        List<byte[]> out = new ArrayList<>();
        try {
            Path root = Paths.get(DecoderMutationTest.class.getResource("WireFuzzTestInputs").toURI());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.filter(Files::isRegularFile).toList()) {
                    out.add(Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int kind = r.nextInt(6);
        if (b.length == 0 || kind == 0) {
            byte[] longer = Arrays.copyOf(b, b.length + 1 + r.nextInt(8));
            for (int i = b.length; i < longer.length; i++) {
                longer[i] = (byte) r.nextInt(256);
            }
            return longer;
        }
        switch (kind) {
            case 1 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            case 2 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            case 3 -> b = Arrays.copyOf(b, r.nextInt(b.length));
            case 4 -> b[r.nextInt(b.length)] = (byte) (r.nextBoolean() ? 0xFD + r.nextInt(3) : 0xFF);
            default -> {
                int at = r.nextInt(b.length);
                int n = Math.min(b.length - at, 1 + r.nextInt(4));
                for (int i = 0; i < n; i++) {
                    b[at + i] = (byte) 0xFF;
                }
            }
        }
        return b;
    }

    private interface Decoder {
        void decode(byte[] b);
    }

    private static final String[] COMMANDS = {"version", "verack", "addr", "inv", "getdata", "dinv", "object",
        "ping", "pong", "error", "portcheck"};

    @Test
    void onlyProtocolExceptionsEscape() {
        List<Decoder> decoders = new ArrayList<>();
        decoders.add(PacketHeader::read);
        decoders.add(b -> Packet.read(b).decode());
        for (String c : COMMANDS) {
            decoders.add(b -> Messages.decode(c, b));
        }
        decoders.add(b -> {
            BitmessageObject o = BitmessageObject.read(b);
            ObjectValidator.defaults().validate(o, 1_700_000_000L);
            ObjectValidator.checkContent(o);
            o.decodePayload();
        });
        Random r = new Random(0xB17E55A6EL);
        for (byte[] seed : seeds()) {
            for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
                byte[] m = mutate(seed, r);
                for (Decoder d : decoders) {
                    try {
                        d.decode(m);
                    } catch (ProtocolException expected) {
                        // rejected cleanly
                    } catch (RuntimeException e) {
                        fail("decoder threw " + e + " for " + dev.bmtool.core.encoding.Hex.encode(m), e);
                    }
                }
            }
        }
    }

}
