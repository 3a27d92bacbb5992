package dev.bmtool.core.encoding;

import java.util.HexFormat;

/** Lower-case hex, strict on input (whitespace allowed between digits for pasted vectors). */
public final class Hex {
    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /** Decodes hex, ignoring ASCII whitespace; throws {@link ProtocolException.BadValue} on anything else. */
    public static byte[] decode(CharSequence hex) {
        StringBuilder clean = new StringBuilder(hex.length());
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!Character.isWhitespace(c)) {
                clean.append(c);
            }
        }
        String s = clean.toString();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        if ((s.length() & 1) != 0) {
            throw new ProtocolException.BadValue("hex string has an odd number of digits");
        }
        try {
            return FORMAT.parseHex(s);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException.BadValue("not a hex string: " + e.getMessage());
        }
    }
}
