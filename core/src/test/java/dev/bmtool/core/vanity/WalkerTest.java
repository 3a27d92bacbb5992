package dev.bmtool.core.vanity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class WalkerTest {

    /** Every point of two consecutive batches equals Bouncy Castle's k*G for its key. */
    @Test
    void batchesMatchBouncyCastleMultiplication() {
        BigInteger start = new BigInteger(250, new Random(3)).add(BigInteger.valueOf(1000));
        Walker w = new Walker(start);
        for (int round = 0; round < 2; round++) {
            Map<BigInteger, BigInteger[]> seen = new HashMap<>();
            BigInteger center = w.center();
            int r = w.batch((x, y, off) -> {
                seen.put(center.add(BigInteger.valueOf(off)), new BigInteger[] {x.toBigInteger(), y.toBigInteger()});
                return false;
            });
            assertEquals(Walker.DONE, r);
            assertEquals(Walker.BATCH, seen.size());
            for (var e : seen.entrySet()) {
                ECPoint p = Curve.multiply(e.getKey());
                assertEquals(p.getAffineXCoord().toBigInteger(), e.getValue()[0], "x of " + e.getKey());
                assertEquals(p.getAffineYCoord().toBigInteger(), e.getValue()[1], "y of " + e.getKey());
            }
            assertEquals(center.add(BigInteger.valueOf(Walker.BATCH)), w.center());
        }
    }

    @Test
    void stopsWhereTheSinkSays() {
        Walker w = new Walker(BigInteger.valueOf(123456789));
        int[] n = {0};
        int r = w.batch((x, y, off) -> ++n[0] == 5);
        assertEquals(Walker.STOPPED, r);
        assertEquals(5, n[0]);
        assertEquals(BigInteger.valueOf(123456789), w.center());
        // offsets run 0, +1, -1, +2, -2: the fifth is -2
        assertEquals(BigInteger.valueOf(123456787), w.key(-2));
    }

    @Test
    void batchTouchingInfinityIsDegenerate() {
        // keys center-HALF .. center+HALF include 0 (mod n)
        Walker w = new Walker(BigInteger.valueOf(10));
        assertEquals(Walker.DEGENERATE, w.batch((x, y, off) -> false));
        Walker near = new Walker(Curve.N.subtract(BigInteger.valueOf(3)));
        assertEquals(Walker.DEGENERATE, near.batch((x, y, off) -> false));
    }
}
