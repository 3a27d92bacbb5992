package dev.bmtool.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SOCKS5 server for tests: the Debian package microsocks (installed by .ci/run), started
 * on a free loopback port. Its log names every connection it makes ("client[N] IP: connected to
 * HOST:PORT"), which is how the tests prove that peer connections went through it.
 */
final class Microsocks implements AutoCloseable {
    private final Process process;
    private final int port;
    private final List<String> log = new CopyOnWriteArrayList<>();

    private Microsocks(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it, optionally requiring a user name and password. */
    static Microsocks start(String user, String password) throws Exception {
        String exe = "/usr/bin/microsocks";
        if (!new java.io.File(exe).canExecute()) {
            throw new IllegalStateException("microsocks is not installed: apt-get install microsocks (.ci/run does)");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(exe, "-i", "127.0.0.1", "-p", Integer.toString(port)));
        if (user != null) {
            cmd.addAll(List.of("-u", user, "-P", password));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Microsocks m = new Microsocks(p, port);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    m.log.add(line);
                }
            } catch (IOException e) {
                // process gone
            }
        });
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException e) {
                if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                    p.destroyForcibly();
                    throw new IllegalStateException("microsocks did not start on port " + port + ": " + m.log);
                }
                Thread.sleep(50);
            }
        }
        return m;
    }

    int port() {
        return port;
    }

    /** The lines microsocks logged so far. */
    List<String> log() {
        return List.copyOf(log);
    }

    /** Whether it logged a connection to {@code hostPort}. */
    boolean connectedTo(String hostPort) {
        return log.stream().anyMatch(l -> l.contains("connected to " + hostPort));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
