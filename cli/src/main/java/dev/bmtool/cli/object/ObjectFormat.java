package dev.bmtool.cli.object;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/** Formatting helpers for object output. */
final class ObjectFormat {
    private ObjectFormat() {
    }

    /** An unsigned 64-bit value as a JSON number (Long when it fits, else BigInteger). */
    static Object u64(long v) {
        return v >= 0 ? (Object) v : new BigInteger(Long.toUnsignedString(v));
    }

    /** ISO-8601 UTC, or the raw number when beyond what Instant can show. */
    static String isoTime(long unsignedSeconds) {
        if (unsignedSeconds < 0 || unsignedSeconds > Instant.MAX.getEpochSecond()) {
            return Long.toUnsignedString(unsignedSeconds) + " (out of range)";
        }
        return Instant.ofEpochSecond(unsignedSeconds).toString();
    }

    /** expiresTime - now as a BigInteger (expiresTime is unsigned). */
    static BigInteger ttl(long expires, long now) {
        return new BigInteger(Long.toUnsignedString(expires)).subtract(BigInteger.valueOf(now));
    }

    /** "3d 4h 5m 6s left" or "expired 1h 2m ago". */
    static String describeTtl(BigInteger ttl) {
        if (ttl.bitLength() > 62) {
            return ttl.signum() > 0 ? ttl + " s left" : "expired " + ttl.negate() + " s ago";
        }
        long s = ttl.longValue();
        String d = human(Math.abs(s));
        return s >= 0 ? d + " left" : "expired " + d + " ago";
    }

    private static String human(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        StringBuilder sb = new StringBuilder();
        if (d.toDays() > 0) {
            sb.append(d.toDays()).append("d ");
        }
        if (d.toHoursPart() > 0 || sb.length() > 0) {
            sb.append(d.toHoursPart()).append("h ");
        }
        if (d.toMinutesPart() > 0 || sb.length() > 0) {
            sb.append(d.toMinutesPart()).append("m ");
        }
        sb.append(d.toSecondsPart()).append('s');
        return sb.toString();
    }
}
