package dev.bmtool.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.node.store.NodeDatabase;
import dev.bmtool.node.store.ObjectStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL while storing loses nothing acknowledged, and the database stays sound. */
@Timeout(90)
class CrashTest {
    @TempDir
    Path dir;

    @Test
    void killedWhileStoringKeepsEveryAcknowledgedObject() throws Exception {
        Path db = dir.resolve("objects.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName(), db.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        List<String> acked = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acked.add(line.substring(4));
                    if (acked.size() == 150) {
                        p.toHandle().destroyForcibly(); // SIGKILL, mid-store; keeps our pipe open
                    }
                }
            }
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        assertTrue(acked.size() >= 150);
        try (NodeDatabase d = NodeDatabase.open(db)) {
            assertEquals("ok", d.integrityCheck());
            ObjectStore s = new ObjectStore(d);
            for (String h : acked) {
                assertTrue(s.contains(Hex.decode(h)), "acknowledged object " + h + " survived");
            }
            assertTrue(s.count() >= acked.size());
        }
    }
}
