package dev.bmtool.core.object;

import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.pow.PowMath;
import java.util.Set;

/**
 * Receipt checks of brief 6.4, cheapest first: payload size, expiry window, stream, then
 * proof of work against {@link PowMath#verifierTarget}. {@link #validate} decides whether an
 * object may be stored and relayed; {@link #checkContent} is the separate type-specific
 * sanity check (step 7) whose failure only means the object is not processed locally.
 */
public final class ObjectValidator {
    /** Largest accepted expiresTime - now: 28 days + 3 hours. */
    public static final long MAX_TTL = 28L * 24 * 3600 + 3 * 3600;
    /** Smallest accepted expiresTime - now: expired at most one hour ago. */
    public static final long MIN_TTL = -3600;

    /** Why an object was accepted or rejected. */
    public enum Reason {
        OK,
        PAYLOAD_TOO_LARGE,
        EXPIRES_TOO_FAR,
        EXPIRED,
        BAD_STREAM,
        UNWANTED_STREAM,
        INSUFFICIENT_POW,
        TOO_SHORT,
        TOO_LONG,
        BAD_VERSION,
        MALFORMED_PAYLOAD
    }

    /**
     * The outcome.
     *
     * @param ttl    expiresTime - now in seconds when it fits the window, else 0
     * @param target the PoW target checked against (0 when the PoW was not reached)
     */
    public record Result(Reason reason, String message, long ttl, long trialValue, long target) {
        public boolean valid() {
            return reason == Reason.OK;
        }

        static Result fail(Reason reason, String message) {
            return new Result(reason, message, 0, 0, 0);
        }
    }

    private final long nonceTrialsPerByte;
    private final long extraBytes;
    private final long minimumTrials;
    private final long minimumExtra;
    private final Set<Long> streams;

    private ObjectValidator(long nonceTrialsPerByte, long extraBytes, long minimumTrials, long minimumExtra,
            Set<Long> streams) {
        this.nonceTrialsPerByte = nonceTrialsPerByte;
        this.extraBytes = extraBytes;
        this.minimumTrials = minimumTrials;
        this.minimumExtra = minimumExtra;
        this.streams = Set.copyOf(streams);
    }

    /** Network minimum difficulty, any stream >= 1 accepted. */
    public static ObjectValidator defaults() {
        return new ObjectValidator(PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE, PowMath.DEFAULT_EXTRA_BYTES,
                PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE, PowMath.DEFAULT_EXTRA_BYTES, Set.of());
    }

    /** Higher difficulty (values below the network minimum are raised to it by the target formula). */
    public ObjectValidator withDifficulty(long nonceTrialsPerByte, long extraBytes) {
        return new ObjectValidator(nonceTrialsPerByte, extraBytes, minimumTrials, minimumExtra, streams);
    }

    /**
     * Another network minimum, also the difficulty checked: PyBitmessage's test mode uses 10 / 10
     * ({@link PowMath#DEFAULT_NONCE_TRIALS_PER_BYTE} / 100) on test networks.
     */
    public ObjectValidator withNetworkMinimum(long minimumTrials, long minimumExtra) {
        if (minimumTrials < 1 || minimumExtra < 0) {
            throw new IllegalArgumentException("network minimum must be >= 1 trial per byte and >= 0 extra bytes");
        }
        return new ObjectValidator(minimumTrials, minimumExtra, minimumTrials, minimumExtra, streams);
    }

    /** Only these streams are wanted (empty: any stream >= 1). */
    public ObjectValidator withStreams(Set<Long> wanted) {
        return new ObjectValidator(nonceTrialsPerByte, extraBytes, minimumTrials, minimumExtra, wanted);
    }

    public long nonceTrialsPerByte() {
        return nonceTrialsPerByte;
    }

    public long extraBytes() {
        return extraBytes;
    }

