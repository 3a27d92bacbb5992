package dev.bmtool.cli.pow;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;

/** Number formatting and parsing shared by the PoW commands. */
final class PowFormat {
    private PowFormat() {
    }

    /** The nonce as 16 hex digits (its 8 big-endian bytes, as it sits in the object). */
    static String nonceHex(long nonce) {
        return HexFormat.of().toHexDigits(nonce);
    }

    /** An unsigned 64-bit value as a JSON number (a BigInteger above Long.MAX_VALUE). */
    static Object unsigned(long v) {
        return v >= 0 ? (Object) v : new BigInteger(Long.toUnsignedString(v));
    }

    /** Parses an unsigned 64-bit value: decimal, or hex with a 0x prefix. */
    static long parseUnsigned(String s, String what) {
        String t = s.strip();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer from 0 to 2^64-1 (decimal or 0x hex): '" + s + "'");
        }
    }

    /** A 64-byte initial hash from 128 hex digits. */
    static byte[] initialHash(String hex) {
        String t = hex.strip();
        if (t.length() != 128) {
            throw new IllegalArgumentException("initial hash must be 128 hex digits (64 bytes), got " + t.length()
                    + " characters");
        }
        try {
            return HexFormat.of().parseHex(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("initial hash is not hex");
        }
    }

    /** e.g. 12.3 M/s. */
    static String rate(double perSecond) {
        return si(perSecond) + "/s";
    }

    /** e.g. 1.25 M, 980 k, 12. */
    static String si(double v) {
        if (v >= 1e18) {
            return String.format(Locale.ROOT, "%.2f E", v / 1e18);
        }
        if (v >= 1e15) {
            return String.format(Locale.ROOT, "%.2f P", v / 1e15);
        }
        if (v >= 1e12) {
            return String.format(Locale.ROOT, "%.2f T", v / 1e12);
        }
        if (v >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", v / 1e9);
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** e.g. 3s, 2m 05s, 1h 02m. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86400 * 10) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
        }
        if (s < 86400L * 365 * 1000) {
            return (s / 86400) + "d";
        }
        return String.format(Locale.ROOT, "%.1e years", s / (86400.0 * 365.25));
    }
}
