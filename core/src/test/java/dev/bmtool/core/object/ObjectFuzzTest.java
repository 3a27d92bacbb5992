package dev.bmtool.core.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bmtool.core.encoding.ProtocolException;
import java.util.Arrays;

/**
 * Fuzz tests for the object envelope, the typed payload decoders and the validator: only
 * {@link ProtocolException} may escape a decoder, decoded values re-encode byte-exactly, and
 * the validator never throws. Seeds: {@code ObjectFuzzTestInputs/<method>/}.
 */
class ObjectFuzzTest {
    /** (objectType, version) pairs the first byte of a {@link #payload} input selects. */
    static final long[][] KINDS = {{0, 2}, {0, 3}, {0, 4}, {1, 2}, {1, 3}, {1, 4}, {2, 1}, {3, 4}, {3, 5},
        {BitmessageObject.TYPE_ONIONPEER, 2}, {BitmessageObject.TYPE_ONIONPEER, 3}, {42, 1}};

    @FuzzTest(maxDuration = "30s")
    void object(byte[] data) {
        BitmessageObject o;
        try {
            o = BitmessageObject.read(data);
        } catch (ProtocolException expected) {
            return;
        }
        assertArrayEquals(data, o.write());
        ObjectValidator.Result r = ObjectValidator.defaults().validate(o, 1_700_000_000L);
        assertNotNull(r.reason());
        assertNotNull(ObjectValidator.checkContent(o).reason());
        try {
            ObjectPayload p = o.decodePayload();
            assertArrayEquals(o.objectPayload(), p.write());
            assertEquals(o.objectType(), p.objectType());
        } catch (ProtocolException expected) {
            // malformed payload: the object is still relayable
        }
    }

    @FuzzTest(maxDuration = "30s")
    void payload(byte[] data) {
        if (data.length == 0) {
            return;
        }
        long[] kind = KINDS[(data[0] & 0xFF) % KINDS.length];
        byte[] payload = Arrays.copyOfRange(data, 1, data.length);
        ObjectPayload p;
        try {
            p = ObjectPayloads.decode(kind[0], kind[1], payload);
        } catch (ProtocolException expected) {
            return;
        }
        assertArrayEquals(payload, p.write());
        assertEquals(kind[0], p.objectType());
        assertNotNull(p.toString());
        if (p instanceof PubkeyPayload k && !k.isEncrypted()) {
            assertEquals(64, k.signingKey().length);
            if (k.version() == 3) {
                assertEquals(payload.length - k.signature().orElseThrow().length
                        - dev.bmtool.core.encoding.VarInt.size(k.signature().orElseThrow().length), k.signedFields().length);
            }
        }
        if (p instanceof OnionPeerPayload o) {
            assertNotNull(o.hostName());
        }
        assertEquals(p, ObjectPayloads.decode(kind[0], kind[1], p.write()));
    }
}
