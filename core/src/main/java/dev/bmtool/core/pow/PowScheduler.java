package dev.bmtool.core.pow;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Runs proof-of-work jobs on every suitable engine at once: the CPU (all threads, SIMD when
 * available) and, for jobs large enough to pay for them, the accelerators offered by
 * {@link PowEngineProvider}s (OpenCL devices, found with {@link ServiceLoader} when that module
 * is on the class path). The nonce space is split into one contiguous slice per engine; the
 * first find wins and cancels the rest. Results are not verified here: the
 * {@link dev.bmtool.core.pow.service.PowService} verifies every answer once and calls
 * {@link #distrust} for an engine that answered wrongly.
 *
 * <p>Engines stay open across jobs (accelerators are opened on the first job that wants them),
 * so a long-running server pays device set-up once. Jobs run one at a time: each already uses
 * every engine. Close the scheduler to free the engines and threads.
 */
public final class PowScheduler implements PowBackend {

    /** Which engines {@code --engine} selects. */
    public enum EngineKind {
        /** CPU for small jobs; CPU and every accelerator for large ones. */
        AUTO,
        /**
         * All CPU threads: the native engine where it runs SIMD code; else the SIMD engine once
         * it is compiled, MessageDigest until then (see WarmingCpuEngine).
         */
        CPU,
        /** All CPU threads on the native (C) engine (an error when it is unavailable). */
        NATIVE,
        /** All CPU threads on the Java engines: SIMD once it is compiled, MessageDigest until then. */
        JAVA,
        /** All CPU threads on the SIMD engine (an error when it is unavailable). */
        SIMD,
        /** All CPU threads on the scalar engine. */
        SCALAR,
        /** OpenCL devices only (an error when there are none). */
        OPENCL,
        /** All CPU threads on the JDK's MessageDigest SHA-512 (the baseline; fast from the start). */
        MESSAGEDIGEST;

        public static EngineKind parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown engine '" + s
                        + "' (auto, cpu, native, java, simd, scalar, messagedigest, opencl)");
            }
        }
    }

    /**
     * @param engine      which engines to use
     * @param threads     CPU threads; 0 means every available processor
     * @param randomStart start each slice at a random nonce (wrapping inside the slice)
     */
    public record Options(EngineKind engine, int threads, boolean randomStart) {
        public Options {
            if (engine == null) {
                throw new IllegalArgumentException("engine must not be null");
            }
            if (threads < 0) {
                throw new IllegalArgumentException("threads must not be negative: " + threads);
            }
        }

        public static Options defaults() {
            return new Options(EngineKind.AUTO, 0, false);
        }

        int cpuThreads() {
            return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        }
    }

    /** A progress snapshot of the running job. */
    public record Progress(long trials, double rate, double expectedTrials, Duration elapsed, Duration eta) {
        /** Trials done as a fraction of the expected number (may exceed 1: PoW is luck). */
        public double fraction() {
            return trials / expectedTrials;
        }
    }

    /**
     * The outcome of one job.
     *
     * @param batchSize how many jobs were solved together in the launches that solved this one
     *                  (1 outside {@link #solveBatch}); {@code elapsed} is then the batch's time
     */
    public record Outcome(PowResult result, String engine, Duration elapsed, int batchSize) {
        public Outcome(PowResult result, String engine, Duration elapsed) {
            this(result, engine, elapsed, 1);
        }

        public boolean found() {
            return result.found();
        }

        public double seconds() {
            return elapsed.toNanos() / 1e9;
        }

        /** Trials per second over the whole job. */
        public double rate() {
            double s = seconds();
            return s > 0 ? result.trials() / s : 0;
        }
    }

    /** Progress and cancellation for one job. */
    public interface Listener {
        default void progress(Progress progress) {
        }

        default boolean cancelled() {
            return false;
        }

        Listener NONE = new Listener() {
        };
    }

    /** Jobs expected to take fewer trials stay on the CPU (about a second or two of CPU time). */
    public static final double ACCELERATOR_MIN_TRIALS = 1 << 24;

    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private final Options options;
    /** Tests lower it to exercise the accelerator path with small jobs. */
    volatile double acceleratorMinTrials = ACCELERATOR_MIN_TRIALS;
    private final PowEngine cpu; // null for OPENCL
    private final List<PowEngineProvider> providers;
    private final Consumer<String> problems;
    private final List<PowEngine> accelerators = new ArrayList<>();
    private final java.util.Set<String> dropped = new java.util.HashSet<>();
    private boolean acceleratorsOpened;
    private final ExecutorService runners;
    private final ProgressReporter progress = new ProgressReporter();
    private final SecureRandom random = new SecureRandom();
    private boolean closed;
    /** Set first by close(): the running job sees it as a cancellation and ends promptly. */
    private volatile boolean closing;

    private PowScheduler(Options options, List<PowEngineProvider> providers, Consumer<String> problems) {
        this.options = options;
        this.providers = List.copyOf(providers);
        this.problems = problems;
        this.cpu = switch (options.engine()) {
            case OPENCL -> null;
            case SIMD -> {
                if (!CpuEngines.simdAvailable()) {
                    throw new IllegalStateException("SIMD engine unavailable: " + CpuEngines.simdProblem().orElse("?"));
                }
                yield MultiThreadPowEngine.of(options.cpuThreads(), CpuEngines::simd, options.randomStart());
            }
            case NATIVE -> {
                if (!CpuEngines.nativeAvailable()) {
                    throw new IllegalStateException("native engine unavailable: " + CpuEngines.nativeProblem().orElse("?"));
                }
                yield MultiThreadPowEngine.of(options.cpuThreads(), CpuEngines::nativeEngine, options.randomStart());
            }
            case SCALAR -> MultiThreadPowEngine.of(options.cpuThreads(), ScalarPowEngine::new, options.randomStart());
            case MESSAGEDIGEST -> MultiThreadPowEngine.of(options.cpuThreads(), ReferencePowEngine::new,
                    options.randomStart());
            // compiled C needs no warm-up: the native engine for every job from the first
            case AUTO, CPU, JAVA -> {
                if (options.engine() != EngineKind.JAVA && CpuEngines.nativeSimd()) {
                    yield MultiThreadPowEngine.of(options.cpuThreads(), CpuEngines::nativeEngine, options.randomStart());
                }
                // warm-aware: MessageDigest until the SIMD engine is compiled, then SIMD for every job, however small
                // with two threads or more, one of them drives the cold SIMD engine (see WarmingCpuEngine)
                int[] made = {0};
                int n = options.cpuThreads();
                yield MultiThreadPowEngine.of(n, () -> new WarmingCpuEngine(SimdWarmUp.GLOBAL, n >= 2 && made[0]++ == 0),
                        options.randomStart());
            }
        };
        AtomicInteger n = new AtomicInteger();
        this.runners = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bmtool-pow-scheduler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        if (options.engine() == EngineKind.OPENCL) {
            openAccelerators();
            if (accelerators.isEmpty()) {
                closeNow();
                throw new IllegalStateException("no OpenCL device found" + (this.providers.isEmpty()
                        ? " (the OpenCL module is not on the class path)" : ""));
            }
        }
    }

    /**
     * Opens a scheduler with the engine providers found by {@link ServiceLoader}. Problems that
     * do not stop it (a missing OpenCL driver) go to {@code problems}.
     */
    public static PowScheduler open(Options options, Consumer<String> problems) {
        List<PowEngineProvider> found = new ArrayList<>();
        if (options.engine() == EngineKind.AUTO || options.engine() == EngineKind.OPENCL) {
            try {
                for (PowEngineProvider p : ServiceLoader.load(PowEngineProvider.class)) {
                    found.add(p);
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                problems.accept("cannot load PoW engine providers: " + e.getMessage());
            }
        }
        return new PowScheduler(options, found, problems);
    }

    /** Opens a scheduler with the given providers (tests, embedding). */
    public static PowScheduler open(Options options, List<PowEngineProvider> providers, Consumer<String> problems) {
        return new PowScheduler(options, providers, problems);
    }

    public Options options() {
        return options;
    }

    private synchronized void openAccelerators() {
        if (acceleratorsOpened) {
            return;
        }
        acceleratorsOpened = true;
        for (PowEngineProvider p : providers) {
            if (options.engine() == EngineKind.OPENCL && !p.kind().equalsIgnoreCase("opencl")) {
                continue;
            }
            if (!p.accelerated() && options.engine() == EngineKind.AUTO) {
                continue;
            }
            try {
                accelerators.addAll(p.open(msg -> problems.accept(p.kind() + ": " + msg)));
            } catch (RuntimeException | LinkageError e) {
                problems.accept(p.kind() + ": cannot open engines: " + e);
            }
        }
    }

    private boolean anyProviderOffersAccelerators() {
        for (PowEngineProvider p : providers) {
            try {
                if (p.accelerated() && p.offersAccelerators()) {
                    return true;
                }
            } catch (RuntimeException | LinkageError e) {
                problems.accept(p.kind() + ": cannot list devices: " + e);
            }
        }
        return false;
    }

    /** Names of the engines a job of the given expected size would use now. */
    @Override
    public synchronized List<String> engineNames(double expectedTrials) {
        return participants(expectedTrials).stream().map(PowEngine::name).toList();
    }

    private List<PowEngine> participants(double expectedTrials) {
        List<PowEngine> out = new ArrayList<>();
        if (cpu != null) {
            out.add(cpu);
        }
        if (options.engine() == EngineKind.OPENCL) {
            openAccelerators();
            out.addAll(accelerators);
        } else if (options.engine() == EngineKind.AUTO && expectedTrials >= acceleratorMinTrials) {
            openAccelerators();
            for (PowEngine e : accelerators) {
                if (!e.usesHostCpu()) { // a CPU OpenCL device would only fight the CPU engine for cores
                    out.add(e);
                }
            }
        }
        return out;
    }

    /**
     * The engines {@link #solveBatch} hands whole batches to: in {@code opencl} mode every
     * OpenCL engine, in {@code auto} mode those that do not run on the host CPU (GPUs); none in
     * the CPU modes. Opens the accelerators if that has not happened yet.
     */
    private List<BatchPowEngine> batchEngines() {
        List<BatchPowEngine> out = new ArrayList<>();
        if (options.engine() != EngineKind.OPENCL && options.engine() != EngineKind.AUTO) {
            return out;
        }
        if (options.engine() == EngineKind.AUTO && !acceleratorsOpened && !anyProviderOffersAccelerators()) {
            return out; // e.g. only pocl: not worth building its kernels to find that out
        }
        openAccelerators();
        for (PowEngine e : accelerators) {
            if (e instanceof BatchPowEngine b && (options.engine() == EngineKind.OPENCL || !e.usesHostCpu())) {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * True when {@link #solveBatch} really batches: an engine that searches many jobs per launch
     * (an OpenCL device) is in use. May open the accelerators.
     */
    @Override
    public synchronized boolean batching() {
        return !closed && !batchEngines().isEmpty();
    }

    /**
     * Solves several jobs and returns one outcome per job, in order. With batch engines in use
     * ({@link #batching()}) the jobs are split into one contiguous share per device and each
     * share is searched in batched launches, so small jobs do not leave a device idle; every
     * result is re-verified on the CPU. A device that fails or returns a wrong nonce is dropped
     * and its share is solved again, one job at a time, on what is left. Without batch engines
     * (CPU only, or a single job) the jobs run one after another through {@link #solve}.
     *
     * <p>Outcomes of cancelled jobs (the listener or {@link #close()}) have status
     * {@code CANCELLED}. Progress events cover the whole batch (expected trials summed).
     */
    @Override
    public synchronized List<Outcome> solveBatch(List<PowJob> jobs, Listener listener) {
        if (closed) {
            throw new IllegalStateException("scheduler is closed");
        }
        List<BatchPowEngine> engines = jobs.size() > 1 ? batchEngines() : List.of();
        if (engines.isEmpty()) {
            List<Outcome> out = new ArrayList<>(jobs.size());
            for (PowJob job : jobs) {
                out.add(solve(job, listener));
            }
            return out;
        }
        int n = jobs.size();
        int shares = Math.min(engines.size(), n);
        double expected = jobs.stream().mapToDouble(j -> PowMath.expectedTrials(j.target())).sum();
        long startNanos = System.nanoTime();
        JobMonitor monitor = new JobMonitor(listener, this);
        List<Future<Share>> futures = new ArrayList<>(shares);
        for (int i = 0; i < shares; i++) {
            BatchPowEngine engine = engines.get(i);
            List<PowJob> part = jobs.subList(i * n / shares, (i + 1) * n / shares);
            List<NonceRange> ranges = new ArrayList<>(part.size());
            for (int j = 0; j < part.size(); j++) {
                // a random start leaves out the nonces below it: at least 2^63 remain
                ranges.add(NonceRange.from(options.randomStart() ? random.nextLong() >>> 1 : 0));
            }
            futures.add(runners.submit(() -> new Share(engine.searchBatch(part, ranges, monitor), System.nanoTime())));
        }
        progress.start(monitor, listener, expected, startNanos);
        Outcome[] out = new Outcome[n];
        List<Integer> redo = new ArrayList<>();
        try {
            for (int i = 0; i < shares; i++) {
                BatchPowEngine engine = engines.get(i);
                int from = i * n / shares;
                int to = (i + 1) * n / shares;
                try {
                    Share share = uninterruptibly(futures.get(i));
                    if (share.results().size() != to - from) {
                        throw new IllegalStateException("PoW engine " + engine.name() + " returned "
                                + share.results().size() + " results for " + (to - from) + " jobs");
                    }
                    Duration elapsed = Duration.ofNanos(share.endNanos() - startNanos);
                    Outcome[] mine = new Outcome[to - from];
                    for (int j = from; j < to; j++) {
                        mine[j - from] = new Outcome(share.results().get(j - from), engine.name(), elapsed,
                                to - from);
                    }
                    System.arraycopy(mine, 0, out, from, mine.length);
                } catch (ExecutionException | IllegalStateException e) {
                    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                    if (accelerators.remove(engine)) {
                        problems.accept(engine.name() + " failed and is no longer used: " + cause);
                        engine.close();
                    }
                    for (int j = from; j < to; j++) {
                        redo.add(j);
                    }
                }
            }
        } finally {
            progress.stop();
        }
        for (int j : redo) {
            if (closing || listener.cancelled()) {
                out[j] = new Outcome(PowResult.cancelled(0), "", Duration.ofNanos(System.nanoTime() - startNanos));
            } else {
                out[j] = solve(jobs.get(j), listener); // on the engines that are left; throws if none
            }
        }
        return List.of(out);
    }

    private record Share(List<PowResult> results, long endNanos) {
    }

    /** Searches the whole nonce space for {@code job}; blocks until found or cancelled. */
    @Override
    public synchronized Outcome solve(PowJob job, Listener listener) {
        if (closed) {
            throw new IllegalStateException("scheduler is closed");
        }
        double expected = PowMath.expectedTrials(job.target());
        List<PowEngine> engines = participants(expected);
        if (engines.isEmpty()) {
            throw new IllegalStateException("no PoW engine available");
        }
        long startNanos = System.nanoTime();
        JobMonitor monitor = new JobMonitor(listener, this);
        List<Future<PowResult>> futures = new ArrayList<>();
        List<NonceRange> slices = slices(engines.size());
        for (int i = 0; i < engines.size(); i++) {
            PowEngine engine = engines.get(i);
            NonceRange slice = slices.get(i);
            futures.add(runners.submit(() -> run(engine, job, slice, monitor)));
        }
        progress.start(monitor, listener, expected, startNanos);
        long trials = 0;
        boolean cancelled = false;
        RuntimeException failure = null;
        try {
            for (int i = 0; i < futures.size(); i++) {
                try {
                    PowResult r = uninterruptibly(futures.get(i));
                    trials += r.trials();
                    cancelled |= r.status() == PowResult.Status.CANCELLED;
                } catch (ExecutionException e) {
                    monitor.stop = true;
                    PowEngine bad = engines.get(i);
                    if (accelerators.remove(bad)) {
                        problems.accept(bad.name() + " failed and is no longer used: " + e.getCause());
                        bad.close();
                    }
                    if (failure == null) {
                        failure = e.getCause() instanceof IllegalStateException ise ? ise
                                : new IllegalStateException("PoW engine " + bad.name() + " failed: " + e.getCause(),
                                        e.getCause());
                    }
                }
            }
        } finally {
            progress.stop(); // no progress event may arrive after solve() returns
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        Win win = monitor.winner.get();
        if (win != null) {
            return new Outcome(PowResult.found(win.result.nonce(), win.result.trialValue(), trials), win.engine,
                    elapsed);
        }
        if (failure != null) {
            throw failure;
        }
        String names = String.join("+", engines.stream().map(PowEngine::name).toList());
        return new Outcome(cancelled || closing || listener.cancelled() ? PowResult.cancelled(trials) : PowResult.exhausted(trials),
                names, elapsed);
    }

    private record Win(String engine, PowResult result) {
    }

    private static final class JobMonitor implements PowMonitor {
        final Listener listener;
        final PowScheduler owner;
        final LongAdder trials = new LongAdder();
        final AtomicReference<Win> winner = new AtomicReference<>();
        volatile boolean stop;

        JobMonitor(Listener listener, PowScheduler owner) {
            this.listener = listener;
            this.owner = owner;
        }

        @Override
        public boolean isCancelled() {
            return stop || owner.closing || listener.cancelled();
        }

        @Override
        public void addTrials(long n) {
            trials.add(n);
        }
    }

    private PowResult run(PowEngine engine, PowJob job, NonceRange slice, JobMonitor monitor) {
        PowResult r;
        long size = slice.size();
        if (options.randomStart() && engine != cpu && size != 1) {
            // the CPU engine rotates itself; here: [start+r, last] then [start, start+r)
            long skip = size == 0 ? random.nextLong() >>> 1 : Long.remainderUnsigned(random.nextLong(), size);
            r = engine.search(job, new NonceRange(slice.start() + skip, size - skip), monitor);
            if (r.status() == PowResult.Status.EXHAUSTED && skip != 0) {
                PowResult rest = engine.search(job, new NonceRange(slice.start(), skip), monitor);
                r = new PowResult(rest.status(), rest.nonce(), rest.trialValue(), r.trials() + rest.trials());
            }
        } else {
            r = engine.search(job, slice, monitor);
        }
        if (r.found()) {
            if (monitor.winner.compareAndSet(null, new Win(engine.name(), r))) {
                monitor.stop = true;
            }
        }
        return r;
    }

    /**
     * Progress events of the running job, every {@link #PROGRESS_INTERVAL} from its start, from
     * one daemon thread per scheduler. (A thread per job, started, interrupted and joined around
     * each, cost about 4% of the rate of 1M-trial jobs: docs/benchmarks.md.) Events are sent
     * while holding the lock that {@link #stop()} takes, so none arrives after a job ended.
     */
    private static final class ProgressReporter {
        private final Object lock = new Object();
        private Job current; // guarded by lock
        private Thread thread;

        private static final class Job {
            final JobMonitor monitor;
            final Listener listener;
            final double expected;
            final long startNanos;
            long nextNanos;

            Job(JobMonitor monitor, Listener listener, double expected, long startNanos) {
                this.monitor = monitor;
                this.listener = listener;
                this.expected = expected;
                this.startNanos = startNanos;
                this.nextNanos = startNanos + PROGRESS_INTERVAL.toNanos();
            }

            void report(long now) {
                long trials = monitor.trials.sum();
                double secs = (now - startNanos) / 1e9;
                double rate = secs > 0 ? trials / secs : 0;
                double left = Math.max(expected - trials, 0);
                Duration eta = rate > 0 ? Duration.ofMillis((long) Math.min(left / rate * 1000, Long.MAX_VALUE / 2))
                        : Duration.ZERO;
                listener.progress(new Progress(trials, rate, expected, Duration.ofNanos(now - startNanos), eta));
            }
        }

        void start(JobMonitor monitor, Listener listener, double expected, long startNanos) {
            synchronized (lock) {
                current = new Job(monitor, listener, expected, startNanos);
                if (thread == null) {
                    thread = Thread.ofPlatform().daemon().name("bmtool-pow-progress").start(this::loop);
                }
            }
        }

        void stop() {
            synchronized (lock) {
                current = null;
            }
        }

        void close() {
            synchronized (lock) {
                current = null;
                if (thread != null) {
                    thread.interrupt();
                }
            }
        }

        private void loop() {
            synchronized (lock) {
                try {
                    while (true) {
                        // no notify from start() or stop(): the thread polls, so a job's start and end
                        // wake nobody (a wake-up per job measurably slowed 1M-trial jobs)
                        Job job = current;
                        if (job == null) {
                            lock.wait(PROGRESS_INTERVAL.toMillis());
                            continue;
                        }
                        long now = System.nanoTime();
                        long wait = job.nextNanos - now;
                        if (wait > 0) {
                            lock.wait(Math.max(1, wait / 1_000_000));
                            continue; // the job may have ended or changed meanwhile
                        }
                        job.nextNanos += PROGRESS_INTERVAL.toNanos();
                        try {
                            job.report(now);
                        } catch (RuntimeException e) {
                            // a listener's failure is its own; the reporter serves the next jobs
                        }
                    }
                } catch (InterruptedException e) {
                    // the scheduler closed
                }
            }
        }
    }

    /** n contiguous slices covering [0, 2^64); the last one runs to 2^64-1. */
    static List<NonceRange> slices(int n) {
        if (n == 1) {
            return List.of(NonceRange.from(0));
        }
        List<NonceRange> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long start = TWO_64.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n)).longValue();
            long end = TWO_64.multiply(BigInteger.valueOf(i + 1)).divide(BigInteger.valueOf(n)).longValue(); // 0 = 2^64
            out.add(i == n - 1 ? NonceRange.from(start) : new NonceRange(start, end - start));
        }
        return out;
    }

    private static <T> T uninterruptibly(Future<T> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Long-lived processes call this when they open: the SIMD engine is compiled in the
     * background (a daemon thread, once per JVM), and from then on every job runs on it. Nothing
     * to do where the native engine is the CPU engine.
     */
    @Override
    public void warmUp() {
        boolean warming = switch (options.engine()) {
            case AUTO, CPU -> !CpuEngines.nativeSimd();
            case JAVA -> true;
            default -> false;
        };
        if (warming) {
            SimdWarmUp.GLOBAL.start();
        }
    }

    /**
     * The native engine (compiled C, nothing to warm up) is warm from the start; the warm-aware
     * Java engines once the SIMD engine is compiled.
     */
    @Override
    public boolean warm() {
        return switch (options.engine()) {
            case AUTO, CPU -> CpuEngines.nativeSimd() || simdWarm();
            case JAVA -> simdWarm();
            default -> true;
        };
    }

    /** True once the SIMD engine is compiled and measured faster than MessageDigest in this JVM. */
    public static boolean simdWarm() {
        return SimdWarmUp.GLOBAL.warm();
    }

    /**
     * Stops using the accelerator named {@code engine} (it answered wrongly) and closes it; true
     * when one was in use. The CPU engine is never dropped: a wrong CPU answer is a bug, and
     * {@link IllegalStateException} says so.
     */
    @Override
    public synchronized boolean distrust(String engine) {
        for (PowEngine e : List.copyOf(accelerators)) {
            if (e.name().equals(engine)) {
                accelerators.remove(e);
                dropped.add(engine);
                e.close();
                return true;
            }
        }
        if (dropped.contains(engine)) {
            return false; // more answers of a batch it already spoilt
        }
        throw new IllegalStateException("the CPU engine " + engine + " returned a wrong result");
    }

    /** Cancels a running job, then frees the engines and threads. */
    @Override
    public void close() {
        closing = true;
        synchronized (this) { // waits for a running solve() to notice and return
            closeNow();
        }
    }

    private void closeNow() {
        if (closed) {
            return;
        }
        closed = true;
        progress.close();
        runners.shutdownNow();
        try {
            runners.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cpu != null) {
            cpu.close();
        }
        accelerators.forEach(PowEngine::close);
        accelerators.clear();
    }
}
