package dev.bmtool.vectors.wire;

import dev.bmtool.core.encoding.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/** Loads vector data files from {@code /vectors/...} test resources. */
final class Vectors {
    static final List<String> OBJECTS = List.of("V1Msg", "V1MsgStrangeData", "V2GetPubkey", "V3GetPubkey",
            "V4GetPubkey", "V2Pubkey", "V3Pubkey", "V4Pubkey", "V4Broadcast", "V5Broadcast");

    private Vectors() {
    }

    static byte[] resource(String path) {
        try (InputStream in = Vectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] object(String name) {
        return Hex.decode(new String(resource("/vectors/objects/" + name + ".hex"), StandardCharsets.US_ASCII));
    }

    static Properties properties(String path) {
        Properties p = new Properties();
        try (InputStream in = Vectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + path);
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static long unsigned(String decimal) {
        return Long.parseUnsignedLong(decimal);
    }
}
