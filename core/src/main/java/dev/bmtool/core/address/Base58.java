package dev.bmtool.core.address;

import java.math.BigInteger;

/**
 * Base58 with PyBitmessage's big-integer semantics: the bytes are one unsigned number; there is no
 * "leading zero byte = '1'" rule. {@code encode(0) == "1"}, {@code decode("1") == 0}.
 */
public final class Base58 {
    public static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    private static final int[] INDEX = new int[128];

    static {
        java.util.Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEX[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {
    }

    public static String encode(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative");
        }
        if (value.signum() == 0) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        BigInteger v = value;
        while (v.signum() > 0) {
            BigInteger[] qr = v.divideAndRemainder(BASE);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            v = qr[0];
        }
        return sb.reverse().toString();
    }

    /** Encodes the bytes read as one unsigned big-endian number. */
    public static String encode(byte[] bytes) {
        return encode(new BigInteger(1, bytes));
    }

    /** The number, or -1 when a character is outside the alphabet (PyBitmessage returns 0). */
    public static BigInteger decodeToNumber(String s) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = c < 128 ? INDEX[c] : -1;
            if (d < 0) {
                return BigInteger.ONE.negate();
            }
            v = v.multiply(BASE).add(BigInteger.valueOf(d));
        }
        return v;
    }

    /**
     * Decodes to the minimal big-endian bytes of the number (empty for 0), or null on invalid
     * characters.
     */
    public static byte[] decode(String s) {
        BigInteger v = decodeToNumber(s);
        if (v.signum() < 0) {
            return null;
        }
        if (v.signum() == 0) {
            return new byte[0];
        }
        byte[] b = v.toByteArray();
        if (b[0] == 0) {
            return java.util.Arrays.copyOfRange(b, 1, b.length);
        }
        return b;
    }
}
