package dev.bmtool.core.message;

import java.nio.charset.StandardCharsets;

/** Message encodings (protocol brief 11.5) and PyBitmessage's SIMPLE format. */
public final class MessageEncoding {
    public static final long IGNORE = 0;
    public static final long TRIVIAL = 1;
    public static final long SIMPLE = 2;
    public static final long EXTENDED = 3;
    /** PyBitmessage keeps only this many characters of a subject. */
    public static final int MAX_SUBJECT_CHARS = 500;

    private MessageEncoding() {
    }

    /** Subject and body of a decoded message. */
    public record Text(String subject, String body) {
    }

    /** "Subject:" + subject + "\n" + "Body:" + body, UTF-8. */
    public static byte[] encodeSimple(String subject, String body) {
        return ("Subject:" + subject + "\nBody:" + body).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * PyBitmessage's decodeSimple: subject = bytes 8..index of the first "\nBody:" when that index
     * is > 1, truncated to 500 characters and cut at the first line break; else no subject and the
     * whole text is the body. Invalid UTF-8 is replaced, never rejected.
     */
    public static Text decodeSimple(byte[] message) {
        int idx = indexOf(message, "\nBody:".getBytes(StandardCharsets.US_ASCII));
        if (idx > 1) {
            String subject = idx > 8 ? utf8(message, 8, idx) : "";
            if (subject.length() > MAX_SUBJECT_CHARS) {
                subject = subject.substring(0, MAX_SUBJECT_CHARS);
            }
            subject = firstLine(subject);
            String body = utf8(message, idx + 6, message.length);
            return new Text(subject, body);
        }
        return new Text("", utf8(message, 0, message.length));
    }

    /**
     * Decodes a message of any encoding we understand into text (TRIVIAL: body only). A malformed
     * EXTENDED message throws ProtocolException; an unknown encoding UnsupportedOperationException.
     */
    public static Text decode(long encoding, byte[] message) {
        if (encoding == SIMPLE) {
            return decodeSimple(message);
        }
        if (encoding == TRIVIAL) {
            return new Text("", utf8(message, 0, message.length));
        }
        if (encoding == IGNORE) {
            return new Text("", "");
        }
        if (encoding == EXTENDED) {
            return ExtendedEncoding.decode(message);
        }
        throw new UnsupportedOperationException("message encoding " + Long.toUnsignedString(encoding)
                + " is not supported");
    }

    public static String name(long encoding) {
        if (encoding == IGNORE) {
            return "ignore";
        } else if (encoding == TRIVIAL) {
            return "trivial";
        } else if (encoding == SIMPLE) {
            return "simple";
        } else if (encoding == EXTENDED) {
            return "extended";
        }
        return "unknown(" + Long.toUnsignedString(encoding) + ")";
    }

    private static String utf8(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Python's str.splitlines()[0]. */
    private static String firstLine(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) || c == 0x85
                    || c == 0x2028 || c == 0x2029) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
