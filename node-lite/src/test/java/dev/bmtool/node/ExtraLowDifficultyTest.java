package dev.bmtool.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.pow.PowMath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PyBitmessage's test mode: a node that accepts 1/100 of the network minimum PoW (10 / 10). */
class ExtraLowDifficultyTest {
    @TempDir
    Path dir;

    /** An object with PoW for 10/10 that (almost surely) fails 1000/1000. */
    private static BitmessageObject lowPow() {
        long ttl = 3600;
        BitmessageObject o = BitmessageObject.of(0, System.currentTimeMillis() / 1000 + ttl, BitmessageObject.TYPE_MSG,
                1, 1, "made by a PyBitmessage in test mode".getBytes(StandardCharsets.US_ASCII));
        long low = PowMath.verifierTarget(o.length(), ttl - 60, 10, 10, 10, 10);
        long full = PowMath.verifierTarget(o.length(), ttl, 1000, 1000);
        byte[] ih = PowMath.initialHash(o.bytesWithoutNonce());
        for (long n = 0; ; n++) {
            long t = PowMath.trialValue(n, ih);
            if (Long.compareUnsigned(t, low) <= 0 && Long.compareUnsigned(t, full) > 0) {
                return o.withNonce(n);
            }
        }
    }

    private NodeConfig.Builder config() {
        return NodeConfig.builder(dir).listen(null).bootstrap(false).apiPort(-1);
    }

    @Test
    void defaultNodeRejectsTestModePow() throws Exception {
        try (Node node = Node.start(config().build(), NodeLog.silent())) {
            Offer r = node.submit(lowPow().write());
            assertFalse(r.stored());
            assertTrue(r.rejection().startsWith("insufficient proof of work"), r.rejection());
            assertEquals(Map.of("nonceTrialsPerByte", 1000L, "payloadLengthExtraBytes", 1000L),
                    node.status().minimumDifficulty().toJson());
        }
    }

    @Test
    void extraLowDifficultyAcceptsItAndSaysSo() throws Exception {
        List<String> warnings = new ArrayList<>();
        NodeLog log = (level, m) -> {
            if (level.equals("WARN")) {
                warnings.add(m);
            }
        };
        try (Node node = Node.start(config().extraLowDifficulty(true).build(), log)) {
            assertTrue(node.submit(lowPow().write()).stored());
            assertEquals(Map.of("nonceTrialsPerByte", 10L, "payloadLengthExtraBytes", 10L),
                    node.status().minimumDifficulty().toJson());
            assertTrue(node.submit(TestObjects.flipped(1).write()).rejection() != null, "still checks PoW");
        }
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("extra-low difficulty"), warnings.get(0));
    }

    @Test
    void keysDatSettingSwitchesItOnAsInPyBitmessage() throws Exception {
        IdentityStore ids = new IdentityStore(dir);
        KeysDat k = ids.load();
        k.set(KeysDat.SETTINGS_SECTION, "extralowdifficulty", "True");
        ids.save(k);
        try (Node node = Node.start(config().build(), NodeLog.silent())) {
            assertTrue(node.submit(lowPow().write()).stored());
        }
    }
}
