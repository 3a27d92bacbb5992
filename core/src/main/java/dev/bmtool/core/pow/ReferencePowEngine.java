package dev.bmtool.core.pow;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * The plain engine: {@link MessageDigest} SHA-512 twice per nonce, as most implementations do
 * it. Slow on purpose; it is the baseline the benchmarks compare the specialised engines with.
 */
public final class ReferencePowEngine implements PowEngine {
    private final MessageDigest md = PowMath.sha512();
    private final byte[] buf = new byte[72];
    private final byte[] h = new byte[64];

    @Override
    public String name() {
        return "messagedigest";
    }

    @Override
    public PowResult search(PowJob job, NonceRange range, PowMonitor monitor) {
        System.arraycopy(job.initialHash(), 0, buf, 8, 64);
        long target = job.target();
        long n = range.start();
        long last = range.last();
        long trials = 0;
        while (true) {
            long end = Long.compareUnsigned(last - n, 1023) <= 0 ? last : n + 1023;
            for (long x = n; ; x++) {
                long t = trial(x);
                if (Long.compareUnsigned(t, target) <= 0) {
                    monitor.addTrials(x - n + 1);
                    return PowResult.found(x, t, trials + (x - n + 1));
                }
                if (x == end) {
                    break;
                }
            }
            trials += end - n + 1;
            monitor.addTrials(end - n + 1);
            if (end == last) {
                return PowResult.exhausted(trials);
            }
            if (monitor.isCancelled()) {
                return PowResult.cancelled(trials);
            }
            n = end + 1;
        }
    }

    private long trial(long nonce) {
        for (int i = 0; i < 8; i++) {
            buf[i] = (byte) (nonce >>> (56 - 8 * i));
        }
        try {
            md.update(buf);
            md.digest(h, 0, 64);
            md.update(h);
            md.digest(h, 0, 64);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xFF);
        }
        return v;
    }
}
