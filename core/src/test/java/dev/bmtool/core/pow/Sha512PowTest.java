package dev.bmtool.core.pow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Sha512PowTest {

    @Test
    void constantsAreTheFips180Values() {
        assertEquals(0x428a2f98d728ae22L, Sha512Pow.K[0]);
        assertEquals(0x6c44198c4a475817L, Sha512Pow.K[79]);
        assertEquals(0x6a09e667f3bcc908L, Sha512Pow.IV[0]);
        assertEquals(0x5be0cd19137e2179L, Sha512Pow.IV[7]);
    }

    /** The hand-written schedules in the engines assume exactly this dependency pattern. */
    @Test
    void block1ScheduleDependencyPattern() {
        int[] v = Sha512Pow.variableTerms();
        int[] expected = new int[38];
        // bit 3 = sigma1(w[t-2]), 2 = w[t-7], 1 = sigma0(w[t-15]), 0 = w[t-16]; -1 constant
        int[] pattern = {
            0b0001, -1, 0b1000, -1, 0b1000, -1, 0b1000, 0b0100, 0b1000, 0b1100, 0b1000,
            0b1100, 0b1000, 0b1100, 0b1100, 0b1110, 0b1101, 0b1110, 0b1101, 0b1110, 0b1101, 0b1110};
        System.arraycopy(pattern, 0, expected, 16, pattern.length);
        assertArrayEquals(expected, v);
    }

    @Test
    void scalarTrialMatchesReference() {
        SplittableRandom rnd = new SplittableRandom(1);
        ScalarPowEngine e = new ScalarPowEngine();
        for (int i = 0; i < 200; i++) {
            byte[] ih = new byte[64];
            rnd.nextBytes(ih);
            long nonce = rnd.nextLong();
            e.search(new PowJob(ih, 0), new NonceRange(nonce, 1), PowMonitor.NONE); // prepares the job
            assertEquals(PowMath.trialValue(nonce, ih), e.trial(nonce));
        }
    }
}
