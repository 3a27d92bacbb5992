package dev.bmtool.benchmarks;

import dev.bmtool.core.pow.CpuEngines;
import dev.bmtool.core.pow.MultiThreadPowEngine;
import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.PowResult;
import dev.bmtool.core.pow.ScalarPowEngine;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The real multithreaded engine (its batch claiming, cancellation polls and thread hand-off
 * included): trials per second of one search over {@value #RANGE} nonces, for 1 and 2 threads
 * (this project's CI machine has 2 cores; pass {@code -p threads=1,2,4,...} elsewhere).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MultiThreadPowBenchmark {
    static final int RANGE = 1 << 20;

    @Param({"simd", "scalar"})
    public String engine;

    @Param({"1", "2"})
    public int threads;

    private MultiThreadPowEngine e;
    private PowJob job;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        e = MultiThreadPowEngine.of(threads, engine.equals("simd") ? CpuEngines::simd : ScalarPowEngine::new, false);
        SplittableRandom rnd = new SplittableRandom(42);
        byte[] ih = new byte[64];
        rnd.nextBytes(ih);
        job = new PowJob(ih, 0);
        next = rnd.nextLong();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        e.close();
    }

    @Benchmark
    @OperationsPerInvocation(RANGE)
    public long search() {
        PowResult r = e.search(job, new NonceRange(next, RANGE), PowMonitor.NONE);
        next += RANGE;
        return r.trials();
    }
}
