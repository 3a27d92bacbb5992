package dev.bmtool.benchmarks;

import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.PowResult;
import dev.bmtool.pow.opencl.OpenClDevice;
import dev.bmtool.pow.opencl.OpenClEngine;
import dev.bmtool.pow.opencl.OpenClPlatforms;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * OpenCL proof of work on one device ({@code device} = index as listed by {@code bmtool devices}).
 * {@code scan}: one search over {@code nonces} nonces with an unreachable target; trials/s =
 * ops/s times {@code nonces}. {@code defaultJob}: a whole default-difficulty job (1000-byte
 * object, 4-day TTL) on a warm engine, in milliseconds.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar OpenClPowBenchmark -p nonces=268435456</pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class OpenClPowBenchmark {

    @Param("0")
    public int device;

    @Param({"1", "2", "4", "8"})
    public int noncesPerItem;

    @Param({"2"})
    public int rotate;

    @Param({"16777216"})
    public long nonces;

    private OpenClEngine engine;
    private PowJob unreachable;
    private PowJob defaultJob;
    private final Random random = new Random(1);

    @Setup(Level.Trial)
    public void open() {
        List<OpenClDevice> ds = OpenClPlatforms.discover().devices();
        if (device >= ds.size()) {
            throw new IllegalStateException("no OpenCL device " + device + " (found " + ds.size() + ")");
        }
        engine = OpenClEngine.open(ds.get(device),
                OpenClEngine.Options.defaults().withNoncesPerItem(noncesPerItem).withRotate(rotate), System.err::println);
        unreachable = new PowJob(PowMath.initialHash(new byte[] {1}), 0);
        defaultJob = new PowJob(PowMath.initialHash(new byte[] {2}), PowMath.senderTarget(1000, 345600, 1000, 1000));
    }

    @Setup(Level.Invocation)
    public void newJob() {
        byte[] ih = new byte[64];
        random.nextBytes(ih);
        defaultJob = new PowJob(ih, defaultJob.target());
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public PowResult scan() {
        return engine.search(unreachable, new NonceRange(0, nonces), PowMonitor.NONE);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public PowResult defaultJob() {
        return engine.search(defaultJob, NonceRange.from(0), PowMonitor.NONE);
    }
}
