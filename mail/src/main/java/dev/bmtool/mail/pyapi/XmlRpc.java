package dev.bmtool.mail.pyapi;

import dev.bmtool.core.encoding.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small, bounded XML-RPC codec. Reading: a hand-written parser for the XML subset XML-RPC
 * uses (elements, text, the five predefined entities and character references); DOCTYPE,
 * entity declarations, CDATA and processing instructions other than the XML declaration are
 * refused, so no DTD or external entity is ever read. Bodies, nesting depth and element count
 * are limited before anything grows. Values map to Java as: int/i4/i8 {@code Long}, boolean
 * {@code Boolean}, double {@code Double}, string and dateTime.iso8601 {@code String}, base64
 * {@code byte[]}, array {@code List}, struct {@code Map}, nil {@code null}.
 *
 * <p>Writing follows Python's xmlrpclib byte for byte (what PyBitmessage's server sends).
 */
public final class XmlRpc {
    /** Largest request body: a maximal object (2^18 bytes) as hex, with room for the XML around it. */
    public static final int MAX_BODY = 2 * 1024 * 1024;
    static final int MAX_DEPTH = 32;
    static final int MAX_ELEMENTS = 100_000;

    private XmlRpc() {
    }

    /** A parsed request. */
    public record Call(String method, List<Object> params) {
    }

    /** Parses a methodCall document; throws {@link ProtocolException} for anything else. */
    public static Call parseCall(byte[] body) {
        if (body.length > MAX_BODY) {
            throw new ProtocolException.Oversized("request body over " + MAX_BODY + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException("request is not UTF-8");
        }
        Parser p = new Parser(text);
        Element root = p.document();
        if (!root.name.equals("methodCall")) {
            throw new ProtocolException("expected <methodCall>, not <" + root.name + ">");
        }
        Element name = root.only("methodName");
        String method = name.textOnly().strip();
        if (method.isEmpty()) {
            throw new ProtocolException("empty <methodName>");
        }
        List<Object> params = new ArrayList<>();
        Element ps = root.optional("params");
        if (ps != null) {
            for (Element param : ps.children) {
                param.expect("param");
                params.add(value(param.only("value")));
            }
        }
        for (Element e : root.children) {
            if (!e.name.equals("methodName") && !e.name.equals("params")) {
                throw new ProtocolException("unexpected <" + e.name + "> in <methodCall>");
            }
        }
        return new Call(method, params);
    }

    private static Object value(Element v) {
        v.expect("value");
        if (v.children.isEmpty()) {
            return v.text.toString(); // untyped value: a string
        }
        if (v.children.size() != 1 || !v.text.toString().isBlank()) {
            throw new ProtocolException("<value> holds more than one value");
        }
        Element t = v.children.getFirst();
        return switch (t.name) {
            case "string", "dateTime.iso8601" -> t.textOnly();
            case "int", "i4", "i8" -> {
                String s = t.textOnly().strip();
                try {
                    yield Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
                } catch (NumberFormatException e) {
                    throw new ProtocolException("bad integer: " + shorten(s));
                }
            }
            case "boolean" -> switch (t.textOnly().strip()) {
                case "0" -> Boolean.FALSE;
                case "1" -> Boolean.TRUE;
                default -> throw new ProtocolException("bad boolean: " + shorten(t.textOnly()));
            };
            case "double" -> {
                String s = t.textOnly().strip();
                if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw new ProtocolException("bad double: " + shorten(s));
                }
                yield Double.parseDouble(s);
            }
            case "base64" -> {
                try {
                    yield Base64.getMimeDecoder().decode(t.textOnly().strip());
                } catch (IllegalArgumentException e) {
                    throw new ProtocolException("bad base64");
                }
            }
            case "nil" -> {
                t.textOnly();
                yield null;
            }
            case "array" -> {
                Element data = t.only("data");
                List<Object> l = new ArrayList<>();
                for (Element e : data.children) {
                    l.add(value(e));
                }
                yield l;
            }
            case "struct" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (Element member : t.children) {
                    member.expect("member");
                    m.put(member.only("name").textOnly(), value(member.only("value")));
                }
                yield m;
            }
            default -> throw new ProtocolException("unknown value type <" + shorten(t.name) + ">");
        };
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** One element: name, child elements, and the text directly inside it. */
    private static final class Element {
        final String name;
        final List<Element> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Element(String name) {
            this.name = name;
        }

        void expect(String n) {
            if (!name.equals(n)) {
                throw new ProtocolException("expected <" + n + ">, not <" + shorten(name) + ">");
            }
        }

