package dev.bmtool.core.vanity;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CPU search: one {@link Walker} and one {@link CandidateHasher} per thread.
 *
 * <p>Each thread draws a random signing key and a random encryption start key, keeps the signing
 * key and walks the encryption key. After a hit the thread draws a fresh signing key, so no two
 * results share one (a shared signing key would link the identities).
 */
public final class CpuVanityEngine implements VanityEngine {
    private final int threads;
    private final SecureRandom random;
    private final long progressMillis;

    /** @param threads worker threads, at least 1 */
    public CpuVanityEngine(int threads) {
        this(threads, new SecureRandom(), 1000);
    }

    CpuVanityEngine(int threads, SecureRandom random, long progressMillis) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.threads = threads;
        this.random = random;
        this.progressMillis = progressMillis;
    }

    @Override
    public String name() {
        return "cpu";
    }

    public int threads() {
        return threads;
    }

    @Override
    public List<VanityResult> search(VanityPattern pattern, int count, VanityListener listener)
            throws InterruptedException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        Shared shared = new Shared(pattern, count, listener);
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Worker w = new Worker(shared, randomKey(), randomKey());
            Thread th = Thread.ofPlatform().name("vanity-" + i).daemon().unstarted(w);
            workers.add(th);
        }
        workers.forEach(Thread::start);
        try {
            synchronized (shared) {
                while (shared.results.size() < count && shared.failure == null) {
                    shared.wait(progressMillis);
                    if (shared.results.size() < count && shared.failure == null) {
                        double secs = (System.nanoTime() - start) / 1e9;
                        listener.progress(VanityProgress.of(shared.candidates.get(), secs,
                                shared.results.size(), count, pattern.probability()));
                    }
                }
            }
        } finally {
            shared.stop.set(true);
            for (Thread th : workers) {
                th.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
        if (shared.failure != null) {
            throw new IllegalStateException(shared.failure.getMessage(), shared.failure);
        }
        synchronized (shared) {
            return List.copyOf(shared.results.subList(0, count));
        }
    }

    private synchronized BigInteger randomKey() {
        BigInteger k;
        do {
            k = new BigInteger(256, random);
        } while (k.signum() == 0 || k.compareTo(Curve.N) >= 0);
        return k;
    }

    /** State shared by the workers; its monitor guards results and failure. */
    private static final class Shared {
        final VanityPattern pattern;
        final int count;
        final VanityListener listener;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong candidates = new AtomicLong();
        final List<VanityResult> results = new ArrayList<>();
        Throwable failure;

        Shared(VanityPattern pattern, int count, VanityListener listener) {
            this.pattern = pattern;
            this.count = count;
            this.listener = listener;
        }

        synchronized void hit(VanityResult r) {
            if (results.size() < count) {
                results.add(r);
                listener.found(r);
            }
            notifyAll();
        }

        synchronized void fail(Throwable t) {
            if (failure == null) {
                failure = t;
            }
            notifyAll();
        }
    }

    private final class Worker implements Runnable {
        private final Shared shared;
        private final VanityPattern pattern;
        private BigInteger signingKey;
        private final MatchSink sink;
        private final Walker walker;

        Worker(Shared shared, BigInteger signingKey, BigInteger encryptionStart) {
            this.shared = shared;
            this.pattern = shared.pattern;
            this.walker = new Walker(encryptionStart);
            this.signingKey = signingKey;
            this.sink = new MatchSink(pattern, Curve.publicKey65(signingKey));
        }

        private void useSigningKey(BigInteger k) {
            signingKey = k;
            sink.useSigningKey(Curve.publicKey65(k));
        }

        @Override
        public void run() {
            try {
                while (!shared.stop.get()) {
                    int r = walker.batch(sink);
                    if (r == Walker.DEGENERATE) {
                        walker.setCenter(randomKey());
                        continue;
                    }
                    if (r == Walker.STOPPED && sink.hit) {
                        sink.hit = false;
                        int hitOffset = sink.hitOffset;
                        // candidates up to the hit: the center, then two per step
                        long done = shared.candidates.addAndGet(1 + 2L * Math.abs(hitOffset)
                                - (hitOffset > 0 ? 1 : 0));
                        byte[] priv = Curve.scalarBytes(walker.key(hitOffset));
                        VanityResult res = VanityVerifier.verify(Curve.scalarBytes(signingKey), priv, pattern, done);
                        shared.hit(res);
                        // a fresh identity for the next hit
                        useSigningKey(randomKey());
                        walker.setCenter(randomKey());
                        continue;
                    }
                    shared.candidates.addAndGet(Walker.BATCH);
                }
            } catch (Throwable t) {
                shared.fail(t);
            }
        }
    }
}
