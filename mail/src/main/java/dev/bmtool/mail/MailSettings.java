package dev.bmtool.mail;

/**
 * Time-to-live choices of the mail agent (brief 7.5). The defaults are PyBitmessage's; the demo
 * and tests shorten them, which keeps the proof of work small at the real network difficulty.
 *
 * @param msgTtl       msg TTL when the user gives none (4 days, the API default)
 * @param broadcastTtl broadcast TTL when none is given
 * @param pubkeyTtl    own pubkey objects (28 days); also the least time between two publications
 * @param getpubkeyTtl first getpubkey (2.5 days, doubled on each retry)
 * @param jitter       add PyBitmessage's random -300..300 s to TTLs of an hour and more
 */
public record MailSettings(long msgTtl, long broadcastTtl, long pubkeyTtl, long getpubkeyTtl, boolean jitter) {
    public static final long DAY = 24 * 3600;
    public static final long MAX_TTL = 28 * DAY;
    public static final long MIN_TTL = 300;

    public MailSettings {
        for (long t : new long[] {msgTtl, broadcastTtl, pubkeyTtl, getpubkeyTtl}) {
            if (t < MIN_TTL || t > MAX_TTL) {
                throw new IllegalArgumentException("TTLs must be " + MIN_TTL + ".." + MAX_TTL + " seconds, got " + t);
            }
        }
    }

    public static MailSettings defaults() {
        return new MailSettings(4 * DAY, 4 * DAY, MAX_TTL, DAY * 5 / 2, true);
    }

    /** Every TTL set to {@code ttl}, no jitter (demo, tests). */
    public static MailSettings shortLived(long ttl) {
        return new MailSettings(ttl, ttl, ttl, ttl, false);
    }

    /** Ack object TTL bucket from the msg TTL: 1 day below a day, 7 days below a week, else 28 days. */
    public static long ackTtl(long msgTtl) {
        if (msgTtl < DAY) {
            return DAY;
        }
        if (msgTtl < 7 * DAY) {
            return 7 * DAY;
        }
        return MAX_TTL;
    }
}
