package dev.bmtool.benchmarks;

import dev.bmtool.core.pow.CPattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The competitor in the same JMH run: the C/OpenSSL pattern of PyBitmessage's C extension
 * ({@code ../shared/bench/powref.c}, or the file named by {@code $BMTOOL_POWREF}), built with gcc
 * at setup and run for {@value #SECONDS} s per invocation on {@code threads} threads. Its rate is
 * the secondary result {@code trials} (trials per second of wall time, the program's start
 * included, so a fraction of a percent below what it reports itself), to set against
 * {@link MultiThreadPowBenchmark}'s score for the same thread count:
 * {@code java -jar benchmarks/target/benchmarks.jar 'MultiThreadPowBenchmark|CPatternBenchmark' -p threads=2 -p engine=simd}.
 * Without gcc and libssl-dev the setup fails with that message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CPatternBenchmark {
    static final double SECONDS = 1.0;

    @Param({"1", "2"})
    public int threads;

    private Path dir;
    private Path binary;

    @Setup(Level.Trial)
    public void build() throws IOException {
        Path source = source();
        dir = Files.createTempDirectory("bmtool-jmh-powref");
        binary = dir.resolve("powref");
        CPattern.build(source, binary);
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        Files.deleteIfExists(binary);
        Files.deleteIfExists(dir);
    }

    static Path source() throws IOException {
        String env = System.getenv("BMTOOL_POWREF");
        for (String candidate : env != null ? new String[] {env}
                : new String[] {"../shared/bench/powref.c", "../../shared/bench/powref.c", "/work/shared/bench/powref.c"}) {
            Path p = Path.of(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IOException("no powref.c: set BMTOOL_POWREF to the C pattern's source (../shared/bench/powref.c)");
    }

    /** Trials done by the C program, reported by JMH per second of measurement. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Trials {
        public double trials;

        @Setup(Level.Iteration)
        public void reset() {
            trials = 0;
        }
    }

    @Benchmark
    public double run(Trials t) throws IOException {
        double rate = CPattern.run(binary, threads, SECONDS);
        t.trials += rate * SECONDS;
        return rate;
    }
}
