import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.node.Node;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Wire intake benchmark (issue 13): a source node on loopback holds N valid objects; a fresh
 * node dials it and pulls them all (inv, getdata, object, validate incl. proof of work, store
 * durably). Prints, per run, the time from the receiver's start (dial and handshake included)
 * to its first stored object and the rate from first to last. Uses only API that older bmtool
 * versions also have, so benchmarks/intake/run.sh can run the same source against a baseline.
 *
 * <p>Args: N RUNS LABEL [tls]. Objects carry test-network proof of work (extralowdifficulty,
 * as PyBitmessage -t) so that making them takes seconds; validation checks it all the same.
 */
public final class IntakeBench {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        String label = args[2];
        boolean tls = args.length > 3 && args[3].equals("tls");
        Path tmp = Files.createTempDirectory("bmtool-intake-");
        long t = System.nanoTime();
        List<byte[]> objects = make(n);
        System.err.printf(Locale.ROOT, "%s: made %d objects in %.1f s%n", label, n, (System.nanoTime() - t) / 1e9);
        try (Node source = Node.start(config(tmp.resolve("source"), tls, -1), NodeLog.silent())) {
            t = System.nanoTime();
            for (byte[] o : objects) {
                source.submit(o);
            }
            System.err.printf(Locale.ROOT, "%s: source stored them in %.1f s%n", label, (System.nanoTime() - t) / 1e9);
            for (int r = 1; r <= runs; r++) {
                long start = System.nanoTime();
                long first = -1;
                long count = 0;
                try (Node sink = Node.start(config(tmp.resolve("sink" + r), tls, source.listenPort()), NodeLog.silent())) {
                    long deadline = start + 180_000_000_000L;
                    while (count < n && System.nanoTime() < deadline) {
                        count = sink.objects().count();
                        if (count > 0 && first < 0) {
                            first = System.nanoTime();
                        }
                        Thread.sleep(count == 0 ? 1 : 5);
                    }
                }
                long end = System.nanoTime();
                double firstMs = first < 0 ? Double.NaN : (first - start) / 1e6;
                double rate = first < 0 || end == first ? Double.NaN : (count - 1) / ((end - first) / 1e9);
                System.out.printf(Locale.ROOT,
                        "%s run %d: %d/%d objects, first stored %.0f ms after start, %.0f objects/s first to last,"
                                + " %.0f objects/s overall%n",
                        label, r, count, n, firstMs, rate, count / ((end - start) / 1e9));
            }
        }
    }

    private static NodeConfig config(Path dir, boolean tls, int peerPort) {
        List<InetSocketAddress> peers = peerPort < 0 ? List.of() : List.of(new InetSocketAddress("127.0.0.1", peerPort));
        return NodeConfig.builder(dir).listen(new InetSocketAddress("127.0.0.1", 0)).peers(peers).bootstrap(false)
                .tls(tls).apiPort(-1).extraLowDifficulty(true).build();
    }

    /** N msg objects of 400 payload bytes with test-network proof of work, made on all cores. */
    static List<byte[]> make(int n) {
        long expires = System.currentTimeMillis() / 1000 + 3 * 3600;
        byte[][] out = new byte[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            byte[] payload = new byte[400];
            new Random(i).nextBytes(payload);
            BitmessageObject o = BitmessageObject.of(0, expires, BitmessageObject.TYPE_MSG, 1, 1, payload);
            // the test network's minimum (10/10); a longer TTL than at validation time: a harder target
            long ttl = expires - System.currentTimeMillis() / 1000 + 600;
            long target = PowMath.verifierTarget(o.length(), ttl, 10, 10, 10, 10);
            byte[] ih = PowMath.initialHash(o.bytesWithoutNonce());
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-512");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            byte[] buf = Arrays.copyOf(new byte[8], 72);
            System.arraycopy(ih, 0, buf, 8, 64);
            for (long nonce = 1; ; nonce++) {
                for (int k = 0; k < 8; k++) {
                    buf[k] = (byte) (nonce >>> (56 - 8 * k));
                }
                md.update(buf);
                byte[] h = md.digest(md.digest());
                long trial = 0;
                for (int k = 0; k < 8; k++) {
                    trial = (trial << 8) | (h[k] & 0xFF);
                }
                if (Long.compareUnsigned(trial, target) <= 0) {
                    out[i] = o.withNonce(nonce).write();
                    break;
                }
            }
        });
        return new ArrayList<>(Arrays.asList(out));
    }
}
