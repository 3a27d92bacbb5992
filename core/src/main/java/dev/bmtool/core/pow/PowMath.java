package dev.bmtool.core.pow;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Proof-of-work arithmetic exactly as PyBitmessage does it (protocol brief section 7). All
 * 64-bit quantities (nonce, trial value, target, expiresTime) are unsigned.
 */
public final class PowMath {
    /** Network minimum nonceTrialsPerByte and payloadLengthExtraBytes. */
    public static final long DEFAULT_NONCE_TRIALS_PER_BYTE = 1000;
    public static final long DEFAULT_EXTRA_BYTES = 1000;
    /** The verifier floors the remaining TTL at this many seconds. */
    public static final long VERIFIER_MIN_TTL = 300;

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger TWO_64_TIMES_65536 = BigInteger.ONE.shiftLeft(80);

    private PowMath() {
    }

    static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 missing from the JDK", e);
        }
    }

    /** sha512(object without its 8-byte nonce). */
    public static byte[] initialHash(byte[] objectWithoutNonce) {
        return sha512().digest(objectWithoutNonce);
    }

    /** sha512(objectBytes[8:]) for a complete object (nonce first). */
    public static byte[] initialHashOfObject(byte[] object) {
        MessageDigest md = sha512();
        md.update(object, 8, object.length - 8);
        return md.digest();
    }

    /**
     * First 8 bytes of sha512(sha512(nonce || initialHash)) as an unsigned 64-bit value. The
     * plain reference every engine's results are re-verified with.
     */
    public static long trialValue(long nonce, byte[] initialHash) {
        MessageDigest md = sha512();
        byte[] buf = new byte[8 + initialHash.length];
        for (int i = 0; i < 8; i++) {
            buf[i] = (byte) (nonce >>> (56 - 8 * i));
        }
        System.arraycopy(initialHash, 0, buf, 8, initialHash.length);
        byte[] h = md.digest(md.digest(buf));
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xFF);
        }
        return v;
    }

    /** True iff the nonce meets the target ({@code trial <= target}, unsigned). */
    public static boolean meets(long nonce, byte[] initialHash, long target) {
        return Long.compareUnsigned(trialValue(nonce, initialHash), target) <= 0;
    }

    /** Inventory hash: first 32 bytes of dsha512(whole object). */
    public static byte[] inventoryHash(byte[] object) {
        MessageDigest md = sha512();
        return Arrays.copyOf(md.digest(md.digest(object)), 32);
    }

    private static long atLeastMinimum(long v, long minimum) {
        return Long.compareUnsigned(v, minimum) < 0 ? minimum : v;
    }

    /**
     * PyBitmessage's verifier target ({@code protocol.isProofOfWorkSufficient}): integer floors,
     * TTL floored at 300 s, ntpb and extra raised to the network minimum.
     *
     * @param objectLength whole object length including the nonce
     * @param ttlSeconds   expiresTime - now (may be negative); values below 300 count as 300
     */
    public static long verifierTarget(long objectLength, long ttlSeconds, long nonceTrialsPerByte, long extraBytes) {
        return verifierTarget(objectLength, ttlSeconds, nonceTrialsPerByte, extraBytes, DEFAULT_NONCE_TRIALS_PER_BYTE,
                DEFAULT_EXTRA_BYTES);
    }

    /**
     * {@link #verifierTarget(long, long, long, long)} on a network whose minimum difficulty is
     * {@code minimumTrials} / {@code minimumExtra} instead of 1000 / 1000: PyBitmessage's test
     * mode ("extralowdifficulty") divides both by 100 and raises smaller demands to that.
     */
    public static long verifierTarget(long objectLength, long ttlSeconds, long nonceTrialsPerByte, long extraBytes,
            long minimumTrials, long minimumExtra) {
        long ttl = Math.max(ttlSeconds, VERIFIER_MIN_TTL);
        BigInteger ntpb = BigInteger.valueOf(atLeastMinimum(nonceTrialsPerByte, Math.max(1, minimumTrials)));
        BigInteger lPlusExtra = BigInteger.valueOf(objectLength)
                .add(new BigInteger(Long.toUnsignedString(atLeastMinimum(extraBytes, Math.max(0, minimumExtra)))));
        BigInteger inner = BigInteger.valueOf(ttl).multiply(lPlusExtra).shiftRight(16); // floor(/65536), ttl>0
        BigInteger denominator = ntpb.multiply(lPlusExtra.add(inner));
        return clampToUnsigned64(TWO_64.divide(denominator));
    }

    /**
     * The sender's target in its exact rational form (brief 7.3): equals PyBitmessage's
     * float-then-int result, is never above {@link #verifierTarget}; no TTL floor.
     */
    public static long senderTarget(long objectLength, long ttlSeconds, long nonceTrialsPerByte, long extraBytes) {
        if (ttlSeconds < 0) {
            throw new IllegalArgumentException("TTL must not be negative: " + ttlSeconds);
        }
        BigInteger ntpb = BigInteger.valueOf(atLeastMinimum(nonceTrialsPerByte, DEFAULT_NONCE_TRIALS_PER_BYTE));
        BigInteger lPrime = BigInteger.valueOf(objectLength)
                .add(new BigInteger(Long.toUnsignedString(atLeastMinimum(extraBytes, DEFAULT_EXTRA_BYTES))));
        BigInteger denominator = ntpb.multiply(lPrime.shiftLeft(16).add(BigInteger.valueOf(ttlSeconds).multiply(lPrime)));
        return clampToUnsigned64(TWO_64_TIMES_65536.divide(denominator));
    }

    private static long clampToUnsigned64(BigInteger v) {
        return v.bitLength() > 64 ? -1L : v.longValue();
    }

    /** Expected number of trials to meet {@code target}: 2^64 / (target + 1). */
    public static double expectedTrials(long target) {
        double t = target < 0 ? target + 0x1p64 : (double) target;
        return 0x1p64 / (t + 1.0);
    }
}
