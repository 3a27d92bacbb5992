package dev.bmtool.node;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.node.store.NodeDatabase;
import dev.bmtool.node.store.ObjectStore;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Child JVM for {@link CrashTest}: stores objects as fast as it can and acknowledges each. */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        SecureRandom r = new SecureRandom();
        try (NodeDatabase db = NodeDatabase.open(Path.of(args[0]))) {
            ObjectStore s = new ObjectStore(db);
            long now = System.currentTimeMillis() / 1000;
            while (true) {
                byte[] payload = new byte[200 + r.nextInt(2000)];
                r.nextBytes(payload);
                BitmessageObject o = BitmessageObject.of(r.nextLong(), now + 3600, 2, 1, 1, payload);
                s.put(o, now);
                // acknowledged only after put() returned, i.e. after the commit
                System.out.println("ACK " + Hex.encode(PowMath.inventoryHash(o.write())));
                System.out.flush();
            }
        }
    }
}
