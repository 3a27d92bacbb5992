package dev.bmtool.core.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectPayloadTest {
    static java.util.List<String> names() {
        return TestObjects.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyRealObjectDecodesAndRoundTrips(String name) {
        BitmessageObject o = TestObjects.object(name);
        ObjectPayload p = o.decodePayload();
        assertFalse(p instanceof UnknownPayload, name);
        assertEquals(o.objectType(), p.objectType());
        assertEquals(o.version(), p.version());
        assertArrayEquals(o.objectPayload(), p.write(), name);
        assertEquals(p, ObjectPayloads.decode(o.objectType(), o.version(), p.write()));
        BitmessageObject rebuilt = BitmessageObject.of(o.nonce(), o.expiresTime(), o.objectType(), o.version(),
                o.stream(), p.write());
        assertEquals(o, rebuilt);
        assertTrue(ObjectValidator.checkContent(o).valid(), name + ": " + ObjectValidator.checkContent(o));
    }

    @Test
    void getpubkeyRipesAndTag() {
        GetPubkeyPayload v2 = (GetPubkeyPayload) TestObjects.object("V2GetPubkey").decodePayload();
        assertEquals("000077fb004dff82e4a76a279e0e3a6d722298a0", Hex.encode(v2.ripeOrTag()));
        assertFalse(v2.hasTag());
        GetPubkeyPayload v3 = (GetPubkeyPayload) TestObjects.object("V3GetPubkey").decodePayload();
        assertEquals("005750493acb7c744b8c9991d9b5c7558df933b5", Hex.encode(v3.ripeOrTag()));
        GetPubkeyPayload v4 = (GetPubkeyPayload) TestObjects.object("V4GetPubkey").decodePayload();
        assertTrue(v4.hasTag());
        assertEquals("426e8667320e95c64f2aa64d7220577178091260d481b663aca491b677709ee9", Hex.encode(v4.ripeOrTag()));
        assertThrows(ProtocolException.Truncated.class, () -> GetPubkeyPayload.read(4, new byte[20]));
        assertThrows(ProtocolException.BadValue.class, () -> GetPubkeyPayload.read(2, new byte[32]));
    }

    @Test
    void pubkeys() {
        PubkeyPayload v2 = (PubkeyPayload) TestObjects.object("V2Pubkey").decodePayload();
        assertEquals(1, v2.behaviorBitfield());
        assertEquals(64, v2.signingKey().length);
        assertTrue(v2.signature().isEmpty());
        BitmessageObject o3 = TestObjects.object("V3Pubkey");
        PubkeyPayload v3 = (PubkeyPayload) o3.decodePayload();
        assertEquals(1000L, v3.nonceTrialsPerByte().orElseThrow());
        assertEquals(1000L, v3.extraBytes().orElseThrow());
        byte[] sig = v3.signature().orElseThrow();
        assertEquals(0x30, sig[0] & 0xFF); // DER sequence
        byte[] raw = o3.objectPayload();
        // signed fields end right before the signature length var_int
        assertEquals(raw.length - sig.length - 1, v3.signedFields().length);
        assertEquals(PubkeyPayload.v3(1, v3.signingKey(), v3.encryptionKey(), 1000, 1000, sig), v3);
        PubkeyPayload v4 = (PubkeyPayload) TestObjects.object("V4Pubkey").decodePayload();
        assertTrue(v4.isEncrypted());
        assertEquals("48995c7be3dd724f59b3737012e608a2203cc4759bb17ee0c571fbf6f68f9c6e", Hex.encode(v4.tag().orElseThrow()));
        assertThrows(IllegalStateException.class, v4::signingKey);
        assertEquals(v4, PubkeyPayload.v4(v4.tag().orElseThrow(), v4.encrypted()));
        byte[] v2raw = TestObjects.object("V2Pubkey").objectPayload();
        assertThrows(ProtocolException.BadValue.class, () -> PubkeyPayload.read(2, Arrays.copyOf(v2raw, v2raw.length + 1)));
    }

    @Test
    void broadcasts() {
        BroadcastPayload v4 = (BroadcastPayload) TestObjects.object("V4Broadcast").decodePayload();
        assertTrue(v4.tag().isEmpty());
        BroadcastPayload v5 = (BroadcastPayload) TestObjects.object("V5Broadcast").decodePayload();
        assertEquals("48995c7be3dd724f59b3737012e608a2203cc4759bb17ee0c571fbf6f68f9c6e", Hex.encode(v5.tag().orElseThrow()));
        assertEquals(v5, BroadcastPayload.v5(v5.tag().orElseThrow(), v5.encrypted()));
        assertThrows(ProtocolException.Truncated.class, () -> BroadcastPayload.read(5, new byte[31]));
    }

    @Test
    void msgAndUnknown() {
        MsgPayload m = (MsgPayload) TestObjects.object("V1MsgStrangeData").decodePayload();
        assertEquals(32, m.encrypted().length);
        ObjectPayload u = ObjectPayloads.decode(42, 1, "HELLO".getBytes());
        UnknownPayload up = assertInstanceOf(UnknownPayload.class, u);
        assertEquals("unknown", up.typeName());
        assertArrayEquals("HELLO".getBytes(), up.write());
        assertInstanceOf(UnknownPayload.class, ObjectPayloads.decode(2, 2, new byte[5]));
    }

    @Test
    void onionPeer() {
        OnionPeerPayload p = OnionPeerPayload.of("quzwelsuziwqgpt2.onion", 8444);
        assertEquals(2, p.version());
        assertEquals("fd20fcfd87d87eeb438533622e54ca2d033e7a", Hex.encode(p.write()));
        OnionPeerPayload back = (OnionPeerPayload) ObjectPayloads.decode(BitmessageObject.TYPE_ONIONPEER, 2, p.write());
        assertEquals("quzwelsuziwqgpt2.onion", back.hostName());
        assertEquals(8444, back.port());
        String v3name = "a".repeat(55) + "d.onion";
        OnionPeerPayload p3 = OnionPeerPayload.of(v3name, 8444);
        assertEquals(3, p3.version());
        assertEquals(v3name, ((OnionPeerPayload) ObjectPayloads.decode(BitmessageObject.TYPE_ONIONPEER, 3, p3.write())).hostName());
        assertThrows(ProtocolException.BadValue.class,
                () -> OnionPeerPayload.read(2, Hex.decode("fe00010000fd87d87eeb438533622e54ca2d033e7a")));
        assertThrows(ProtocolException.Truncated.class, () -> OnionPeerPayload.read(2, Hex.decode("fd20fc")));
    }
}
