package dev.bmtool.core.vanity;

/**
 * A progress snapshot.
 *
 * @param candidates candidates tried so far
 * @param rate candidates per second since the start
 * @param found matches found so far
 * @param wanted matches asked for
 * @param probability chance that at least one match would have been found by now, 1 - (1-p)^candidates
 * @param etaSeconds seconds until the expected total work (wanted / p candidates) is done; 0 when overdue
 * @param elapsedSeconds seconds since the start
 */
public record VanityProgress(long candidates, double rate, int found, int wanted, double probability,
        double etaSeconds, double elapsedSeconds) {

    /** Builds a snapshot from the counters and the pattern's per-candidate probability. */
    public static VanityProgress of(long candidates, double elapsedSeconds, int found, int wanted, double p) {
        double rate = elapsedSeconds > 0 ? candidates / elapsedSeconds : 0;
        double prob = -Math.expm1(candidates * Math.log1p(-p));
        // expected total work wanted / p, less what is done (0 once overdue: a match is due any moment)
        double remaining = Math.max(0, wanted / p - candidates);
        double eta = rate > 0 ? remaining / rate : Double.POSITIVE_INFINITY;
        return new VanityProgress(candidates, rate, found, wanted, prob, eta, elapsedSeconds);
    }
}
