package dev.bmtool.cli.pow;

import dev.bmtool.cli.UsageException;
import dev.bmtool.core.pow.PowScheduler;
import picocli.CommandLine.Option;

/** {@code --engine}, {@code --threads} and {@code --random-start}, shared by the PoW commands. */
public final class EngineOptions {
    @Option(names = "--engine", paramLabel = "KIND", defaultValue = "auto",
            description = "auto (CPU: the native AVX-512/AVX2 engine, else the Java engines; GPUs too for large jobs),"
                    + " cpu, native, java (MessageDigest until SIMD is compiled, then SIMD), simd, scalar, messagedigest"
                    + " or opencl. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "CPU threads (0 = all processors). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--random-start",
            description = "Start at a random nonce instead of 0 (several machines on one job do not overlap).")
    boolean randomStart;

    PowScheduler.Options toOptions() {
        if (threads < 0) {
            throw new UsageException("--threads must be 0 or more");
        }
        try {
            return new PowScheduler.Options(PowScheduler.EngineKind.parse(engine), threads, randomStart);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
