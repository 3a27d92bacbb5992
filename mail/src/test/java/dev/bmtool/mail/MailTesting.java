package dev.bmtool.mail;

import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.pow.PowScheduler;
import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Loopback mailboxes with short TTLs (real network difficulty, small PoW). */
final class MailTesting {
    static final MailSettings SETTINGS = MailSettings.shortLived(600);
    /** One CPU engine set for all tests. */
    static final PowService SOLVER = PowService.of(PowScheduler.open(
            new PowScheduler.Options(PowScheduler.EngineKind.CPU, 0, false), m -> { }));

    private MailTesting() {
    }

    static NodeConfig config(Path dir, int... peerPorts) {
        List<InetSocketAddress> peers = java.util.Arrays.stream(peerPorts)
                .mapToObj(p -> new InetSocketAddress("127.0.0.1", p)).toList();
        NodeConfig.Limits limits = NodeConfig.Limits.defaults().withTimeouts(Duration.ofSeconds(3),
                Duration.ofSeconds(60), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMillis(300));
        return NodeConfig.builder(dir).listen(new InetSocketAddress("127.0.0.1", 0)).peers(peers).bootstrap(false)
                .tls(false).apiPort(-1).limits(limits).build();
    }

    static PowService sharedSolver() {
        // one engine for all tests: closing a mailbox must not close it
        return SOLVER.view();
    }

    /** A service whose every use fails the test. */
    static PowService noPow(String why) {
        return PowService.of((job, listener) -> {
            throw new AssertionError(why);
        });
    }

    static Mailbox start(Path dir, String name, int... peerPorts) throws Exception {
        MailAgent.Listener l = e -> System.out.println("[" + name + "] " + e.step() + ": " + e.detail()
                + (e.engine() == null ? "" : " (" + e.engine() + ", " + e.pow().toMillis() + " ms)"));
        return Mailbox.embedded(config(dir, peerPorts), NodeLog.to(System.out, false), sharedSolver(), SETTINGS, l);
    }

    static Identity newIdentity(Path dir, String label) {
        Identity id = AddressGenerator.random(label, 4, 1, 1, new SecureRandom());
        new IdentityStore(dir).add(id);
        return id;
    }

    static boolean eventually(long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
