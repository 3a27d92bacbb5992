package dev.bmtool.core.pow.service;

import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowBackend;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowResult;
import dev.bmtool.core.pow.PowScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one proof-of-work service. It takes an initial hash and target ({@link #solve}) or an object
 * and its difficulty ({@link #solveObject}), tries the remote {@code pow serve} endpoints it was
 * given (in turn, skipping those that recently failed), falls back to the local engines, and
 * verifies every answer exactly once, here, with {@link PowMath#trialValue}: a remote server
 * that answers wrongly is set aside like one that is down; a local engine that does is dropped
 * ({@link PowBackend#distrust}) and the job solved again on what is left.
 *
 * <p>Thread-safe: any number of callers may solve at once (local jobs queue in the scheduler,
 * remote ones run side by side). {@link #close()} cancels what runs and frees the engines.
 */
public final class PowService implements PowBackend {

    /** A finished object: the input with its nonce set, the job it was, and how it was found. */
    public record Solved(BitmessageObject object, PowJob job, PowScheduler.Outcome outcome) {
        public String engine() {
            return outcome.engine();
        }

        public long trials() {
            return outcome.result().trials();
        }

        public Duration elapsed() {
            return outcome.elapsed();
        }

        public long target() {
            return job.target();
        }
    }

    private final PowBackend local;
    private final List<RemotePowServer> remotes;
    private final Consumer<String> problems;
    private final Consumer<PowScheduler.Progress> progress;
    private final AtomicInteger nextRemote = new AtomicInteger();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean closed;

    private PowService(PowBackend local, List<RemotePowServer> remotes, Consumer<String> problems,
            Consumer<PowScheduler.Progress> progress) {
        this.local = Objects.requireNonNull(local);
        this.remotes = List.copyOf(remotes);
        this.problems = problems == null ? m -> { } : problems;
        this.progress = progress;
    }

    /**
     * Opens the local scheduler and the remote endpoints.
     *
     * @param warm     warm the SIMD engine in the background now (long-lived processes)
     * @param progress progress of jobs whose caller passes no listener of its own (may be null)
     */
    public static PowService open(PowScheduler.Options local, List<RemotePowServer> remotes, boolean warm,
            Consumer<String> problems, Consumer<PowScheduler.Progress> progress) {
        PowScheduler s = PowScheduler.open(local, problems);
        if (warm) {
            s.warmUp();
        }
        return new PowService(s, remotes, problems, progress);
    }

    /** A service over any backend (tests, embedding); it owns {@code local} and closes it. */
    public static PowService of(PowBackend local, List<RemotePowServer> remotes, Consumer<String> problems) {
        return new PowService(local, remotes, problems, null);
    }

    /** A service over {@code local} alone. */
    public static PowService of(PowBackend local) {
        return of(local, List.of(), null);
    }

    /**
     * Another service on the same engines and servers whose {@link #close()} leaves them open
     * (one engine set for several users, e.g. two mailboxes in one process); close this one last.
     */
    public PowService view() {
        PowBackend shared = local;
        PowBackend nonClosing = new PowBackend() {
            @Override
    public PowScheduler.Outcome solve(PowJob job, PowScheduler.Listener listener) {
                return shared.solve(job, listener);
            }

            @Override
            public List<PowScheduler.Outcome> solveBatch(List<PowJob> jobs, PowScheduler.Listener listener) {
                return shared.solveBatch(jobs, listener);
            }

            @Override
    public boolean batching() {
                return shared.batching();
            }

            @Override
    public List<String> engineNames(double expectedTrials) {
                return shared.engineNames(expectedTrials);
            }

            @Override
    public void warmUp() {
                shared.warmUp();
            }

            @Override
            public boolean warm() {
                return shared.warm();
            }

            @Override
            public boolean distrust(String engine) {
                return shared.distrust(engine);
            }
        };
        return new PowService(nonClosing, remotes, problems, progress);
    }

    public List<RemotePowServer> remotes() {
        return remotes;
    }

    /** Names of what would run a job of this size now: remote endpoints first, then local engines. */
    public List<String> engineNames(double expectedTrials) {
        List<String> out = new ArrayList<>();
        remotes.forEach(r -> out.add(r.name()));
        out.addAll(local.engineNames(expectedTrials));
        return out;
    }

    /**
     * True when {@link #solveBatch} gains from being handed several jobs: local batches solved
     * together (an OpenCL device), or remote servers, which get the jobs side by side.
     */
    @Override
    public boolean batching() {
        return !remotes.isEmpty() || local.batching();
    }

    /** Starts warming the local engines (see {@link PowBackend#warmUp}). */
    public void warmUp() {
        local.warmUp();
    }

    /** True when the local CPU engine runs at full speed now (see {@link PowBackend#warm}). */
    @Override
    public boolean warm() {
        return local.warm();
    }

    /**
     * Solves one job. The outcome is verified; it is not found only when cancelled or (for
     * absurd targets such as 0) when the whole nonce space was searched.
     */
    public PowScheduler.Outcome solve(PowJob job, PowScheduler.Listener listener) {
        PowScheduler.Listener l = withClose(listener);
        if (closed) {
            throw new IllegalStateException("proof of work stopped: shutting down");
        }
        if (!remotes.isEmpty()) {
            PowScheduler.Outcome o = solveRemote(job, l);
            if (o != null) {
                return o;
            }
        }
        return solveLocal(job, l);
    }

    private PowScheduler.Outcome solveLocal(PowJob job, PowScheduler.Listener l) {
        String lastWrong = null;
        for (int attempt = 0; ; attempt++) {
            PowScheduler.Outcome o;
            try {
                o = local.solve(job, l);
            } catch (IllegalStateException e) {
                if (lastWrong == null) {
                    throw e;
                }
                throw new IllegalStateException(lastWrong + "; no other engine is left (" + e.getMessage() + ")", e);
            }
            String wrong = wrongAnswer(job, o.result());
            if (wrong == null) {
                return o;
            }
            lastWrong = "PoW engine " + o.engine() + " returned a wrong result: " + wrong;
            if (attempt >= 3) {
                throw new IllegalStateException(lastWrong);
            }
            distrust(o.engine(), lastWrong);
        }
    }

    /** Drops a local engine that answered wrongly; says so once. */
    private void distrust(String engine, String why) {
        if (local.distrust(engine)) { // throws for the CPU engine: a wrong CPU answer is a bug
            problems.accept(why + "; it is no longer used");
        }
    }

    /** The first remote answer that verifies, or null when every endpoint failed (then: local). */
    private PowScheduler.Outcome solveRemote(PowJob job, PowScheduler.Listener l) {
        int n = remotes.size();
        int first = Math.floorMod(nextRemote.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            RemotePowServer r = remotes.get((first + i) % n);
            if (!r.available()) {
                continue;
            }
            long t0 = System.nanoTime();
            PowResult res;
            try {
                res = r.solve(job, l::cancelled);
            } catch (RemotePowServer.RemoteException e) {
                r.setAside();
                problems.accept("PoW server " + r.name() + ": " + e.getMessage() + "; using "
                        + (i + 1 < n ? "the next server" : "local engines"));
                continue;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            if (res.status() == PowResult.Status.CANCELLED) {
                return new PowScheduler.Outcome(res, r.name(), took);
            }
            String wrong = wrongAnswer(job, res);
            if (wrong != null) {
                r.setAside();
                problems.accept("PoW server " + r.name() + " answered wrongly (" + wrong + "); not used for a while");
                continue;
            }
            return new PowScheduler.Outcome(res, r.name(), took);
        }
        return null;
    }

    /**
     * Several jobs, one verified outcome each, in order: solved together when a local batch
     * engine is in use and no remote server is set, else one after the other.
     */
    @Override
    public List<PowScheduler.Outcome> solveBatch(List<PowJob> jobs, PowScheduler.Listener listener) {
        PowScheduler.Listener l = withClose(listener);
        if (!remotes.isEmpty() && jobs.size() > 1) {
            return solveConcurrently(jobs, l);
        }
        if (!local.batching()) {
            List<PowScheduler.Outcome> out = new ArrayList<>(jobs.size());
            for (PowJob j : jobs) {
                out.add(solve(j, l));
            }
            return out;
        }
        List<PowScheduler.Outcome> out = new ArrayList<>(local.solveBatch(jobs, l));
        for (int i = 0; i < out.size(); i++) {
            PowScheduler.Outcome o = out.get(i);
            String wrong = wrongAnswer(jobs.get(i), o.result());
            if (wrong != null) {
                distrust(o.engine(), "PoW engine " + o.engine() + " returned a wrong result: " + wrong);
                out.set(i, solveLocal(jobs.get(i), l));
            }
        }
        return out;
    }

    /** Most jobs of one batch in flight at once with remote servers (a farm behind a balancer takes them all). */
    static final int REMOTE_IN_FLIGHT = 16;

    /** A batch with remote servers: jobs go out side by side, each with its own fallback. */
    private List<PowScheduler.Outcome> solveConcurrently(List<PowJob> jobs, PowScheduler.Listener l) {
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(REMOTE_IN_FLIGHT);
        List<CompletableFuture<PowScheduler.Outcome>> futures = new ArrayList<>(jobs.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PowJob j : jobs) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    inFlight.acquireUninterruptibly();
                    try {
                        return solve(j, l);
                    } finally {
                        inFlight.release();
                    }
                }, threads));
            }
        }
        List<PowScheduler.Outcome> out = new ArrayList<>(jobs.size());
        for (CompletableFuture<PowScheduler.Outcome> f : futures) {
            try {
                out.add(f.join());
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
        return out;
    }

    /**
     * Sets the nonce of {@code o} for the sender target of its length and {@code ttlSeconds}
     * at the given difficulty (raised to the network minimum).
     */
    public Solved solveObject(BitmessageObject o, long ttlSeconds, long nonceTrialsPerByte, long extraBytes,
            PowScheduler.Listener listener) {
        long target = PowMath.senderTarget(o.length(), Math.max(0, ttlSeconds), nonceTrialsPerByte, extraBytes);
        PowJob job = new PowJob(PowMath.initialHash(o.bytesWithoutNonce()), target);
        PowScheduler.Outcome out = solve(job, listener);
        if (!out.found()) {
            throw new IllegalStateException(out.result().status() == PowResult.Status.CANCELLED
                    ? "proof of work cancelled" : "proof of work on " + out.engine() + " ended without a nonce");
        }
        return new Solved(o.withNonce(out.result().nonce()), job, out);
    }

    /**
     * {@link #solveObject} on a service thread: the caller may wait for it without holding its
     * locks. It stops soon after {@code cancelled} turns true (or the service closes).
     */
    public CompletableFuture<Solved> solveObjectAsync(BitmessageObject o, long ttlSeconds, long nonceTrialsPerByte,
            long extraBytes, BooleanSupplier cancelled) {
        PowScheduler.Listener l = new PowScheduler.Listener() {
            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }

            @Override
            public void progress(PowScheduler.Progress p) {
                if (progress != null) {
                    progress.accept(p);
                }
            }
        };
        return CompletableFuture.supplyAsync(() -> solveObject(o, ttlSeconds, nonceTrialsPerByte, extraBytes, l),
                background);
    }

    /** Null when {@code r} is not a find or a correct one, else what is wrong with it. */
    static String wrongAnswer(PowJob job, PowResult r) {
        if (!r.found()) {
            return null;
        }
        long actual = PowMath.trialValue(r.nonce(), job.initialHash());
        if (actual != r.trialValue()) {
            return "nonce " + Long.toUnsignedString(r.nonce()) + " claims trial value "
                    + Long.toUnsignedString(r.trialValue()) + " but has " + Long.toUnsignedString(actual);
        }
        if (Long.compareUnsigned(actual, job.target()) > 0) {
            return "nonce " + Long.toUnsignedString(r.nonce()) + " has trial value " + Long.toUnsignedString(actual)
                    + ", above the target " + Long.toUnsignedString(job.target());
        }
        return null;
    }

    private PowScheduler.Listener withClose(PowScheduler.Listener listener) {
        PowScheduler.Listener given = listener == null ? PowScheduler.Listener.NONE : listener;
        Consumer<PowScheduler.Progress> fallback = given == PowScheduler.Listener.NONE ? progress : null;
        return new PowScheduler.Listener() {
            @Override
            public void progress(PowScheduler.Progress p) {
                if (fallback != null) {
                    fallback.accept(p);
                } else {
                    given.progress(p);
                }
            }

            @Override
            public boolean cancelled() {
                return closed || given.cancelled();
            }
        };
    }

    /** Cancels running jobs, then frees the engines. */
    @Override
    public void close() {
        closed = true;
        background.shutdownNow();
        local.close();
    }
}
