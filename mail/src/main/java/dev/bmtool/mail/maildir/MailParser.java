package dev.bmtool.mail.maildir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RFC 5322 message as a mail program hands it to sendmail: headers (unfolded, RFC 2047
 * encoded words decoded), address lists (From, To, Cc, Bcc), and a MIME body reduced to its
 * text: {@code text/plain} in any charset Java knows, quoted-printable or base64, format=flowed
 * undone, the plain part of a {@code multipart/alternative}, the inline text parts of a
 * {@code multipart/mixed}. Attachments and HTML-only mail are refused with a clear reason: a
 * Bitmessage message is a subject and plain text.
 */
public final class MailParser {
    /** Why a message cannot be sent as Bitmessage text (the caller maps it to EX_DATAERR). */
    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message);
        }
    }

    /**
     * The parts of a message bmtool uses.
     *
     * @param headers first value of each header, by lower-case name (decoded)
     * @param from    addr-specs of From
     * @param to      addr-specs of To
     * @param cc      addr-specs of Cc
     * @param bcc     addr-specs of Bcc
     * @param subject decoded subject ("" when absent)
     * @param body    the text, lines ending in LF
     */
    public record Parsed(Map<String, String> headers, List<String> from, List<String> to, List<String> cc,
            List<String> bcc, String subject, String body) {
    }

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");
    private static final int MAX_DEPTH = 10;

    private MailParser() {
    }

    public static Parsed parse(byte[] message) throws Rejected {
        Entity e = entity(message);
        Map<String, String> first = new LinkedHashMap<>();
        for (String[] h : e.headers) {
            first.putIfAbsent(h[0], decodeWords(h[1]).strip());
        }
        String subject = first.getOrDefault("subject", "").replaceAll("[\\r\\n]+", " ");
        String body = text(e, 0);
        return new Parsed(first, addresses(e, "from"), addresses(e, "to"), addresses(e, "cc"), addresses(e, "bcc"),
                subject, body);
    }

    // ---- entities ----

    /** Headers (lower-case name, raw unfolded value) and the raw body bytes. */
    private record Entity(List<String[]> headers, byte[] body) {
        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equals(name)) {
                    return h[1];
                }
            }
            return null;
        }
    }

    private static Entity entity(byte[] raw) throws Rejected {
        int split = -1;
        int bodyStart = raw.length;
        int lineStart = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                int len = i - lineStart;
                if (len == 0 || (len == 1 && raw[lineStart] == '\r')) {
                    split = lineStart; // the empty line that ends the headers
                    bodyStart = i + 1;
                    break;
                }
                lineStart = i + 1;
            }
        }
        String headerText = new String(raw, 0, split < 0 ? raw.length : split, StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
        List<String[]> headers = new ArrayList<>();
        for (String line : headerText.split("\n")) {
            if (line.isEmpty() || line.equals("\r")) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                String[] last = headers.getLast();
                last[1] = last[1] + " " + line.strip();
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                if (line.startsWith("From ")) {
                    continue; // an mbox separator line some programs leave in
                }
                throw new Rejected("not an RFC 5322 message: header line without a colon: "
                        + abbreviate(line));
            }
            headers.add(new String[] {line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                line.substring(colon + 1).strip()});
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, Math.min(bodyStart, raw.length), raw.length);
        return new Entity(headers, body);
    }

    /** The text of an entity (recursing into multiparts). */
    private static String text(Entity e, int depth) throws Rejected {
        if (depth > MAX_DEPTH) {
            throw new Rejected("MIME parts nested too deeply");
        }
        ContentType ct = ContentType.of(e.header("content-type"));
        String disposition = e.header("content-disposition");
        if (disposition != null && disposition.toLowerCase(Locale.ROOT).startsWith("attachment")) {
            throw new Rejected("attachments cannot be sent over Bitmessage (" + describe(e, ct) + "); send the"
                    + " text only");
        }
        if (ct.type.equals("multipart")) {
            List<Entity> parts = parts(e, ct);
            if (ct.subtype.equals("alternative")) {
                for (Entity p : parts) {
                    ContentType pt = ContentType.of(p.header("content-type"));
                    if (pt.is("text", "plain") || pt.type.equals("multipart")) {
                        return text(p, depth + 1);
                    }
                }
                throw new Rejected("no text/plain alternative in this message (HTML only?); send plain text");
            }
            StringBuilder sb = new StringBuilder();
            for (Entity p : parts) {
                String t = text(p, depth + 1);
                if (!sb.isEmpty() && !t.isEmpty()) {
                    sb.append(sb.charAt(sb.length() - 1) == '\n' ? "\n" : "\n\n");
                }
                sb.append(t);
            }
            return sb.toString();
        }
        if (!ct.is("text", "plain")) {
            throw new Rejected((ct.is("text", "html") ? "HTML mail cannot be sent over Bitmessage; send plain text"
                    : "attachments cannot be sent over Bitmessage (" + describe(e, ct) + "); send the text only"));
        }
        byte[] bytes = transferDecode(e.body, e.header("content-transfer-encoding"));
        String text = charsetDecode(bytes, ct.params.get("charset"));
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if ("flowed".equalsIgnoreCase(ct.params.get("format"))) {
            text = unflow(text, "yes".equalsIgnoreCase(ct.params.get("delsp")));
        }
        return text;
    }

    private static String describe(Entity e, ContentType ct) {
        String name = ct.params.get("name");
        String disposition = e.header("content-disposition");
        if (disposition != null) {
            String fn = ContentType.params(disposition).get("filename");
            if (fn != null) {
                name = fn;
            }
        }
        return ct.type + "/" + ct.subtype + (name == null ? "" : " \"" + decodeWords(name) + "\"");
    }

    private static List<Entity> parts(Entity e, ContentType ct) throws Rejected {
        String boundary = ct.params.get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new Rejected("multipart message without a boundary");
        }
        String body = new String(e.body, StandardCharsets.ISO_8859_1); // bytes kept 1:1
        String delimiter = "--" + boundary;
        List<Entity> parts = new ArrayList<>();
        int pos = 0;
        int start = -1;
        while (true) {
            int at = body.indexOf(delimiter, pos);
            if (at < 0) {
                break;
            }
            boolean lineStart = at == 0 || body.charAt(at - 1) == '\n';
            int lineEnd = body.indexOf('\n', at);
            if (!lineStart) {
                pos = at + delimiter.length();
                continue;
            }
            if (start >= 0) {
                int end = at;
                // the line break before the delimiter belongs to it
                if (end > start && body.charAt(end - 1) == '\n') {
                    end--;
                    if (end > start && body.charAt(end - 1) == '\r') {
                        end--;
                    }
                }
                parts.add(entity(body.substring(start, end).getBytes(StandardCharsets.ISO_8859_1)));
            }
            if (body.startsWith("--", at + delimiter.length())) {
                return parts;
            }
            start = lineEnd < 0 ? body.length() : lineEnd + 1;
            pos = start;
        }
        if (start >= 0 && start < body.length()) {
            parts.add(entity(body.substring(start).getBytes(StandardCharsets.ISO_8859_1))); // no closing delimiter
        }
        if (parts.isEmpty()) {
            throw new Rejected("multipart message without parts");
        }
        return parts;
    }

    static byte[] transferDecode(byte[] body, String cte) throws Rejected {
        String enc = cte == null ? "7bit" : cte.strip().toLowerCase(Locale.ROOT);
        return switch (enc) {
            case "7bit", "8bit", "binary" -> body;
            case "base64" -> {
                try {
                    yield Base64.getMimeDecoder().decode(new String(body, StandardCharsets.US_ASCII).strip());
                } catch (IllegalArgumentException ex) {
                    throw new Rejected("bad base64 body: " + ex.getMessage());
                }
            }
            case "quoted-printable" -> quotedPrintable(body, false);
            default -> throw new Rejected("unknown Content-Transfer-Encoding " + enc);
        };
    }

    /** RFC 2045 quoted-printable (or RFC 2047 Q with {@code underscoreIsSpace}). */
    static byte[] quotedPrintable(byte[] in, boolean underscoreIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '=') {
                // soft line break: '=' then optional whitespace then CRLF or LF
                int j = i + 1;
                while (j < in.length && (in[j] == ' ' || in[j] == '\t')) {
                    j++;
                }
                if (j < in.length && (in[j] == '\n' || (in[j] == '\r' && j + 1 < in.length && in[j + 1] == '\n'))) {
                    i = in[j] == '\r' ? j + 1 : j;
                    continue;
                }
                if (j >= in.length) {
                    break;
                }
                if (i + 2 < in.length + 0 && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                    out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                    i += 2;
                    continue;
                }
                out.write(b); // not an escape: kept, as lenient decoders do
            } else if (b == '_' && underscoreIsSpace) {
                out.write(' ');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte c) {
        return Character.digit((char) c, 16);
    }

    /** Decodes text in its declared charset; without one, UTF-8 if valid, else ISO-8859-1. */
    static String charsetDecode(byte[] bytes, String charset) throws Rejected {
        if (charset == null || charset.isBlank()) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
        Charset cs;
        try {
            cs = Charset.forName(charset.strip());
        } catch (IllegalArgumentException e) {
            throw new Rejected("unknown charset " + charset.strip());
        }
        if (cs.equals(StandardCharsets.US_ASCII)) {
            cs = StandardCharsets.UTF_8; // 8-bit text mislabelled as us-ascii is common; UTF-8 is a superset
        }
        return new String(bytes, cs);
    }

    /** RFC 3676: joins soft-broken lines (ending in a space), removes space-stuffing. */
    static String unflow(String text, boolean delsp) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ")) {
                line = line.substring(1);
            }
            boolean soft = line.endsWith(" ") && !line.equals("-- ");
            if (soft) {
                out.append(delsp ? line.substring(0, line.length() - 1) : line);
            } else {
                out.append(line);
                if (i < lines.length - 1) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    // ---- headers ----

    /** RFC 2047 encoded words (B and Q), adjacent words joined without the space between them. */
    public static String decodeWords(String value) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = ENCODED_WORD.matcher(value);
        int pos = 0;
        boolean lastWasWord = false;
        while (m.find()) {
            String between = value.substring(pos, m.start());
            if (!(lastWasWord && between.isBlank())) {
                out.append(between);
            }
            String cs = m.group(1);
            int star = cs.indexOf('*'); // RFC 2231 language
            if (star >= 0) {
                cs = cs.substring(0, star);
            }
            try {
                byte[] raw = m.group(2).equalsIgnoreCase("B")
                        ? Base64.getDecoder().decode(m.group(3))
                        : quotedPrintable(m.group(3).getBytes(StandardCharsets.US_ASCII), true);
                out.append(new String(raw, Charset.forName(cs)));
            } catch (IllegalArgumentException e) {
                out.append(m.group()); // undecodable: left as it was
            }
            lastWasWord = true;
            pos = m.end();
        }
        out.append(value.substring(pos));
        return out.toString();
    }

    /** The addr-specs of every occurrence of header {@code name}. */
    private static List<String> addresses(Entity e, String name) {
        List<String> out = new ArrayList<>();
        for (String[] h : e.headers) {
            if (h[0].equals(name)) {
                out.addAll(addressList(h[1]));
            }
        }
        return out;
    }

    /**
     * RFC 5322 address list to addr-specs: {@code "Name" <a@b>}, {@code a@b (comment)},
     * {@code group: a@b, c@d;}, {@code undisclosed-recipients:;}.
     */
    public static List<String> addressList(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < value.length()) {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                continue; // display names are not needed
            }
            if (comment > 0) {
                if (c == '(') {
                    comment++;
                } else if (c == ')') {
                    comment--;
                }
                continue;
            }
            switch (c) {
                case '"' -> quoted = true;
                case '(' -> comment++;
                case '<' -> {
                    angle++;
                    cur.setLength(0);
                }
                case '>' -> angle = Math.max(0, angle - 1);
                case ':' -> {
                    if (angle == 0) {
                        cur.setLength(0); // a group's name
                    } else {
                        cur.append(c);
                    }
                }
                case ',', ';' -> {
                    if (angle == 0) {
                        add(out, cur);
                    } else {
                        cur.append(c);
                    }
                }
                default -> {
                    if (angle > 0 || !Character.isWhitespace(c)) {
                        cur.append(c);
                    } else if (!cur.isEmpty()) {
                        cur.append(' ');
                    }
                }
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        cur.setLength(0);
        if (s.isEmpty()) {
            return;
        }
        // a bare display name followed by nothing, e.g. after a dropped quote: keep the last word
        int space = s.lastIndexOf(' ');
        out.add(space < 0 ? s : s.substring(space + 1));
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** A parsed Content-Type. */
    private record ContentType(String type, String subtype, Map<String, String> params) {
        static ContentType of(String header) {
            if (header == null || header.isBlank()) {
                return new ContentType("text", "plain", Map.of());
            }
            int semi = header.indexOf(';');
            String mime = (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
            int slash = mime.indexOf('/');
            String type = slash < 0 ? mime : mime.substring(0, slash);
            String sub = slash < 0 ? "" : mime.substring(slash + 1);
            return new ContentType(type, sub, params(header));
        }

        boolean is(String t, String s) {
            return type.equals(t) && subtype.equals(s);
        }

        /** {@code ; name=value} and {@code ; name="quoted value"} parameters, names lower-case. */
        static Map<String, String> params(String header) {
            Map<String, String> p = new LinkedHashMap<>();
            int i = header.indexOf(';');
            while (i >= 0 && i < header.length()) {
                int eq = header.indexOf('=', i);
                if (eq < 0) {
                    break;
                }
                String name = header.substring(i + 1, eq).strip().toLowerCase(Locale.ROOT);
                int j = eq + 1;
                while (j < header.length() && Character.isWhitespace(header.charAt(j))) {
                    j++;
                }
                String value;
                int next;
                if (j < header.length() && header.charAt(j) == '"') {
                    StringBuilder v = new StringBuilder();
                    int k = j + 1;
                    for (; k < header.length() && header.charAt(k) != '"'; k++) {
                        if (header.charAt(k) == '\\' && k + 1 < header.length()) {
                            k++;
                        }
                        v.append(header.charAt(k));
                    }
                    value = v.toString();
                    next = header.indexOf(';', k);
                } else {
                    next = header.indexOf(';', j);
                    value = (next < 0 ? header.substring(j) : header.substring(j, next)).strip();
                }
                p.putIfAbsent(name, value);
                i = next;
            }
            return p;
        }
    }
}
