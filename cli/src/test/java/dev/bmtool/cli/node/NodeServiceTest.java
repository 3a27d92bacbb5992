package dev.bmtool.cli.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.node.Node;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code node run} as a service runs it: a separate process stopped with SIGTERM (what systemd
 * sends), logging one line per event with a level, to a file or to the journal.
 */
@Timeout(120)
class NodeServiceTest {
    @TempDir
    Path dir;

    private static Process nodeRun(Path dataDir, Map<String, String> env, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.bmtool.cli.BmtoolCommand", "--data-dir",
                dataDir.toString(), "node", "run", "--listen", "127.0.0.1:0", "--api-port", "0", "--no-bootstrap"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("JOURNAL_STREAM");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Collects a stream's lines on a background thread. */
    private static List<String> lines(java.io.InputStream in) {
        List<String> out = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    out.add(l);
                }
            } catch (java.io.IOException e) {
                // process gone
            }
        });
        return out;
    }

    private static boolean waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end && !c.getAsBoolean()) {
            Thread.sleep(100);
        }
        return c.getAsBoolean();
    }

    @Test
    void sigtermStopsCleanlyAndTheLogFileHasOneLevelledLinePerEvent() throws Exception {
        Path data = dir.resolve("data");
        Path logFile = dir.resolve("log/node.log");
        Process p = nodeRun(data, Map.of(), "--log-file", logFile.toString(), "--maildir", dir.resolve("Mail").toString());
        List<String> out = lines(p.getInputStream());
        List<String> err = lines(p.getErrorStream());
        assertTrue(waitFor(() -> out.stream().anyMatch(l -> l.startsWith("node running"))), out + " " + err);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped within a minute");
        assertEquals(143, p.exitValue(), "128 + SIGTERM, what the unit's SuccessExitStatus names");
        List<String> log = Files.readAllLines(logFile);
        assertTrue(log.stream().allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"
                + " (DEBUG|INFO|WARN) .+")), String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.contains(" INFO maildir: delivering received messages into ")));
        assertTrue(log.stream().anyMatch(l -> l.endsWith(" INFO shutting down")), String.join("\n", log));
        assertTrue(log.getLast().endsWith(" INFO node stopped"), String.join("\n", log));
        assertTrue(err.stream().noneMatch(l -> l.contains("INFO")), "the log went to the file: " + err);
        // the store was closed and the lock released: the data dir opens again at once
        try (Node again = Node.start(NodeConfig.builder(data).listen(null).bootstrap(false).apiPort(-1).build(),
                NodeLog.silent())) {
            assertTrue(again.objects().count() >= 0);
        }
    }

    @Test
    void underSystemdTheLogCarriesSyslogLevelsForTheJournal() throws Exception {
        Process p = nodeRun(dir.resolve("data"), Map.of("JOURNAL_STREAM", "8:12345"));
        List<String> out = lines(p.getInputStream());
        List<String> err = lines(p.getErrorStream());
        try {
            assertTrue(waitFor(() -> out.stream().anyMatch(l -> l.startsWith("node running"))), out + " " + err);
            assertTrue(waitFor(() -> err.stream().anyMatch(l -> l.startsWith("<6>INFO listening on 127.0.0.1:"))),
                    err.toString());
        } finally {
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        }
        assertTrue(err.stream().allMatch(l -> l.matches("<[467]>(DEBUG|INFO|WARN) .+")),
                err.toString());
    }
}