        String textOnly() {
            if (!children.isEmpty()) {
                throw new ProtocolException("<" + name + "> must hold text only");
            }
            return text.toString();
        }

        Element optional(String n) {
            Element found = null;
            for (Element e : children) {
                if (e.name.equals(n)) {
                    if (found != null) {
                        throw new ProtocolException("more than one <" + n + "> in <" + name + ">");
                    }
                    found = e;
                }
            }
            return found;
        }

        Element only(String n) {
            Element e = optional(n);
            if (e == null) {
                throw new ProtocolException("<" + name + "> lacks <" + n + ">");
            }
            if (n.equals("value") || n.equals("data") || n.equals("name")) {
                if (children.size() != 1 && !name.equals("member")) {
                    throw new ProtocolException("<" + name + "> must hold exactly one <" + n + ">");
                }
            }
            return e;
        }
    }

    /** Recursive-descent parser over the decoded text. */
    private static final class Parser {
        private final String s;
        private int pos;
        private int elements;

        Parser(String s) {
            this.s = s;
        }

        Element document() {
            if (s.startsWith("\uFEFF")) {
                pos = 1;
            }
            if (s.startsWith("<?xml", pos)) {
                int end = s.indexOf("?>", pos);
                if (end < 0) {
                    throw new ProtocolException.Truncated("unterminated XML declaration");
                }
                pos = end + 2;
            }
            misc();
            if (pos >= s.length() || s.charAt(pos) != '<') {
                throw new ProtocolException("no root element");
            }
            Element root = element(1);
            misc();
            if (pos != s.length()) {
                throw new ProtocolException("content after the root element");
            }
            return root;
        }

