package dev.bmtool.core.pow;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs one single-threaded engine per thread over a shared range. Threads claim consecutive
 * batches of nonces from one counter, so no two threads ever try the same nonce and a fast
 * thread never idles while a slow one still has work. The first find stops the others; when
 * several threads find in the same moment the one closest to the range start wins (so a
 * search whose first nonce is valid returns it). Results are verified by the caller
 * ({@link dev.bmtool.core.pow.service.PowService}), once.
 *
 * <p>Worker threads are daemon threads kept for the engine's life, so jobs do not pay thread
 * start-up; {@link #close()} stops them.
 */
public final class MultiThreadPowEngine implements PowEngine {
    /** Nonces per claimed batch: large enough to amortise the claim, small for balance. */
    static final long BATCH = 1 << 16;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final boolean randomStart;
    private final PowEngine[] workers;
    private final ExecutorService pool;
    private final SecureRandom random = new SecureRandom();
    private final int poolId;

    private MultiThreadPowEngine(int threads, Supplier<PowEngine> factory, boolean randomStart) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.randomStart = randomStart;
        this.workers = new PowEngine[threads];
        for (int i = 0; i < threads; i++) {
            workers[i] = factory.get();
        }
        int id = POOLS.incrementAndGet();
        this.poolId = id;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bmtool-pow-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param threads     worker threads (>= 1)
     * @param factory     makes one single-threaded engine per thread
     * @param randomStart begin at a random offset of each range (wrapping inside the range),
     *                    so two machines working on the same job do not repeat each other
     */
    public static MultiThreadPowEngine of(int threads, Supplier<PowEngine> factory, boolean randomStart) {
        return new MultiThreadPowEngine(threads, factory, randomStart);
    }

    /** The workers' engine name and thread count; it changes when a warming CPU engine switches to SIMD. */
    @Override
    public String name() {
        return workers[0].name() + "*" + workers.length;
    }

    /** Worker threads are named {@code bmtool-pow-<poolId>-<n>}. */
    int poolId() {
        return poolId;
    }

    public int threads() {
        return workers.length;
    }

    @Override
    public String toString() {
        return name();
    }

    /** Shared state of one search. */
    private static final class Search implements PowMonitor {
        final PowMonitor outer;
        final long size; // unsigned, 0 = 2^64
        final AtomicLong next = new AtomicLong();
        volatile boolean stop;

        Search(PowMonitor outer, long size) {
            this.outer = outer;
            this.size = size;
        }

        @Override
        public boolean isCancelled() {
            return stop || outer.isCancelled();
        }

        @Override
        public void addTrials(long trials) {
            outer.addTrials(trials);
        }

        /** Claims the next batch of offsets: {first offset, count}, or null when none are left. */
        long[] claim() {
            while (true) {
                long off = next.get();
                long n = BATCH;
                if (size != 0) { // size 0 is 2^64 nonces: the counter cannot realistically run out
                    if (Long.compareUnsigned(off, size) >= 0) {
                        return null;
                    }
                    long left = size - off;
                    n = Long.compareUnsigned(left, BATCH) < 0 ? left : BATCH;
                }
                if (next.compareAndSet(off, off + n)) {
                    return new long[] {off, n};
                }
            }
        }
    }

    /** Outcome of one worker: found offset or none. */
    private record WorkerResult(long trials, boolean found, long offset, long nonce, long trialValue,
            boolean cancelled) {
    }

    @Override
    public synchronized PowResult search(PowJob job, NonceRange range, PowMonitor monitor) {
        long size = range.size();
        long rotate = randomStart ? (size == 0 ? random.nextLong() : Long.remainderUnsigned(random.nextLong(), size)) : 0;
        Search s = new Search(monitor, size);
        List<Future<WorkerResult>> futures = new ArrayList<>(workers.length);
        for (PowEngine worker : workers) {
            futures.add(pool.submit(() -> work(worker, job, range.start(), s, rotate)));
        }
        long trials = 0;
        WorkerResult best = null;
        boolean cancelled = false;
        RuntimeException failure = null;
        for (Future<WorkerResult> f : futures) {
            try {
                WorkerResult r = waitFor(f);
                trials += r.trials;
                cancelled |= r.cancelled;
                if (r.found && (best == null || Long.compareUnsigned(r.offset, best.offset) < 0)) {
                    best = r;
                }
            } catch (ExecutionException e) {
                s.stop = true;
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException(name() + " worker failed", e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (best != null) {
            return PowResult.found(best.nonce, best.trialValue, trials);
        }
        return cancelled ? PowResult.cancelled(trials) : PowResult.exhausted(trials);
    }

    private static WorkerResult waitFor(Future<WorkerResult> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the workers stop on their own; keep the flag for the caller
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** (a + b) mod m for a, b < m; m == 0 stands for 2^64. */
    static long addMod(long a, long b, long m) {
        long x = a + b;
        if (m != 0 && (Long.compareUnsigned(x, a) < 0 || Long.compareUnsigned(x, m) >= 0)) {
            x -= m;
        }
        return x;
    }

    /** (a - b) mod m for a, b < m; m == 0 stands for 2^64. */
    static long subMod(long a, long b, long m) {
        return Long.compareUnsigned(a, b) >= 0 || m == 0 ? a - b : a - b + m;
    }

    private static WorkerResult work(PowEngine engine, PowJob job, long start, Search s, long rotate) {
        long trials = 0;
        while (true) {
            long[] batch = s.claim();
            if (batch == null) {
                return new WorkerResult(trials, false, 0, 0, 0, false);
            }
            long n = batch[1];
            long pos = addMod(batch[0], rotate, s.size); // position in the range after rotation
            // a rotated batch may cross the end of the range: its rest continues at the range start
            long toEnd = s.size - pos; // unsigned; 0 means 2^64 - pos with pos == 0, never short
            long first = toEnd != 0 && Long.compareUnsigned(toEnd, n) < 0 ? toEnd : n;
            PowResult r = engine.search(job, new NonceRange(start + pos, first), s);
            trials += r.trials();
            if (r.status() == PowResult.Status.EXHAUSTED && first != n) {
                r = engine.search(job, new NonceRange(start, n - first), s);
                trials += r.trials();
            }
            if (r.found()) {
                s.stop = true;
                long offset = subMod(r.nonce() - start, rotate, s.size);
                return new WorkerResult(trials, true, offset, r.nonce(), r.trialValue(), false);
            }
            if (r.status() == PowResult.Status.CANCELLED) {
                return new WorkerResult(trials, false, 0, 0, 0, s.outer.isCancelled());
            }
            if (s.stop) {
                return new WorkerResult(trials, false, 0, 0, 0, false);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (PowEngine w : workers) {
            w.close();
        }
    }
}
