package dev.bmtool.core.vanity;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Walks public keys k*G for consecutive k with batched affine additions.
 *
 * <p>One batch covers the 2*HALF+1 keys center-HALF .. center+HALF: the points center ± i*G share the
 * difference x(i*G) - x(center), so HALF+1 differences (one more for the jump to the next center,
 * BATCH*G away) are inverted together with Montgomery's trick: one field inversion, three
 * multiplications per difference. Each candidate then costs one multiplication for the slope, one
 * square and one multiplication for the new point: about 4.5 multiplications per key, no BigInteger.
 */
final class Walker {
    static final int HALF = 256;
    static final int BATCH = 2 * HALF + 1;
    private static final Fe[] TX = new Fe[HALF];
    private static final Fe[] TY = new Fe[HALF];
    private static final Fe JX;
    private static final Fe JY;

    static {
        ECPoint q = Curve.G;
        for (int i = 0; i < HALF; i++) {
            ECPoint n = q.normalize();
            TX[i] = Curve.x(n);
            TY[i] = Curve.y(n);
            q = n.add(Curve.G);
        }
        ECPoint j = Curve.G.multiply(BigInteger.valueOf(BATCH)).normalize();
        JX = Curve.x(j);
        JY = Curve.y(j);
    }

    /** Receives each candidate point (normalized) with its key offset from the batch center. */
    interface Sink {
        /** @return true to stop the batch here */
        boolean accept(Fe x, Fe y, int offset);

        /** Two candidates at once (lets the hasher interleave them); same contract. */
        default boolean accept2(Fe xa, Fe ya, int offsetA, Fe xb, Fe yb, int offsetB) {
            return accept(xa, ya, offsetA) || accept(xb, yb, offsetB);
        }
    }

    static final int DONE = 0;
    static final int STOPPED = 1;
    static final int DEGENERATE = -1;

    private final Fe px = new Fe();
    private final Fe py = new Fe();
    private BigInteger center;
    private final Fe[] dx = new Fe[HALF + 1];
    private final Fe[] acc = new Fe[HALF + 1];
    private final Fe t = new Fe();
    private final Fe u = new Fe();
    private final Fe lam = new Fe();
    private final Fe x3 = new Fe();
    private final Fe y3 = new Fe();
    private final Fe x4 = new Fe();
    private final Fe y4 = new Fe();

    Walker(BigInteger center) {
        for (int i = 0; i <= HALF; i++) {
            dx[i] = new Fe();
            acc[i] = new Fe();
        }
        setCenter(center);
    }

    /** Moves the walk to a new center key (mod n); uses one Bouncy Castle multiplication. */
    void setCenter(BigInteger k) {
        center = k.mod(Curve.N);
        ECPoint p = Curve.multiply(center);
        if (p.isInfinity()) {
            px.set(BigInteger.ZERO);
            py.set(BigInteger.ZERO);
        } else {
            px.set(Curve.x(p));
            py.set(Curve.y(p));
        }
    }

    BigInteger center() {
        return center;
    }

    /** The private key for an offset of the current batch. */
    BigInteger key(int offset) {
        return center.add(BigInteger.valueOf(offset)).mod(Curve.N);
    }

    /**
     * Offers the batch's 2*HALF+1 points to the sink, then advances the center by BATCH.
     *
     * @return DONE, STOPPED (sink asked to stop; center unchanged) or DEGENERATE (a difference was
     *     zero, i.e. the batch touched the point at infinity; center unchanged, caller must move it)
     */
    int batch(Sink sink) {
        if (center.signum() == 0) {
            return DEGENERATE;
        }
        final Fe px = this.px;
        final Fe py = this.py;
        for (int i = 0; i < HALF; i++) {
            Fe.sub(dx[i], TX[i], px);
        }
        Fe.sub(dx[HALF], JX, px);
        acc[0].set(dx[0]);
        for (int i = 1; i <= HALF; i++) {
            Fe.mul(acc[i], acc[i - 1], dx[i]);
        }
        t.set(acc[HALF]);
        Fe.normalize(t);
        if (t.isZeroNormalized()) {
            return DEGENERATE;
        }
        Fe.inv(t, t);
        for (int i = HALF; i >= 1; i--) {
            Fe.mul(u, t, acc[i - 1]);
            Fe.mul(t, t, dx[i]);
            dx[i].set(u);
        }
        dx[0].set(t);
        // the center itself
        if (sink.accept(px, py, 0)) {
            return STOPPED;
        }
        for (int i = 0; i < HALF; i++) {
            final Fe tx = TX[i];
            final Fe ty = TY[i];
            final Fe d = dx[i];
            // center + (i+1)G
            Fe.sub(u, ty, py);
            Fe.mul(lam, u, d);
            Fe.sqr(x3, lam);
            Fe.sub(x3, x3, px);
            Fe.sub(x3, x3, tx);
            Fe.sub(u, px, x3);
            Fe.mul(y3, lam, u);
            Fe.sub(y3, y3, py);
            Fe.normalize(x3);
            Fe.normalize(y3);
            // center - (i+1)G: slope -(ty + py)/d; keep lam = (ty + py)/d and flip the sign in y
            Fe.add(u, ty, py);
            Fe.mul(lam, u, d);
            Fe.sqr(x4, lam);
            Fe.sub(x4, x4, px);
            Fe.sub(x4, x4, tx);
            Fe.sub(u, x4, px);
            Fe.mul(y4, lam, u);
            Fe.sub(y4, y4, py);
            Fe.normalize(x4);
            Fe.normalize(y4);
            if (sink.accept2(x3, y3, i + 1, x4, y4, -(i + 1))) {
                return STOPPED;
            }
        }
        // jump: center + BATCH*G becomes the next center
        Fe.sub(u, JY, py);
        Fe.mul(lam, u, dx[HALF]);
        Fe.sqr(x3, lam);
        Fe.sub(x3, x3, px);
        Fe.sub(x3, x3, JX);
        Fe.sub(u, px, x3);
        Fe.mul(y3, lam, u);
        Fe.sub(y3, y3, py);
        Fe.normalize(x3);
        Fe.normalize(y3);
        px.set(x3);
        py.set(y3);
        center = center.add(BigInteger.valueOf(BATCH)).mod(Curve.N);
        return DONE;
    }
}
