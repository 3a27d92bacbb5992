package dev.bmtool.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An Error in any thread of a running node stops the process with one clear line (not half-dead). */
@Timeout(60)
class FatalErrorTest {
    @TempDir
    Path dir;

    @Test
    void errorInAPeerThreadStopsTheProcessWithAClearLine() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), FatalErrorChild.class.getName(), dir.toString()).start();
        try {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the process stopped");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(out.startsWith("STARTED"), out + err);
            assertEquals(FatalErrors.EXIT_STATUS, p.exitValue(), err);
            assertTrue(err.contains("bmtool: fatal: java.lang.OutOfMemoryError: Java heap space (simulated) in thread"
                    + " bm-read-test; stopping the process (exit 70)"), err);
            assertEquals(1, err.strip().lines().count(), "one line, no stack trace: " + err);
        } finally {
            p.destroyForcibly();
        }
    }
}
