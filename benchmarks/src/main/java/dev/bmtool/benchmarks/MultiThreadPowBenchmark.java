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
import java.lang.management.ManagementFactory;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The real multithreaded engine (its batch claiming, cancellation polls and thread hand-off
 * included): trials per second of one search over {@value #RANGE} nonces, for 1 and 2 threads
 * (this project's CI machine has 2 cores; pass {@code -p threads=1,2,4,...} elsewhere).
 * Secondary results {@code trials} and {@code cpuMicros} (CPU time of the whole process, so
 * of all worker threads) give trials per CPU-second = {@code trials / cpuMicros * 1e6}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MultiThreadPowBenchmark {
    static final int RANGE = 1 << 20;

    @Param({"native", "simd", "scalar"})
    public String engine;

    @Param({"1", "2"})
    public int threads;

    private MultiThreadPowEngine e;
    private PowJob job;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        e = MultiThreadPowEngine.of(threads, switch (engine) {
            case "native" -> CpuEngines::nativeEngine;
            case "simd" -> CpuEngines::simd;
            default -> ScalarPowEngine::new;
        }, false);
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

    /** Trials and process CPU time, reported next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        public long trials;
        public long cpuMicros;

        @Setup(Level.Iteration)
        public void reset() {
            trials = 0;
            cpuMicros = 0;
        }

        static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(RANGE)
    public long search(CpuTime cpu) {
        long c0 = CpuTime.processCpuNanos();
        PowResult r = e.search(job, new NonceRange(next, RANGE), PowMonitor.NONE);
        cpu.cpuMicros += (CpuTime.processCpuNanos() - c0) / 1000;
        cpu.trials += r.trials();
        next += RANGE;
        return r.trials();
    }
}
