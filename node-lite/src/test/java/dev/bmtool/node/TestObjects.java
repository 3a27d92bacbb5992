package dev.bmtool.node;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small objects with real proof of work (about a million trials each), cached per JVM so the
 * work is done once per test run.
 */
public final class TestObjects {
    private static final Map<Integer, BitmessageObject> CACHE = new ConcurrentHashMap<>();
    private static final long TTL = 2 * 3600;

    private TestObjects() {
    }

    /** A valid msg-type object distinguished by {@code seed}, expiring in about two hours. */
    public static BitmessageObject valid(int seed) {
        return CACHE.computeIfAbsent(seed, TestObjects::make);
    }

    /** The same object with one bit of the nonce flipped: bad proof of work. */
    public static BitmessageObject flipped(int seed) {
        BitmessageObject o = valid(seed);
        return o.withNonce(o.nonce() ^ 1L);
    }

    private static BitmessageObject make(int seed) {
        long expires = System.currentTimeMillis() / 1000 + TTL;
        byte[] payload = ("bmtool test object " + seed).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        BitmessageObject o = BitmessageObject.of(0, expires, BitmessageObject.TYPE_MSG, 1, 1, payload);
        long target = PowMath.senderTarget(o.length(), TTL, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE,
                PowMath.DEFAULT_EXTRA_BYTES);
        byte[] ih = PowMath.initialHash(o.bytesWithoutNonce());
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-512");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[72];
        System.arraycopy(ih, 0, buf, 8, 64);
        long nonce = 0;
        while (true) {
            nonce++;
            for (int i = 0; i < 8; i++) {
                buf[i] = (byte) (nonce >>> (56 - 8 * i));
            }
            md.update(buf);
            byte[] h = md.digest(md.digest());
            long trial = 0;
            for (int i = 0; i < 8; i++) {
                trial = (trial << 8) | (h[i] & 0xFF);
            }
            // cross-checked with the reference implementation before use
            if (Long.compareUnsigned(trial, target) <= 0 && PowMath.meets(nonce, ih, target)) {
                BitmessageObject done = o.withNonce(nonce);
                // the flipped variant must really fail (it does with overwhelming probability)
                if (!PowMath.meets(nonce ^ 1L, ih, PowMath.verifierTarget(o.length(), 300, 1000, 1000))) {
                    return done;
                }
            }
        }
    }
}
