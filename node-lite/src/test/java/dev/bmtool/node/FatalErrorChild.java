package dev.bmtool.node;

import java.nio.file.Path;

/** Child JVM for {@link FatalErrorTest}: a running node, then an Error in one of its threads. */
public final class FatalErrorChild {
    private FatalErrorChild() {
    }

    public static void main(String[] args) throws Exception {
        FatalErrors.install(System.err);
        Node node = Node.start(NodeTesting.config(Path.of(args[0]), false).apiPort(0).build(), NodeLog.silent());
        System.out.println("STARTED " + node.apiPort());
        System.out.flush();
        Thread.ofVirtual().name("bm-read-test").start(() -> {
            throw new OutOfMemoryError("Java heap space (simulated)");
        });
        Thread.sleep(30_000);
        System.out.println("STILL RUNNING");
    }
}
