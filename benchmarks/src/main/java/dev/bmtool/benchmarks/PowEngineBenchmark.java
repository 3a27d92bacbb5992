package dev.bmtool.benchmarks;

import dev.bmtool.core.pow.CpuEngines;
import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowEngine;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.PowResult;
import dev.bmtool.core.pow.ReferencePowEngine;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PoW trials per second of each single-threaded CPU engine, next to the plain MessageDigest
 * double SHA-512 baseline, measured in the same run. One operation is one trial (one nonce):
 * each invocation searches {@value #BATCH} nonces against an impossible target (0), so the
 * whole batch is hashed. {@code oneThread} runs one engine; {@code allThreads} runs one engine
 * per hardware thread at once (JMH {@code Threads.MAX}) and reports their sum, which is what
 * the multithreaded engine can reach.
 *
 * <p>The machine this project measures on is shared, so wall-clock rates depend on the load.
 * The secondary results {@code trials} and {@code cpuMicros} (totals per iteration, CPU time
 * of the benchmark threads) give the load-independent rate: trials per CPU-second =
 * {@code trials / cpuMicros * 1e6}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PowEngineBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class PowEngineBenchmark {
    static final int BATCH = 16_384;

    @Param({"messagedigest", "scalar", "simd", "native"})
    public String engine;

    private PowEngine e;
    private PowJob job;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        e = switch (engine) {
            case "messagedigest" -> new ReferencePowEngine();
            case "scalar" -> CpuEngines.scalar();
            case "simd" -> CpuEngines.simd(); // fails loudly without the Vector API module
            case "native" -> CpuEngines.nativeEngine(); // fails loudly where the C library is not built
            default -> throw new IllegalArgumentException(engine);
        };
        SplittableRandom rnd = new SplittableRandom(Thread.currentThread().threadId());
        byte[] ih = new byte[64];
        rnd.nextBytes(ih);
        job = new PowJob(ih, 0);
        next = rnd.nextLong();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        e.close();
    }

    /** Trials and CPU time of the benchmark thread, reported next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
        public long trials;
        public long cpuMicros;

        @Setup(Level.Iteration)
        public void reset() {
            trials = 0;
            cpuMicros = 0;
        }
    }

    private long batch(CpuTime cpu) {
        long c0 = CpuTime.MX.getCurrentThreadCpuTime();
        PowResult r = e.search(job, new NonceRange(next, BATCH), PowMonitor.NONE);
        cpu.cpuMicros += (CpuTime.MX.getCurrentThreadCpuTime() - c0) / 1000;
        cpu.trials += r.trials();
        next += BATCH;
        return r.trials();
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public long oneThread(CpuTime cpu) {
        return batch(cpu);
    }

    @Benchmark
    @Threads(Threads.MAX)
    @OperationsPerInvocation(BATCH)
    public long allThreads(CpuTime cpu) {
        return batch(cpu);
    }
}
