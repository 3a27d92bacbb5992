package dev.bmtool.core.pow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The competitor's rate: the C program of the OpenSSL pattern (SHA512 init/update/final twice per
 * trial, one thread per core), which is how PyBitmessage's C extension and other C PoW code
 * search. Given its source it is built with gcc into a temporary directory first. Used by
 * {@code bmtool bench --c-pattern} and the JMH suite, so both compare against it in the same run.
 */
public final class CPattern {
    private CPattern() {
    }

    /** Trials per second of the C pattern on {@code threads} threads over {@code seconds}. */
    public static double measure(Path sourceOrBinary, int threads, double seconds) throws IOException {
        if (!Files.isRegularFile(sourceOrBinary)) {
            throw new IOException(sourceOrBinary + ": no such file");
        }
        if (!sourceOrBinary.toString().endsWith(".c")) {
            return run(sourceOrBinary, threads, seconds);
        }
        Path dir = Files.createTempDirectory("bmtool-powref");
        Path bin = dir.resolve("powref");
        try {
            build(sourceOrBinary, bin);
            return run(bin, threads, seconds);
        } finally {
            Files.deleteIfExists(bin);
            Files.deleteIfExists(dir);
        }
    }

    /** Builds the C source into {@code binary} with gcc (needs gcc and libssl-dev). */
    public static void build(Path source, Path binary) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new IOException(source + ": no such file");
        }
        String out = exec(List.of("gcc", "-O2", "-o", binary.toString(), source.toString(), "-lcrypto", "-lpthread"),
                120);
        if (!Files.isExecutable(binary)) {
            throw new IOException("gcc could not build " + source + " (needs gcc and libssl-dev): " + out.strip());
        }
    }

    /** Runs a built binary ('THREADS SECONDS' in, 'trials_per_s N' out) and returns N. */
    public static double run(Path binary, int threads, double seconds) throws IOException {
        String out = exec(List.of(binary.toString(), Integer.toString(threads),
                String.format(Locale.ROOT, "%.3f", seconds)), (long) seconds + 60);
        for (String line : out.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length == 2 && f[0].equals("trials_per_s")) {
                return Double.parseDouble(f[1]);
            }
        }
        throw new IOException(binary + " printed no 'trials_per_s N' line: " + out.strip());
    }

    private static String exec(List<String> command, long timeoutSeconds) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in " + timeoutSeconds + " s");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
