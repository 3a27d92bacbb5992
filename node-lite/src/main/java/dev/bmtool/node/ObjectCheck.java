package dev.bmtool.node;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;

/**
 * Whether the node accepts an object: cheapest checks first (size, expiry window, stream,
 * per-type minimum length, then proof of work with the verifier target), brief 6.4.
 */
final class ObjectCheck {
    /** 28 days + 3 hours. */
    static final long MAX_TTL = 2_430_000;
    /** Expired for at most one hour. */
    static final long MAX_EXPIRED = 3600;

    private ObjectCheck() {
    }

    /** Returns null when acceptable, else the reason for rejection. */
    static String reject(BitmessageObject o, long now, long ourStream) {
        long expires = o.expiresTime();
        // unsigned: an expiresTime with the top bit set is absurdly far in the future
        if (expires < 0 || expires - now > MAX_TTL) {
            return "expires too far in the future";
        }
        if (expires - now < -MAX_EXPIRED) {
            return "expired more than an hour ago";
        }
        if (o.stream() < 1) {
            return "invalid stream " + o.stream();
        }
        if (o.stream() != ourStream) {
            return "not our stream (" + o.stream() + ")";
        }
        int len = o.length();
        long t = o.objectType();
        if (t == BitmessageObject.TYPE_GETPUBKEY && len < 42) {
            return "getpubkey too short (" + len + " bytes)";
        }
        if (t == BitmessageObject.TYPE_PUBKEY && (len < 146 || len > 440)) {
            return "pubkey length " + len + " outside 146..440";
        }
        if (t == BitmessageObject.TYPE_BROADCAST && (len < 180 || o.version() < 2)) {
            return "broadcast too short or old version";
        }
        byte[] raw = o.write();
        long target = PowMath.verifierTarget(len, expires - now, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE,
                PowMath.DEFAULT_EXTRA_BYTES);
        if (!PowMath.meets(o.nonce(), PowMath.initialHashOfObject(raw), target)) {
            return "insufficient proof of work";
        }
        return null;
    }
}