        /** Whitespace and comments between markup; DOCTYPE and processing instructions are refused. */
        private void misc() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    pos++;
                } else if (s.startsWith("<!--", pos)) {
                    comment();
                } else if (s.startsWith("<!", pos)) {
                    throw new ProtocolException("DTDs and entity declarations are not accepted");
                } else if (s.startsWith("<?", pos)) {
                    throw new ProtocolException("processing instructions are not accepted");
                } else {
                    return;
                }
            }
        }

        private void comment() {
            int end = s.indexOf("-->", pos + 4);
            if (end < 0) {
                throw new ProtocolException.Truncated("unterminated comment");
            }
            pos = end + 3;
        }

        private Element element(int depth) {
            if (depth > MAX_DEPTH) {
                throw new ProtocolException.Oversized("nesting deeper than " + MAX_DEPTH);
            }
            if (++elements > MAX_ELEMENTS) {
                throw new ProtocolException.Oversized("more than " + MAX_ELEMENTS + " elements");
            }
            pos++; // '<'
            String name = name();
            Element e = new Element(name);
            attributes();
            if (s.startsWith("/>", pos)) {
                pos += 2;
                return e;
            }
            if (pos >= s.length() || s.charAt(pos) != '>') {
                throw new ProtocolException("malformed start tag <" + shorten(name) + ">");
            }
            pos++;
            while (true) {
                if (pos >= s.length()) {
                    throw new ProtocolException.Truncated("unterminated <" + shorten(name) + ">");
                }
                char c = s.charAt(pos);
                if (c == '<') {
                    if (s.startsWith("</", pos)) {
                        pos += 2;
                        String end = name();
                        skipSpace();
                        if (!end.equals(name) || pos >= s.length() || s.charAt(pos) != '>') {
                            throw new ProtocolException("mismatched end tag </" + shorten(end) + "> for <"
                                    + shorten(name) + ">");
                        }
                        pos++;
                        return e;
                    } else if (s.startsWith("<!--", pos)) {
                        comment();
                    } else if (s.startsWith("<!", pos) || s.startsWith("<?", pos)) {
                        throw new ProtocolException("CDATA, DTDs and processing instructions are not accepted");
                    } else {
                        e.children.add(element(depth + 1));
                    }
                } else if (c == '&') {
                    entity(e.text);
                } else {
                    int next = pos;
                    while (next < s.length() && s.charAt(next) != '<' && s.charAt(next) != '&') {
                        next++;
                    }
                    e.text.append(s, pos, next);
                    pos = next;
                }
            }
        }

        private String name() {
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':') {
                    pos++;
                } else {
                    break;
                }
            }
            if (pos == start) {
                throw new ProtocolException("missing element name");
            }
            return s.substring(start, pos);
        }

        private void skipSpace() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        /** Attributes are allowed (and ignored); their values may not hold markup. */
        private void attributes() {
            while (true) {
                skipSpace();
                if (pos >= s.length()) {
                    throw new ProtocolException.Truncated("unterminated start tag");
                }
                char c = s.charAt(pos);
                if (c == '>' || c == '/') {
                    return;
                }
                name();
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != '=') {
                    throw new ProtocolException("malformed attribute");
                }
                pos++;
                skipSpace();
                if (pos >= s.length() || (s.charAt(pos) != '"' && s.charAt(pos) != '\'')) {
                    throw new ProtocolException("malformed attribute value");
                }
                char q = s.charAt(pos);
                int end = s.indexOf(q, pos + 1);
                if (end < 0 || s.substring(pos + 1, end).indexOf('<') >= 0) {
                    throw new ProtocolException("malformed attribute value");
                }
                pos = end + 1;
            }
        }

        private void entity(StringBuilder out) {
            int end = s.indexOf(';', pos);
            if (end < 0 || end - pos > 12) {
                throw new ProtocolException("malformed entity reference");
            }
            String ref = s.substring(pos + 1, end);
            pos = end + 1;
            switch (ref) {
                case "amp" -> out.append('&');
                case "lt" -> out.append('<');
                case "gt" -> out.append('>');
                case "quot" -> out.append('"');
                case "apos" -> out.append('\'');
                default -> {
                    int cp;
                    try {
                        if (ref.startsWith("#x")) {
                            cp = Integer.parseInt(ref.substring(2), 16);
                        } else if (ref.startsWith("#")) {
                            cp = Integer.parseInt(ref.substring(1));
                        } else {
                            throw new ProtocolException("undefined entity &" + shorten(ref) + ";");
                        }
                    } catch (NumberFormatException e) {
                        throw new ProtocolException("bad character reference");
                    }
                    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                        throw new ProtocolException("bad character reference");
                    }
                    out.appendCodePoint(cp);
                }
            }
        }
    }

    // ------------------------------------------------------------- writing

    private static final String HEADER = "<?xml version='1.0' encoding='UTF-8'?>\n";

    /** A methodResponse with one value, as xmlrpclib.dumps((value,), methodresponse=1) writes it. */
    public static String response(Object value) {
        StringBuilder sb = new StringBuilder(HEADER).append("<methodResponse>\n<params>\n<param>\n");
        dump(sb, value);
        return sb.append("</param>\n</params>\n</methodResponse>\n").toString();
    }

    /** A fault response: faultCode and faultString in a struct. */
    public static String fault(int code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("faultCode", code);
        m.put("faultString", message);
        StringBuilder sb = new StringBuilder(HEADER).append("<methodResponse>\n<fault>\n");
        dump(sb, m);
        return sb.append("</fault>\n</methodResponse>\n").toString();
    }

    private static void dump(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("<value><nil/></value>");
            case String s -> sb.append("<value><string>").append(escape(s)).append("</string></value>\n");
            case Boolean b -> sb.append("<value><boolean>").append(b ? 1 : 0).append("</boolean></value>\n");
            case Integer i -> sb.append("<value><int>").append(i).append("</int></value>\n");
            case Long l -> sb.append("<value><int>").append(l).append("</int></value>\n");
            case Double d -> sb.append("<value><double>").append(pythonRepr(d)).append("</double></value>\n");
            case byte[] b -> sb.append("<value><base64>\n").append(Base64.getMimeEncoder(76, new byte[] {'\n'})
                    .encodeToString(b)).append("\n</base64></value>\n");
            case List<?> l -> {
                sb.append("<value><array><data>\n");
                for (Object o : l) {
                    dump(sb, o);
                }
                sb.append("</data></array></value>\n");
            }
            case Map<?, ?> m -> {
                sb.append("<value><struct>\n");
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append("<member>\n<name>").append(escape(String.valueOf(e.getKey()))).append("</name>\n");
                    dump(sb, e.getValue());
                    sb.append("</member>\n");
                }
                sb.append("</struct></value>\n");
            }
            default -> throw new IllegalArgumentException("cannot marshal " + v.getClass().getSimpleName());
        }
    }

    private static String pythonRepr(double d) {
        String s = Double.toString(d);
        return s.toLowerCase(Locale.ROOT).replace("e", "e+").replace("e+-", "e-");
    }

    /** xmlrpclib's escape: &amp; &lt; &gt; only. */
    static String escape(String s) {
        if (s.indexOf('&') < 0 && s.indexOf('<') < 0 && s.indexOf('>') < 0) {
            return s;
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
