package dev.bmtool.vectors.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.object.BroadcastPayload;
import dev.bmtool.core.object.GetPubkeyPayload;
import dev.bmtool.core.object.MsgPayload;
import dev.bmtool.core.object.ObjectPayload;
import dev.bmtool.core.object.ObjectValidator;
import dev.bmtool.core.object.PubkeyPayload;
import dev.bmtool.core.pow.PowMath;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** vectors.md 7.1, 7.3, 8.1, 8.2 and the PoW target rows of section 9. */
class ObjectVectorsTest {
    @Test
    void sampleObject() {
        Properties p = Vectors.properties("/vectors/objects/sample-object.properties");
        BitmessageObject o = BitmessageObject.read(Hex.decode(p.getProperty("object")));
        assertEquals(Long.parseLong(p.getProperty("nonce")), o.nonce());
        assertEquals(Long.parseLong(p.getProperty("expiresTime")), o.expiresTime());
        assertEquals(Long.parseLong(p.getProperty("objectType")), o.objectType());
        assertEquals(Long.parseLong(p.getProperty("version")), o.version());
        assertEquals(Long.parseLong(p.getProperty("stream")), o.stream());
        assertEquals(p.getProperty("payload"), Hex.encode(o.objectPayload()));
        assertEquals(p.getProperty("initialHash"), Hex.encode(o.initialHash()));
        assertEquals(Long.parseLong(p.getProperty("trialValue")), o.trialValue());
        assertEquals(p.getProperty("inventoryHash"), Hex.encode(o.inventoryHash()));
        long target = Long.parseLong(p.getProperty("verifierTarget"));
        assertEquals(target, PowMath.verifierTarget(o.length(), 300, 1000, 1000));
        ObjectValidator.Result r = ObjectValidator.defaults().validate(o, o.expiresTime() - 300);
        assertTrue(r.valid(), r.message());
        assertEquals(target, r.target());
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/vectors/objects/summary.csv")
    void realObjectSummary(String file, int length, long type, long version, long expires, String nonceHex,
            long trial, long maxTtl, String inventoryHash, String initialHash) {
        byte[] bytes = Vectors.object(file);
        assertEquals(length, bytes.length);
        BitmessageObject o = BitmessageObject.read(bytes);
        assertEquals(type, o.objectType());
        assertEquals(version, o.version());
        assertEquals(1, o.stream());
        assertEquals(expires, o.expiresTime());
        assertEquals(HexFormat.fromHexDigitsToLong(nonceHex), o.nonce());
        assertEquals(initialHash, Hex.encode(o.initialHash()));
        assertEquals(trial, o.trialValue());
        assertEquals(inventoryHash, Hex.encode(o.inventoryHash()));
        // the documented max TTL is the last one at which the verifier still accepts the nonce
        assertTrue(Long.compareUnsigned(trial, PowMath.verifierTarget(length, maxTtl, 1000, 1000)) <= 0);
        assertTrue(Long.compareUnsigned(trial, PowMath.verifierTarget(length, maxTtl + 1, 1000, 1000)) > 0);
        ObjectValidator.Result r = ObjectValidator.defaults().validate(o, expires - Math.min(maxTtl, ObjectValidator.MAX_TTL));
        assertTrue(r.valid(), r.message());
        assertArrayEquals(bytes, o.write());
        ObjectPayload payload = o.decodePayload();
        assertEquals(type, payload.objectType());
        assertTrue(ObjectValidator.checkContent(o).valid());
    }

    private static void assertArrayEquals(byte[] a, byte[] b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "/vectors/objects/cleartext.csv")
    void cleartextParts(String file, String field, String hex) {
        ObjectPayload p = BitmessageObject.read(Vectors.object(file)).decodePayload();
        byte[] actual = switch (p) {
            case GetPubkeyPayload g -> {
                assertEquals(field.equals("tag"), g.hasTag());
                yield g.ripeOrTag();
            }
            case PubkeyPayload k -> k.tag().orElseThrow();
            case BroadcastPayload b -> b.tag().orElseThrow();
            default -> throw new AssertionError("unexpected payload " + p);
        };
        assertEquals(hex, Hex.encode(actual));
    }

    @Test
    void undecryptableMsgIsStillAValidObject() {
        BitmessageObject o = BitmessageObject.read(Vectors.object("V1MsgStrangeData"));
        MsgPayload m = assertInstanceOf(MsgPayload.class, o.decodePayload());
        assertEquals(32, m.encrypted().length);
        assertTrue(ObjectValidator.defaults().validate(o, o.expiresTime()).valid());
    }

    @ParameterizedTest(name = "L={0} TTL={1}")
    @CsvFileSource(resources = "/vectors/objects/targets.csv")
    void targetTable(long length, long ttl, long verify, long send) {
        assertEquals(verify, PowMath.verifierTarget(length, ttl, 1000, 1000));
        assertEquals(send, PowMath.senderTarget(length, ttl, 1000, 1000));
        assertTrue(Long.compareUnsigned(send, verify) <= 0);
    }

    @ParameterizedTest(name = "L={0} TTL={1} ntpb={2}")
    @CsvFileSource(resources = "/vectors/objects/targets-other.csv")
    void otherTargets(long length, long ttl, long ntpb, long floorForm, Long exactForm) {
        assertEquals(floorForm, PowMath.verifierTarget(length, ttl, ntpb, 1000));
        if (exactForm != null) {
            assertEquals(exactForm.longValue(), PowMath.senderTarget(length, ttl, ntpb, 1000));
        }
    }

    @Test
    void bmutilShortTtlRowDiffersBecauseOfTheVerifierFloor() {
        // bmutil's (24, 30) -> 18014398509481 has no 300 s floor; PyBitmessage verifies with TTL 300
        assertEquals(PowMath.verifierTarget(24, 300, 1000, 1000), PowMath.verifierTarget(24, 30, 1000, 1000));
        assertFalse(PowMath.verifierTarget(24, 30, 1000, 1000) == 18014398509481L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/vectors/objects/summary.csv")
    void truncatedPayloadsRejected(String file, int length, long type, long version) {
        byte[] bytes = Vectors.object(file);
        BitmessageObject full = BitmessageObject.read(bytes);
        ObjectValidator v = ObjectValidator.defaults();
        for (int n = full.payloadOffset(); n < bytes.length; n++) {
            BitmessageObject cut = BitmessageObject.read(Arrays.copyOf(bytes, n));
            boolean fixedLayout = type == 0 || (type == 1 && version < 4) || n - full.payloadOffset() < 32
                    && (type == 1 || (type == 3 && version == 5));
            if (fixedLayout) {
                assertThrows(ProtocolException.Truncated.class, cut::decodePayload, file + " prefix " + n);
            }
            // either way the proof of work no longer matches
            assertFalse(v.validate(cut, full.expiresTime()).valid(), file + " prefix " + n);
        }
    }
}
