package dev.bmtool.mail;

import dev.bmtool.core.crypto.Ecies;
import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.object.BitmessageObject;
import java.security.SecureRandom;

/**
 * The ackdata of a new sent entry (PyBitmessage's genAckPayload): the ack object's payload after
 * nonce and expiresTime, at an {@code ackstealthlevel}: 0 a msg-typed object with 32 random bytes;
 * 1 a v4 getpubkey with a random tag; 2 a msg-typed object holding an ECIES blob of 234..800
 * random bytes for a throw-away key, indistinguishable from a real msg.
 */
public final class AckData {
    private AckData() {
    }

    /** keys.dat's {@code ackstealthlevel} (0..2; anything else counts as 0). */
    public static int stealthLevel(java.util.Map<String, String> settings) {
        String v = settings.get("ackstealthlevel");
        try {
            int n = v == null ? 0 : Integer.parseInt(v.strip());
            return n >= 0 && n <= 2 ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static byte[] generate(int stealthLevel, long stream, SecureRandom random) {
        ByteWriter w = new ByteWriter(64);
        if (stealthLevel == 2) {
            byte[] dummy = new byte[234 + random.nextInt(800 - 234 + 1)];
            random.nextBytes(dummy);
            byte[] blob = Ecies.encrypt(PrivateKey.random(random).publicKey(), dummy);
            return w.writeUInt32(BitmessageObject.TYPE_MSG).writeVarInt(1).writeVarInt(stream).writeBytes(blob)
                    .toByteArray();
        }
        byte[] tail = new byte[32];
        random.nextBytes(tail);
        if (stealthLevel == 1) {
            return w.writeUInt32(BitmessageObject.TYPE_GETPUBKEY).writeVarInt(4).writeVarInt(stream).writeBytes(tail)
                    .toByteArray();
        }
        return w.writeUInt32(BitmessageObject.TYPE_MSG).writeVarInt(1).writeVarInt(stream).writeBytes(tail)
                .toByteArray();
    }
}
