package dev.bmtool.cli.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.node.Node;
import dev.bmtool.node.NodeAlreadyRunningException;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import dev.bmtool.node.api.ApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A messaging command on a data dir whose node lock is held: it waits for that node's API (a
 * node that is starting takes its lock before its API answers) and uses it, or says clearly
 * why it cannot, instead of "another node is already running".
 */
@Timeout(60)
class NodeLockTest {
    @TempDir
    Path dir;

    private final Duration apiWait = MailSession.apiWait;

    @AfterEach
    void restore() {
        MailSession.apiWait = apiWait;
    }

    private NodeConfig.Builder config() {
        return NodeConfig.builder(dir).listen(null).bootstrap(false).tls(false);
    }

    @Test
    void aSecondNodeOnTheSameDataDirIsRefusedWithATypedError() throws Exception {
        try (Node first = Node.start(config().apiPort(-1).build(), NodeLog.to(System.out, false))) {
            NodeAlreadyRunningException e = assertThrows(NodeAlreadyRunningException.class,
                    () -> Node.start(config().apiPort(-1).build(), NodeLog.to(System.out, false)));
            assertEquals(dir, e.dataDir());
        }
        // released on close: a node starts again
        try (Node again = Node.start(config().apiPort(-1).build(), NodeLog.to(System.out, false))) {
            assertTrue(Files.exists(dir.resolve("node").resolve("lock")));
        }
    }

    @Test
    void aLockedDataDirWithoutAnApiGetsAClearError() throws Exception {
        MailSession.apiWait = Duration.ofMillis(600);
        try (Node holder = Node.start(config().apiPort(-1).build(), NodeLog.to(System.out, false))) {
            MailCliTest.Run r = MailCliTest.run(dir, "inbox");
            assertNotEquals(0, r.code());
            assertTrue(r.err().contains("a node is running for data directory " + dir + " (its lock is held)"), r.err());
            assertTrue(r.err().contains("control API did not answer within 0.6 s (it has not written node/api.json yet)"),
                    r.err());
            assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        }
    }

    @Test
    void aNodeWhoseApiComesUpLateIsWaitedForAndUsed() throws Exception {
        MailSession.apiWait = Duration.ofSeconds(20);
        try (Node node = Node.start(config().apiPort(0).build(), NodeLog.to(System.out, false))) {
            // as if the node were still starting: its API file is not written yet
            Path info = dir.resolve("node").resolve(ApiServer.INFO_FILE);
            Path hidden = dir.resolve("api.json.later");
            Files.move(info, hidden);
            Thread later = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(800);
                    Files.move(hidden, info);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            MailCliTest.Run r = MailCliTest.run(dir, "inbox", "--json");
            later.join();
            assertEquals(0, r.code(), r.err());
            assertEquals("[]", r.out().strip());
        }
    }
}
