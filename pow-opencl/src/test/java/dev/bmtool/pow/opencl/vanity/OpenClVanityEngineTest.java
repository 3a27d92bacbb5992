package dev.bmtool.pow.opencl.vanity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.vanity.VanityListener;
import dev.bmtool.core.vanity.VanityPattern;
import dev.bmtool.core.vanity.VanityResult;
import dev.bmtool.core.vanity.VanityVerifier;
import dev.bmtool.pow.opencl.OpenClDevice;
import dev.bmtool.pow.opencl.OpenClPlatforms;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the vanity kernel on the first OpenCL device (pocl's CPU device in CI). */
@org.junit.jupiter.api.Timeout(300)
class OpenClVanityEngineTest {
    private static OpenClVanityEngine engine;

    @BeforeAll
    static void open() {
        OpenClPlatforms.Discovery d = OpenClPlatforms.discover();
        assertTrue(!d.devices().isEmpty(), "no OpenCL device for the tests (install pocl): " + d.problems());
        OpenClDevice dev = d.devices().get(0);
        engine = OpenClVanityEngine.open(dev, 64);
    }

    @AfterAll
    static void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static void checkIndependently(VanityResult r) {
        // the result's keys give its ripe and address (BC derivation inside the verifier)
        VanityResult again = VanityVerifier.verify(r.privateSigningKey(), r.privateEncryptionKey(),
                VanityPattern.zeroBytesOnly(r.zeroBytes()), 0);
        assertEquals(r.address(), again.address());
    }

    @Test
    void prefixSearchOnTheDevice() throws Exception {
        long before = engine.badReports();
        List<VanityResult> rs = engine.search(VanityPattern.compile("W", 1, false), 2, VanityListener.NONE);
        assertEquals(2, rs.size());
        for (VanityResult r : rs) {
            assertTrue(r.address().startsWith("BM-2cW") || r.zeroBytes() > 1, r.address());
            checkIndependently(r);
        }
        // every device report passes the kernel's test redone on the host: its curve walk, hashes and
        // range test agree with Bouncy Castle and the JDK (reports the exact test drops are allowed)
        assertEquals(before, engine.badReports());
        assertTrue(!java.util.Arrays.equals(rs.get(0).privateSigningKey(), rs.get(1).privateSigningKey()));
    }

    @Test
    void caseInsensitiveAndZeroBytes() throws Exception {
        VanityResult r = engine.search(VanityPattern.compile("x", 1, true), 1, VanityListener.NONE).get(0);
        assertTrue(r.address().startsWith("BM-2cX") || r.zeroBytes() > 1, r.address());
        checkIndependently(r);
        VanityResult z = engine.search(VanityPattern.zeroBytesOnly(1), 1, VanityListener.NONE).get(0);
        assertTrue(z.zeroBytes() >= 1);
        checkIndependently(z);
        assertEquals(0, engine.badReports());
    }
}
