package dev.bmtool.core.pow;

/**
 * Outcome of a search. When {@code found}, {@code nonce} and {@code trialValue} hold the
 * solution; {@code trials} is the number of nonces this search evaluated.
 */
public record PowResult(Status status, long nonce, long trialValue, long trials) {

    public enum Status { FOUND, EXHAUSTED, CANCELLED }

    public static PowResult found(long nonce, long trialValue, long trials) {
        return new PowResult(Status.FOUND, nonce, trialValue, trials);
    }

    public static PowResult exhausted(long trials) {
        return new PowResult(Status.EXHAUSTED, 0, 0, trials);
    }

    public static PowResult cancelled(long trials) {
        return new PowResult(Status.CANCELLED, 0, 0, trials);
    }

    public boolean found() {
        return status == Status.FOUND;
    }
}
