package dev.bmtool.pow.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.pow.PowMath;
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
}
