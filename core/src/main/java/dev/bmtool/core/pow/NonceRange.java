package dev.bmtool.core.pow;

/**
 * Nonces {@code start, start+1, ..., start+count-1}, all unsigned 64-bit. {@code count} is an
 * unsigned count; {@code 0} means the whole remaining space up to 2^64-1. A range never wraps
 * past 2^64-1: a count reaching beyond it is cut at 2^64-1.
 */
public record NonceRange(long start, long count) {

    /** Every nonce from {@code start} to 2^64-1. */
    public static NonceRange from(long start) {
        return new NonceRange(start, -start); // 2^64 - start, as unsigned; 0 when start == 0 means all 2^64
    }

    /** The last nonce in the range (unsigned), never past 2^64-1. */
    public long last() {
        if (count == 0 || (start != 0 && Long.compareUnsigned(count, -start) > 0)) {
            return -1L;
        }
        return start + count - 1;
    }

    /**
     * Number of nonces as an unsigned long, after cutting at 2^64-1; {@code 0} stands for 2^64
     * (only the whole space {@code [0, 2^64)} has that size).
     */
    public long size() {
        return last() - start + 1;
    }
}
