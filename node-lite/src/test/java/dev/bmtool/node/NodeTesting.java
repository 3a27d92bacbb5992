package dev.bmtool.node;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Starting nodes on loopback with short timeouts. */
final class NodeTesting {
    private NodeTesting() {
    }

    static NodeConfig.Limits fastLimits() {
        return NodeConfig.Limits.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(60),
                Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMillis(300));
    }

    static NodeConfig.Builder config(Path dir, boolean tls, int... peerPorts) {
        List<InetSocketAddress> peers = java.util.Arrays.stream(peerPorts)
                .mapToObj(p -> new InetSocketAddress("127.0.0.1", p)).toList();
        return NodeConfig.builder(dir).listen(new InetSocketAddress("127.0.0.1", 0)).peers(peers).bootstrap(false)
                .tls(tls).apiPort(-1).limits(fastLimits());
    }

    static Node start(Path dir, boolean tls, int... peerPorts) throws Exception {
        return Node.start(config(dir, tls, peerPorts).build(), NodeLog.to(System.out, true));
    }

    /** Polls {@code condition} for up to {@code millis}. */
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
