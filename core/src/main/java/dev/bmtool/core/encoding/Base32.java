package dev.bmtool.core.encoding;

/** RFC 4648 base32, lower case, no padding: the alphabet of Tor onion names. */
public final class Base32 {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private Base32() {
    }

    /** Decodes lower-case base32; a character outside the alphabet is an IllegalArgumentException. */
    public static byte[] decode(String s) {
        byte[] out = new byte[s.length() * 5 / 8];
        long buffer = 0;
        int bits = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = ALPHABET.indexOf(s.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("bad base32 character " + s.charAt(i));
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (buffer >>> bits);
            }
        }
        return out;
    }

    public static String encode(byte[] b) {
        StringBuilder sb = new StringBuilder((b.length * 8 + 4) / 5);
        long buffer = 0;
        int bits = 0;
        for (byte x : b) {
            buffer = (buffer << 8) | (x & 0xFF);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                sb.append(ALPHABET.charAt((int) ((buffer >>> bits) & 31)));
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((int) ((buffer << (5 - bits)) & 31)));
        }
        return sb.toString();
    }
}
