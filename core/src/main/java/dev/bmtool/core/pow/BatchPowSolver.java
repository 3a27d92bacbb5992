package dev.bmtool.core.pow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Gathers jobs that arrive one by one (queued offload requests) into batches for
 * {@link PowScheduler#solveBatch}: a batch is what waits in the queue when the previous one ends,
 * plus what arrives within a short window, up to a bound. Each caller gets its own job's
 * outcome. With no batch engine in use ({@link PowScheduler#batching()} false) batches still
 * form, and the scheduler solves their jobs one after another in arrival order.
 *
 * <p>One daemon thread runs the batches; {@link #close()} stops it and answers jobs still
 * waiting with a cancelled outcome. Closing the scheduler cancels the running batch.
 */
public final class BatchPowSolver implements AutoCloseable {
    /** Default bound on jobs per batch. */
    public static final int DEFAULT_MAX_BATCH = 64;
    /** Default time the first job of a batch waits for company when the queue is empty. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMillis(2);

    private record Pending(PowJob job, CompletableFuture<PowScheduler.Outcome> answer) {
    }

    private final PowBackend scheduler;
    private final int maxBatch;
    private final long windowNanos;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean closed;

    /**
     * @param scheduler solves the batches; not closed by this class
     * @param maxBatch  most jobs per batch (1: no batching)
     * @param window    how long the first job of a batch waits for more when none are queued
     */
    public BatchPowSolver(PowBackend scheduler, int maxBatch, Duration window) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + maxBatch);
        }
        if (window.isNegative()) {
            throw new IllegalArgumentException("batch window must not be negative: " + window);
        }
        this.scheduler = scheduler;
        this.maxBatch = maxBatch;
        this.windowNanos = window.toNanos();
        this.worker = new Thread(this::loop, "bmtool-pow-batch");
        worker.setDaemon(true);
        worker.start();
    }

    public int maxBatch() {
        return maxBatch;
    }

    /**
     * Queues a job; the future completes with its outcome (status {@code CANCELLED} when the
     * solver or scheduler closes first), or exceptionally when no engine could solve it.
     */
    public CompletableFuture<PowScheduler.Outcome> submit(PowJob job) {
        CompletableFuture<PowScheduler.Outcome> f = new CompletableFuture<>();
        if (closed) {
            f.complete(cancelled());
            return f;
        }
        queue.add(new Pending(job, f));
        if (closed) { // close() may have drained the queue before the add
            drainCancelled();
        }
        return f;
    }

    private static PowScheduler.Outcome cancelled() {
        return new PowScheduler.Outcome(PowResult.cancelled(0), "", Duration.ZERO);
    }

    private void loop() {
        try {
            while (!closed) {
                List<Pending> batch = new ArrayList<>();
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - batch.size());
                long deadline = System.nanoTime() + windowNanos;
                while (batch.size() < maxBatch) {
                    long left = deadline - System.nanoTime();
                    Pending p = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (p == null) {
                        break;
                    }
                    batch.add(p);
                    queue.drainTo(batch, maxBatch - batch.size());
                }
                run(batch);
            }
        } catch (InterruptedException e) {
            // close()
        } finally {
            drainCancelled();
        }
    }

    private void run(List<Pending> batch) {
        List<PowJob> jobs = batch.stream().map(Pending::job).toList();
        try {
            List<PowScheduler.Outcome> outcomes = scheduler.solveBatch(jobs, PowScheduler.Listener.NONE);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            if (closed) {
                batch.forEach(p -> p.answer().complete(cancelled()));
            } else {
                batch.forEach(p -> p.answer().completeExceptionally(e));
            }
        }
    }

    private void drainCancelled() {
        Pending p;
        while ((p = queue.poll()) != null) {
            p.answer().complete(cancelled());
        }
    }

    /** Stops gathering; jobs not yet started are answered as cancelled. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        drainCancelled();
    }
}
