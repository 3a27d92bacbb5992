package dev.bmtool.vectors.pow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.pow.CpuEngines;
import dev.bmtool.core.pow.MultiThreadPowEngine;
import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.PowResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * vectors.md section 9: first valid nonces found by other implementations (bitchan, bmutil),
 * searching upward from 0. Each row is checked twice: the nonce meets the target, and the
 * fastest CPU engine finds no valid nonce below it.
 */
class FirstNonceVectorsTest {
    private static MultiThreadPowEngine engine;

    @BeforeAll
    static void open() {
        engine = CpuEngines.allCores();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @ParameterizedTest(name = "{0}: target {2} -> nonce {3}")
    @CsvFileSource(resources = "/vectors/pow/first-nonces.csv")
    void firstValidNonce(String source, String initialHashHex, long target, long nonce) {
        byte[] initialHash = Hex.decode(initialHashHex);
        assertTrue(PowMath.meets(nonce, initialHash, target), "nonce " + nonce + " must meet the target");
        PowJob job = new PowJob(initialHash, target);
        PowResult below = engine.search(job, new NonceRange(0, nonce), PowMonitor.NONE);
        assertEquals(PowResult.Status.EXHAUSTED, below.status(), () -> "a smaller nonce passed: " + below);
        PowResult at = engine.search(job, new NonceRange(nonce, 1), PowMonitor.NONE);
        assertTrue(at.found());
        assertEquals(nonce, at.nonce());
    }

    @Test
    void bitchanTrialValueAndNeighbour() {
        byte[] h = Hex.decode("8ff2d685db89a0af2e3dbfd3f700ae96ef4d9a1eac72fd778bbb368c7510cddda349e032"
                + "07e1c4965bd95c6f7265e8f1a481a08afab3874eaafb9ade09a10880");
        assertEquals(120283692955L, PowMath.trialValue(21997550, h));
        assertFalse(PowMath.meets(3122436, h, 4864647698763L));
        assertTrue(PowMath.meets(3122437, h, 4864647698763L));
    }
}
