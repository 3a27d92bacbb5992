package dev.bmtool.mail.pyapi;

import java.util.List;
import java.util.Map;

/**
 * JSON text as Python's {@code json.dumps} writes it: {@code ", "} and {@code ": "} separators,
 * non-ASCII escaped as {@code \\uXXXX}, and with an indent the Python 2 layout (each item on its
 * own line, {@code ", "} before the line break).
 */
final class PyJson {
    private PyJson() {
    }

    static String dumps(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, -1, 0);
        return sb.toString();
    }

    static String dumps(Object v, int indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, indent, 0);
        return sb.toString();
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (indent >= 0) {
            sb.append('\n').append(" ".repeat(indent * level));
        }
    }

    private static void write(StringBuilder sb, Object v, int indent, int level) {
        switch (v) {
            case null -> sb.append("null");
            case Boolean b -> sb.append(b ? "true" : "false");
            case Long l -> sb.append(l);
            case Integer i -> sb.append(i);
            case Double d -> sb.append(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity")
                    : Double.toString(d).replace("E", "e+").replace("e+-", "e-"));
            case String s -> quote(sb, s);
            case byte[] b -> quote(sb, java.util.Base64.getEncoder().encodeToString(b));
            case List<?> l -> {
                if (l.isEmpty()) {
                    sb.append("[]");
                    return;
                }
                sb.append('[');
                boolean first = true;
                for (Object o : l) {
                    if (!first) {
                        sb.append(", ");
                        if (indent >= 0) {
                            sb.setLength(sb.length() - 1);
                            sb.append(' ');
                        }
                    }
                    first = false;
                    newline(sb, indent, level + 1);
                    write(sb, o, indent, level + 1);
                }
                newline(sb, indent, level);
                sb.append(']');
            }
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    newline(sb, indent, level + 1);
                    quote(sb, String.valueOf(e.getKey()));
                    sb.append(": ");
                    write(sb, e.getValue(), indent, level + 1);
                }
                newline(sb, indent, level);
                sb.append('}');
            }
            default -> quote(sb, String.valueOf(v));
        }
    }

    /** As Python's json.dumps (ensure_ascii): unlike core's Json, non-ASCII, backspace and form feed escaped. */
    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
