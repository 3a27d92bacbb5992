package dev.bmtool.cli.pow;

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
 * search. Given its source it is built with gcc into a temporary directory first.
 */
final class CPattern {
    private CPattern() {
    }

    /** Trials per second of the C pattern on {@code threads} threads over {@code seconds}. */
    static double measure(Path sourceOrBinary, int threads, double seconds) throws IOException {
        if (!Files.isRegularFile(sourceOrBinary)) {
            throw new IOException(sourceOrBinary + ": no such file");
        }
        Path bin = sourceOrBinary;
        Path dir = null;
        try {
            if (sourceOrBinary.toString().endsWith(".c")) {
                dir = Files.createTempDirectory("bmtool-powref");
                bin = dir.resolve("powref");
                String out = run(List.of("gcc", "-O2", "-o", bin.toString(), sourceOrBinary.toString(), "-lcrypto",
                        "-lpthread"), 120);
                if (!Files.isExecutable(bin)) {
                    throw new IOException("gcc could not build " + sourceOrBinary + " (needs gcc and libssl-dev): "
                            + out.strip());
                }
            }
            String out = run(List.of(bin.toString(), Integer.toString(threads),
                    String.format(Locale.ROOT, "%.3f", seconds)), (long) seconds + 60);
            for (String line : out.split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f.length == 2 && f[0].equals("trials_per_s")) {
                    return Double.parseDouble(f[1]);
                }
            }
            throw new IOException(bin + " printed no 'trials_per_s N' line: " + out.strip());
        } finally {
            if (dir != null) {
                Files.deleteIfExists(dir.resolve("powref"));
                Files.deleteIfExists(dir);
            }
        }
    }

    private static String run(List<String> command, long timeoutSeconds) throws IOException {
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
