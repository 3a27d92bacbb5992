package dev.bmtool.core.object;

import dev.bmtool.core.encoding.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The ten real network objects of vectors.md section 8, from test resources. */
public final class TestObjects {
    public static final List<String> NAMES = List.of("V1Msg", "V1MsgStrangeData", "V2GetPubkey", "V3GetPubkey",
            "V4GetPubkey", "V2Pubkey", "V3Pubkey", "V4Pubkey", "V4Broadcast", "V5Broadcast");

    private TestObjects() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = TestObjects.class.getResourceAsStream("/objects/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalArgumentException("no object " + name);
            }
            return Hex.decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BitmessageObject object(String name) {
        return BitmessageObject.read(bytes(name));
    }
}
