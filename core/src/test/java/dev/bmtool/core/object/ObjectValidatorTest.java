package dev.bmtool.core.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.object.ObjectValidator.Reason;
import dev.bmtool.core.object.ObjectValidator.Result;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectValidatorTest {
    private static final BitmessageObject SAMPLE =
            BitmessageObject.read(Hex.decode("00000000001be7fc00000000660f307f0000002a010248454c4c4f"));
    private static final long SAMPLE_EXPIRES = 1712271487L;
    private final ObjectValidator v = ObjectValidator.defaults();

    @Test
    void sampleValidNearExpiry() {
        Result r = v.validate(SAMPLE, SAMPLE_EXPIRES - 300);
        assertTrue(r.valid(), r.message());
        assertEquals(17892089305246L, r.target());
        assertEquals(7716054263625L, r.trialValue());
        assertEquals(300, r.ttl());
        // expired less than an hour ago: TTL floored at 300, still valid
        assertTrue(v.validate(SAMPLE, SAMPLE_EXPIRES + 3600).valid());
    }

    @Test
    void expiryWindow() {
        assertEquals(Reason.EXPIRED, v.validate(SAMPLE, SAMPLE_EXPIRES + 3601).reason());
        assertEquals(Reason.EXPIRES_TOO_FAR, v.validate(SAMPLE, SAMPLE_EXPIRES - 2_430_001).reason());
        // at exactly the maximum TTL the window passes and the PoW decides
        assertEquals(Reason.INSUFFICIENT_POW, v.validate(SAMPLE, SAMPLE_EXPIRES - 2_430_000).reason());
    }

    @Test
    void absurdExpiresTimeDoesNotOverflow() {
        for (long expires : new long[] {-1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 62}) {
            BitmessageObject o = BitmessageObject.of(0, expires, 2, 1, 1, new byte[10]);
            assertEquals(Reason.EXPIRES_TOO_FAR, v.validate(o, 1_700_000_000L).reason(), Long.toUnsignedString(expires));
        }
        BitmessageObject zero = BitmessageObject.of(0, 0, 2, 1, 1, new byte[10]);
        assertEquals(Reason.EXPIRED, v.validate(zero, 1_700_000_000L).reason());
    }

    @Test
    void streams() {
        BitmessageObject s0 = BitmessageObject.of(0, SAMPLE_EXPIRES, 2, 1, 0, new byte[10]);
        assertEquals(Reason.BAD_STREAM, v.validate(s0, SAMPLE_EXPIRES).reason());
        assertEquals(Reason.UNWANTED_STREAM, v.withStreams(Set.of(1L)).validate(SAMPLE, SAMPLE_EXPIRES).reason());
        assertTrue(v.withStreams(Set.of(1L, 2L)).validate(SAMPLE, SAMPLE_EXPIRES).valid());
    }

    @Test
    void higherDifficultyRejectsSample() {
        Result r = v.withDifficulty(3000, 1000).validate(SAMPLE, SAMPLE_EXPIRES);
        assertEquals(Reason.INSUFFICIENT_POW, r.reason());
        assertTrue(r.message().contains("insufficient proof of work"), r.message());
    }

    @Test
    void tamperedNonceFails() {
        assertFalse(v.validate(SAMPLE.withNonce(1), SAMPLE_EXPIRES).valid());
    }

    static java.util.List<String> names() {
        return TestObjects.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void realObjectsValidShortlyBeforeExpiry(String name) {
        BitmessageObject o = TestObjects.object(name);
        Result r = v.validate(o, o.expiresTime() - 300);
        assertTrue(r.valid(), name + ": " + r.message());
        assertEquals(Reason.EXPIRED, v.validate(o, o.expiresTime() + 3601).reason());
    }

    @Test
    void contentChecks() {
        BitmessageObject shortGetpubkey = BitmessageObject.of(0, 1, 0, 4, 1, new byte[19]);
        assertEquals(Reason.TOO_SHORT, ObjectValidator.checkContent(shortGetpubkey).reason());
        BitmessageObject badRipe = BitmessageObject.of(0, 1, 0, 2, 1, new byte[21]);
        assertEquals(Reason.MALFORMED_PAYLOAD, ObjectValidator.checkContent(badRipe).reason());
        BitmessageObject bigPubkey = BitmessageObject.of(0, 1, 1, 4, 1, new byte[430]);
        assertEquals(Reason.TOO_LONG, ObjectValidator.checkContent(bigPubkey).reason());
        BitmessageObject oldBroadcast = BitmessageObject.of(0, 1, 3, 1, 1, new byte[200]);
        assertEquals(Reason.BAD_VERSION, ObjectValidator.checkContent(oldBroadcast).reason());
        BitmessageObject shortBroadcast = BitmessageObject.of(0, 1, 3, 4, 1, new byte[100]);
        assertEquals(Reason.TOO_SHORT, ObjectValidator.checkContent(shortBroadcast).reason());
        assertTrue(ObjectValidator.checkContent(SAMPLE).valid());
    }

    @Test
    void payloadTooLarge() {
        BitmessageObject big = BitmessageObject.of(0, SAMPLE_EXPIRES, 2, 1, 1, new byte[BitmessageObject.MAX_PAYLOAD_LENGTH + 1]);
        assertEquals(Reason.PAYLOAD_TOO_LARGE, v.validate(big, SAMPLE_EXPIRES).reason());
    }

    @Test
    void networkMinimumOfATestNetwork() {
        long len = 100;
        long ttl = 3600;
        // PyBitmessage test mode: minimum 10 / 10, and smaller demands are raised to it
        assertEquals(dev.bmtool.core.pow.PowMath.verifierTarget(len, ttl, 1000, 1000),
                dev.bmtool.core.pow.PowMath.verifierTarget(len, ttl, 1000, 1000, 1000, 1000));
        long low = dev.bmtool.core.pow.PowMath.verifierTarget(len, ttl, 10, 10, 10, 10);
        assertEquals(low, dev.bmtool.core.pow.PowMath.verifierTarget(len, ttl, 1, 0, 10, 10), "raised to the minimum");
        java.math.BigInteger expected = java.math.BigInteger.ONE.shiftLeft(64).divide(java.math.BigInteger.valueOf(
                10L * (len + 10 + ((ttl * (len + 10)) >> 16))));
        assertEquals(expected.longValue(), low);
        ObjectValidator v = ObjectValidator.defaults().withNetworkMinimum(10, 10);
        assertEquals(10, v.nonceTrialsPerByte());
        assertEquals(10, v.extraBytes());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ObjectValidator.defaults().withNetworkMinimum(0, 10));
    }
}
