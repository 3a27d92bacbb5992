package dev.bmtool.core.pow;

/**
 * Nonces {@code start, start+1, ..., start+count-1}, all unsigned 64-bit. {@code count} is an
 * unsigned count; {@code 0} means the whole remaining space up to 2^64-1.
 */
public record NonceRange(long start, long count) {

    /** Every nonce from {@code start} to 2^64-1. */
    public static NonceRange from(long start) {
        return new NonceRange(start, -start); // 2^64 - start, as unsigned; 0 when start == 0 means all 2^64
    }

    /** The last nonce in the range (unsigned). */
    public long last() {
        return start + count - 1;
    }
}