    /**
     * Checks whether {@code object} may be stored and relayed at {@code nowSeconds} (UNIX
     * seconds).
     */
    public Result validate(BitmessageObject object, long nowSeconds) {
        if (nowSeconds < 0 || nowSeconds > (1L << 62)) {
            throw new IllegalArgumentException("time out of range: " + nowSeconds);
        }
        int payloadLength = object.length() - object.payloadOffset();
        if (payloadLength > BitmessageObject.MAX_PAYLOAD_LENGTH) {
            return Result.fail(Reason.PAYLOAD_TOO_LARGE, "object payload of " + payloadLength + " bytes exceeds "
                    + BitmessageObject.MAX_PAYLOAD_LENGTH);
        }
        long expires = object.expiresTime();
        // unsigned comparisons: an absurd expiresTime (>= 2^63) must not wrap into the window
        if (Long.compareUnsigned(expires, nowSeconds + MAX_TTL) > 0) {
            return Result.fail(Reason.EXPIRES_TOO_FAR, "expires too far in the future: expiresTime "
                    + Long.toUnsignedString(expires) + " is more than " + MAX_TTL + " s after " + nowSeconds);
        }
        long earliest = nowSeconds + MIN_TTL;
        if (earliest > 0 && Long.compareUnsigned(expires, earliest) < 0) {
            return Result.fail(Reason.EXPIRED, "expired " + (nowSeconds - expires) + " s ago (more than "
                    + -MIN_TTL + " s)");
        }
        long ttl = expires - nowSeconds; // within [-3600, MAX_TTL] now, no overflow
        long stream = object.stream();
        if (stream == 0 || stream < 0) {
            return Result.fail(Reason.BAD_STREAM, "invalid stream " + Long.toUnsignedString(stream));
        }
        if (!streams.isEmpty() && !streams.contains(stream)) {
            return Result.fail(Reason.UNWANTED_STREAM, "stream " + stream + " is not one of " + streams);
        }
        long target = PowMath.verifierTarget(object.length(), ttl, nonceTrialsPerByte, extraBytes, minimumTrials,
                minimumExtra);
        long trial = object.trialValue();
        if (Long.compareUnsigned(trial, target) > 0) {
            return new Result(Reason.INSUFFICIENT_POW, "insufficient proof of work: trial value "
                    + Long.toUnsignedString(trial) + " > target " + Long.toUnsignedString(target), ttl, trial, target);
        }
        return new Result(Reason.OK, "valid", ttl, trial, target);
    }

    /**
     * Type-specific sanity (brief 6.4 step 7, object lengths include the nonce): getpubkey
     * at least 42 bytes, pubkey 146..440, broadcast at least 180 and version at least 2; then
     * the typed payload must decode. Objects failing this are still relayed, but not processed.
     */
    public static Result checkContent(BitmessageObject object) {
        int len = object.length();
        long type = object.objectType();
        if (type == BitmessageObject.TYPE_GETPUBKEY && len < 42) {
            return Result.fail(Reason.TOO_SHORT, "getpubkey of " + len + " bytes is shorter than 42");
        }
        if (type == BitmessageObject.TYPE_PUBKEY && len < 146) {
            return Result.fail(Reason.TOO_SHORT, "pubkey of " + len + " bytes is shorter than 146");
        }
        if (type == BitmessageObject.TYPE_PUBKEY && len > 440) {
            return Result.fail(Reason.TOO_LONG, "pubkey of " + len + " bytes is longer than 440");
        }
        if (type == BitmessageObject.TYPE_BROADCAST && len < 180) {
            return Result.fail(Reason.TOO_SHORT, "broadcast of " + len + " bytes is shorter than 180");
        }
        if (type == BitmessageObject.TYPE_BROADCAST && Long.compareUnsigned(object.version(), 2) < 0) {
            return Result.fail(Reason.BAD_VERSION, "broadcast version " + object.version() + " is below 2");
        }
        try {
            ObjectPayloads.decode(object);
        } catch (ProtocolException e) {
            return Result.fail(Reason.MALFORMED_PAYLOAD, "malformed " + object.typeName() + " payload: "
                    + e.getMessage());
        }
        return new Result(Reason.OK, "content ok", 0, 0, 0);
    }
}
