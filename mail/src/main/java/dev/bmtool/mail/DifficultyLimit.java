package dev.bmtool.mail;

import dev.bmtool.core.message.SenderKeys;
import dev.bmtool.core.pow.PowMath;
import java.util.Map;

/**
 * The most work we do for a recipient, from keys.dat's {@code [bitmessagesettings]}
 * {@code maxacceptablenoncetrialsperbyte} / {@code maxacceptablepayloadlengthextrabytes}
 * (PyBitmessage's names; missing or 0 means its sanity default, 20,000,000 times the
 * network minimum). Re-read with the identities.
 */
record DifficultyLimit(long nonceTrialsPerByte, long extraBytes) {
    static final long RIDICULOUS = 20_000_000L;
    static final DifficultyLimit DEFAULT = new DifficultyLimit(RIDICULOUS * PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE,
            RIDICULOUS * PowMath.DEFAULT_EXTRA_BYTES);

    static DifficultyLimit of(Map<String, String> settings) {
        return new DifficultyLimit(
                value(settings, "maxacceptablenoncetrialsperbyte", DEFAULT.nonceTrialsPerByte()),
                value(settings, "maxacceptablepayloadlengthextrabytes", DEFAULT.extraBytes()));
    }

    private static long value(Map<String, String> settings, String key, long otherwise) {
        String v = settings == null ? null : settings.get(key);
        try {
            long n = v == null ? 0 : Long.parseLong(v.strip());
            return n > 0 ? n : otherwise;
        } catch (NumberFormatException e) {
            return otherwise; // PyBitmessage would refuse to start; we keep its default
        }
    }

    boolean allows(SenderKeys k) {
        return k.nonceTrialsPerByte() <= nonceTrialsPerByte && k.payloadLengthExtraBytes() <= extraBytes;
    }
}
