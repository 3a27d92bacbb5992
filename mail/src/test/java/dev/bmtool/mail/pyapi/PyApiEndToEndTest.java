package dev.bmtool.mail.pyapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import dev.bmtool.core.pow.PowScheduler;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.mail.MailSettings;
import dev.bmtool.mail.Mailbox;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bmtool nodes on loopback, each with the PyBitmessage API (A: XML-RPC, B: JSON-RPC),
 * driven by {@code pyapi_e2e.py} through Python's own {@code xmlrpc.client} and plain JSON-RPC:
 * addresses of every kind, a message A to B followed through getStatus to ackreceived, read and
 * trashed at B, a broadcast to a subscriber, the address book and every documented error code.
 * python3 must be on PATH (.ci/run installs it).
 */
@Timeout(420)
class PyApiEndToEndTest {
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    /** One engine set for both nodes; each mailbox gets a view it may close. */
    private static final PowService SOLVER = PowService.of(PowScheduler.open(PowScheduler.Options.defaults(), m -> { }));

    private static NodeConfig config(Path dir, int... peers) {
        NodeConfig.Limits limits = NodeConfig.Limits.defaults().withTimeouts(Duration.ofSeconds(3),
                Duration.ofSeconds(60), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMillis(300));
        return NodeConfig.builder(dir).listen(new InetSocketAddress("127.0.0.1", 0))
                .peers(java.util.Arrays.stream(peers).mapToObj(p -> new InetSocketAddress("127.0.0.1", p)).toList())
                .bootstrap(false).tls(false).apiPort(-1).limits(limits).build();
    }

    private static Mailbox mailbox(Path dir, String name, int... peers) throws Exception {
        // broadcasts sent through the API take keys.dat's ttl: one hour keeps the test's PoW small
        new IdentityStore(dir).update(k -> {
            k.set(KeysDat.SETTINGS_SECTION, "ttl", "3600");
            return null;
        });
        return Mailbox.embedded(config(dir, peers), NodeLog.to(System.out, false), SOLVER.view(),
                MailSettings.shortLived(3600), e -> System.out.println("[" + name + "] " + e.step() + ": " + e.detail()));
    }

    private static PyApiServer api(Mailbox m, Path dir, PyApiConfig.Variant variant) throws Exception {
        PyApiConfig cfg = new PyApiConfig(true, "127.0.0.1", 0, "apiuser", "apipass", variant, null);
        PyApiMethods.Context ctx = new PyApiMethods.Context(new IdentityStore(dir), m.store(), m.link(), m.pow(),
                () -> System.currentTimeMillis() / 1000, variant, false, null, "test");
        return PyApiServer.start(cfg, ctx, NodeLog.to(System.out, false), p -> {
        }, 50);
    }

    @Test
    void pythonsXmlRpcClientAndJsonRpcDriveTwoNodes() throws Exception {
        Path script = dirA.resolve("pyapi_e2e.py");
        try (InputStream in = getClass().getResourceAsStream("pyapi_e2e.py")) {
            Files.copy(in, script);
        }
        try (Mailbox a = mailbox(dirA, "A"); Mailbox b = mailbox(dirB, "B", a.node().listenPort());
                PyApiServer apiA = api(a, dirA, PyApiConfig.Variant.XML);
                PyApiServer apiB = api(b, dirB, PyApiConfig.Variant.JSON)) {
            long deadline = System.currentTimeMillis() + 15_000;
            while (a.node().status().established() != 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            // the in-process link reports what the node sees (clientStatus, listConnections)
            var status = a.link().status();
            assertEquals(1, status.connections().stream().filter(c -> c.established()).count());
            assertEquals(a.node().status().startedAt(), status.startedAt());
            Process p;
            try {
                p = new ProcessBuilder(List.of("python3", script.toString(), Integer.toString(apiA.port()),
                        Integer.toString(apiB.port()), "apiuser", "apipass")).redirectErrorStream(true).start();
            } catch (java.io.IOException e) {
                throw new AssertionError("python3 is needed for this test (.ci/run installs it): " + e.getMessage(), e);
            }
            StringBuilder out = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (var r = p.inputReader(StandardCharsets.UTF_8)) {
                    r.lines().forEach(l -> {
                        System.out.println("[python] " + l);
                        synchronized (out) {
                            out.append(l).append('\n');
                        }
                    });
                } catch (java.io.IOException e) {
                    // process gone
                }
            });
            boolean done = p.waitFor(360, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
            }
            reader.join(5000);
            String text;
            synchronized (out) {
                text = out.toString();
            }
            assertTrue(done, "the Python client timed out:\n" + text);
            assertEquals(0, p.exitValue(), text);
            assertTrue(text.contains("all passed"), text);
            // the object the client handed in with nonce 0 is stored with a valid PoW and relayed to B
            String inv = text.lines().filter(l -> l.startsWith("disseminated: ")).findFirst().orElseThrow()
                    .substring("disseminated: ".length()).strip();
            assertTrue(a.node().objects().contains(Hex.decode(inv)));
            long until = System.currentTimeMillis() + 20_000;
            while (!b.node().objects().contains(Hex.decode(inv)) && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            assertTrue(b.node().objects().contains(Hex.decode(inv)), "relayed to B");
        }
    }
}
