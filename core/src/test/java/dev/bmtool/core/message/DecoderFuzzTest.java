package dev.bmtool.core.message;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.address.Wif;
import dev.bmtool.core.crypto.Ecies;
import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;

/**
 * Decoders of untrusted input throw only {@link ProtocolException}. In a normal test run these
 * run once on the empty input and on the stored corpus (regression mode); with JAZZER_FUZZ=1
 * they fuzz.
 */
class DecoderFuzzTest {
    private static final PrivateKey KEY =
            PrivateKey.of(Hex.decode("4b0b73a54e19b059dc274ab69df095fe699f43b17397bca26fdf40f4d7400a3a"));

    @FuzzTest(maxDuration = "10s")
    void plaintexts(FuzzedDataProvider data) {
        int which = data.consumeInt(0, 3);
        byte[] b = data.consumeRemainingAsBytes();
        try {
            switch (which) {
                case 0 -> MsgContent.read(b);
                case 1 -> BroadcastContent.read(b);
                case 2 -> PubkeyContent.read(b, 3);
                default -> PubkeyContent.read(b, 2);
            }
        } catch (ProtocolException expected) {
            // the only allowed failure
        }
    }

    @FuzzTest(maxDuration = "10s")
    void eciesAndObjects(FuzzedDataProvider data) {
        byte[] b = data.consumeRemainingAsBytes();
        try {
            Ecies.decrypt(KEY, b);
        } catch (ProtocolException expected) {
            // fine
        }
        try {
            BitmessageObject obj = BitmessageObject.read(b);
            if (obj.objectType() == BitmessageObject.TYPE_MSG) {
                ObjectCrypto.decryptMsg(obj, KEY);
            } else if (obj.objectType() == BitmessageObject.TYPE_BROADCAST) {
                ObjectCrypto.decryptBroadcast(obj, KEY);
            } else if (obj.objectType() == BitmessageObject.TYPE_PUBKEY && obj.version() == 4) {
                ObjectCrypto.decryptPubkey(obj, KEY);
            }
        } catch (ProtocolException expected) {
            // fine
        }
    }

    @FuzzTest(maxDuration = "10s")
    void textDecoders(FuzzedDataProvider data) {
        String s = data.consumeRemainingAsString();
        try {
            Address.decode(s);
        } catch (ProtocolException expected) {
            // fine
        }
        try {
            Wif.decode(s);
        } catch (ProtocolException expected) {
            // fine
        }
        try {
            KeysDat.parse(s).identities();
        } catch (ProtocolException expected) {
            // fine
        }
        MessageEncoding.decodeSimple(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "10s")
    void extendedMessages(byte[] data) {
        try {
            ExtendedEncoding.decode(data);
        } catch (ProtocolException expected) {
            // fine
        }
        try {
            ExtendedEncoding.unpack(data); // the msgpack reader alone, without zlib in front
        } catch (ProtocolException expected) {
            // fine
        }
    }
}
