package dev.bmtool.benchmarks;

import dev.bmtool.core.vanity.VanityKernel;
import dev.bmtool.core.vanity.VanityPattern;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Vanity candidates per second on one thread: the batched walk with specialised hashes against a
 * Bouncy Castle baseline (k*G by point multiplication, then BC SHA-512 and RIPEMD-160) per candidate.
 * Both score in candidates per second.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar Vanity -t 1</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VanityBenchmark {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

    private VanityKernel kernel;
    private byte[] signing65;
    private BigInteger key;
    private final SHA512Digest sha = new SHA512Digest();
    private final RIPEMD160Digest rmd = new RIPEMD160Digest();
    private final byte[] digest = new byte[64];
    private final byte[] ripe = new byte[20];

    @Setup(Level.Trial)
    public void setUp() {
        SecureRandom rnd = new SecureRandom();
        // one zero byte and a three-character text: hits are too rare to disturb the measurement
        kernel = new VanityKernel(VanityPattern.compile("Xk9", 1, false), rnd);
        key = new BigInteger(255, rnd).add(BigInteger.ONE);
        signing65 = CURVE.getG().multiply(new BigInteger(255, rnd).add(BigInteger.ONE)).normalize().getEncoded(false);
    }

    /** The CPU engine's inner step: BATCH candidates per invocation. */
    @Benchmark
    @OperationsPerInvocation(VanityKernel.BATCH)
    public Object walkAndHash() {
        return kernel.batch();
    }

    /** Baseline: one candidate the straightforward way with Bouncy Castle. */
    @Benchmark
    public void bouncyCastleMultiply(Blackhole bh) {
        key = key.add(BigInteger.ONE);
        ECPoint p = CURVE.getG().multiply(key).normalize();
        byte[] enc = p.getEncoded(false);
        sha.update(signing65, 0, 65);
        sha.update(enc, 0, 65);
        sha.doFinal(digest, 0);
        rmd.update(digest, 0, 64);
        rmd.doFinal(ripe, 0);
        bh.consume(ripe[0]);
    }
}
