package dev.bmtool.pow.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.pow.NonceRange;
import dev.bmtool.core.pow.PowJob;
import dev.bmtool.core.pow.PowMath;
import dev.bmtool.core.pow.PowMonitor;
import dev.bmtool.core.pow.PowResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kernel's trial values against the CPU reference, nonce by nonce. */
class KernelSelfTest {
    static final byte[] IH = Hex.decode("9b2dc5d104c442e0a37dbe035abe61cbff2be4a1339628cb85d560d11c159bf9"
            + "b1745ae2a94e6d4f9e7182b1523e7b221e0e898fb6891c4064970fb56e50c85f");

    @ParameterizedTest
    @ValueSource(longs = {0L, 1828800L, 0xFFFFFFF0L, 0x7FFFFFFFFFFFFFC0L, -64L})
    void trialValuesMatchTheCpuReference(long start) {
        for (OpenClEngine e : PoclEngines.all()) {
            int n = 64;
            long[] want = new long[n];
            for (int i = 0; i < n; i++) {
                want[i] = PowMath.trialValue(start + i, IH);
            }
            assertArrayEquals(want, e.trialValues(IH, start, n), e.toString());
        }
    }

    /**
     * Two nonces per work item. (The rotate variant 3, 32-bit funnel shifts, is checked by the
     * GPU benchmark's self-test only: pocl takes minutes to compile it.)
     */
    @Test
    void twoNoncesPerItem() {
        OpenClEngine.Options o = PoclEngines.options().withNoncesPerItem(2);
        try (OpenClEngine e = OpenClEngine.open(PoclEngines.first().device(), o, null)) {
            long start = 0xFFFFFFFFL - 20;
            long[] want = new long[41];
            for (int i = 0; i < want.length; i++) {
                want[i] = PowMath.trialValue(start + i, IH);
            }
            assertArrayEquals(want, e.trialValues(IH, start, want.length));
            // and a search whose only winner sits at an odd index (second nonce of an item)
            long best = -1L;
            long bestNonce = 0;
            for (int i = 0; i < want.length; i++) {
                if (Long.compareUnsigned(want[i], best) < 0) {
                    best = want[i];
                    bestNonce = start + i;
                }
            }
            PowResult r = e.search(new PowJob(IH, best), new NonceRange(start, want.length), PowMonitor.NONE);
            assertEquals(bestNonce, r.nonce());
        }
    }
}
