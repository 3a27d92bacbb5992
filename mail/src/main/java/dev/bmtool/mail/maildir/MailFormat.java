package dev.bmtool.mail.maildir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One received Bitmessage message as an RFC 5322 / MIME message: {@code From} and {@code To} as
 * {@code BM-...@bitmessage}, an RFC 2047 encoded subject when it is not plain ASCII, a
 * {@code Message-ID} made of the object's inventory hash, and the body as UTF-8 text (8bit, or
 * base64 when a line would break RFC 5322's 998-character limit). Lines end in LF, the Maildir
 * convention.
 */
public final class MailFormat {
    /** The domain that marks a Bitmessage address in mail headers. */
    public static final String DOMAIN = "bitmessage";
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** What kind of message it was: marked in {@code X-Bitmessage-Kind} and in the To header. */
    public enum Kind { MSG, CHAN, BROADCAST }

    /**
     * A received message.
     *
     * @param msgid     inventory hash of the object (Message-ID)
     * @param kind      msg to one of our addresses, msg to a chan we are in, or a broadcast
     * @param from      sender address (BM-...)
     * @param to        our address or chan (BM-...); for a broadcast, ignored
     * @param toLabel   label of our address or chan (may be empty)
     * @param subject   subject (any Unicode)
     * @param body      body text
     * @param received  when we received it (epoch seconds)
     */
    public record Received(byte[] msgid, Kind kind, String from, String to, String toLabel, String subject,
            String body, long received) {
    }

    private MailFormat() {
    }

    /** {@code BM-xxx} as a mail address: {@code BM-xxx@bitmessage}. */
    public static String mailAddress(String bm) {
        return bm + "@" + DOMAIN;
    }

    /** The message as bytes ready for a Maildir file. */
    public static byte[] format(Received m) {
        StringBuilder h = new StringBuilder();
        h.append("Return-Path: <").append(mailAddress(m.from())).append(">\n");
        h.append("Date: ").append(DATE.format(Instant.ofEpochSecond(m.received()))).append('\n');
        h.append("From: <").append(mailAddress(m.from())).append(">\n");
        switch (m.kind()) {
            case BROADCAST -> h.append("To: ").append(phrase("[Broadcast subscribers]")).append(" <")
                    .append(mailAddress(m.from())).append(">\n");
            case CHAN -> h.append("To: ").append(phrase(m.toLabel().startsWith("[chan] ") ? m.toLabel()
                    : "[chan] " + m.toLabel())).append(" <")
                    .append(mailAddress(m.to())).append(">\n");
            case MSG -> h.append("To: ").append(m.toLabel().isEmpty() ? "" : phrase(m.toLabel()) + " ").append('<')
                    .append(mailAddress(m.to())).append(">\n");
        }
        h.append("Subject: ").append(headerText(m.subject(), "Subject: ".length())).append('\n');
        h.append("Message-ID: <").append(HexFormat.of().formatHex(m.msgid())).append('@').append(DOMAIN)
                .append(">\n");
        h.append("X-Bitmessage-Kind: ").append(m.kind().name().toLowerCase(Locale.ROOT)).append('\n');
        if (m.kind() == Kind.CHAN) {
            h.append("X-Bitmessage-Chan: ").append(m.to()).append('\n');
        }
        h.append("MIME-Version: 1.0\n");
        h.append("Content-Type: text/plain; charset=UTF-8\n");
        String body = m.body().replace("\r\n", "\n").replace('\r', '\n');
        if (!body.endsWith("\n")) {
            body += "\n"; // a text file ends in a line break, whichever transfer encoding
        }
        boolean longLine = body.lines().anyMatch(l -> l.getBytes(StandardCharsets.UTF_8).length > 998);
        if (longLine) {
            h.append("Content-Transfer-Encoding: base64\n\n");
            String b64 = Base64.getMimeEncoder(76, new byte[] {'\n'})
                    .encodeToString(body.getBytes(StandardCharsets.UTF_8));
            h.append(b64).append('\n');
        } else {
            h.append("Content-Transfer-Encoding: 8bit\n\n");
            h.append(body);
        }
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A display name: quoted ASCII, or an RFC 2047 encoded word. */
    static String phrase(String name) {
        if (printableAscii(name) && name.length() < 200) {
            return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return encodedWords(name, 0);
    }

    /** Unstructured header text: as is when short printable ASCII, else encoded words. */
    static String headerText(String text, int used) {
        String oneLine = text.replace("\r", " ").replace("\n", " ");
        if (printableAscii(oneLine) && oneLine.length() + used <= 900 && !oneLine.contains("=?")) {
            return oneLine;
        }
        return encodedWords(oneLine, used);
    }

    private static boolean printableAscii(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    /** RFC 2047 B encoding, each word at most 75 characters, folded onto continuation lines. */
    static String encodedWords(String text, int used) {
        StringBuilder out = new StringBuilder();
        byte[] chunk = new byte[45];
        int n = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            if (n + b.length > chunk.length) {
                word(out, chunk, n);
                n = 0;
            }
            System.arraycopy(b, 0, chunk, n, b.length);
            n += b.length;
            i += Character.charCount(cp);
        }
        if (n > 0 || out.isEmpty()) {
            word(out, chunk, n);
        }
        return out.toString();
    }

    private static void word(StringBuilder out, byte[] chunk, int n) {
        if (!out.isEmpty()) {
            out.append("\n ");
        }
        out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(chunk, n)))
                .append("?=");
    }
}
