package dev.bmtool.core.message;

import dev.bmtool.core.encoding.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Message encoding 3 (EXTENDED, PyBitmessage {@code helper_msgcoding}): zlib(msgpack(map)), the
 * map's key {@code ""} naming the type; type {@code "message"} carries {@code subject} and
 * {@code body}. Decompression is capped at 1 MiB like PyBitmessage's {@code [zlib] maxsize}, and
 * the msgpack reader checks every length against what is left before allocating.
 */
public final class ExtendedEncoding {
    /** PyBitmessage's default {@code [zlib] maxsize}. */
    public static final int MAX_DECOMPRESSED = 1 << 20;
    private static final int MAX_DEPTH = 16;

    private ExtendedEncoding() {
    }

    /** Subject and body of an extended "message"; ProtocolException when it is anything else or malformed. */
    public static MessageEncoding.Text decode(byte[] data) {
        Object root = unpack(inflate(data));
        if (!(root instanceof Map<?, ?> map)) {
            throw new ProtocolException.BadValue("extended message is not a msgpack map");
        }
        Object type = map.get("");
        if (type == null) {
            throw new ProtocolException.BadValue("extended message has no type");
        }
        if (!"message".equals(type)) {
            throw new ProtocolException.BadValue("extended message of type '" + type + "' is not supported");
        }
        return new MessageEncoding.Text(text(map.get("subject")), text(map.get("body")));
    }

    /** zlib(msgpack({"": "message", "subject": S, "body": B})), as PyBitmessage's MsgEncode writes it. */
    public static byte[] encode(String subject, String body) {
        ByteArrayOutputStream mp = new ByteArrayOutputStream();
        mp.write(0x83);
        for (String s : List.of("", "message", "subject", subject, "body", body)) {
            packString(mp, s);
        }
        Deflater d = new Deflater(9);
        d.setInput(mp.toByteArray());
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    private static void packString(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length < 32) {
            out.write(0xA0 | b.length);
        } else if (b.length < 0x10000) {
            out.write(0xDA);
            out.write(b.length >>> 8);
            out.write(b.length);
        } else {
            out.write(0xDB);
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write(b.length >>> shift);
            }
        }
        out.writeBytes(b);
    }

    private static String text(Object v) {
        return switch (v) {
            case null -> "";
            case String s -> s;
            case byte[] b -> new String(b, StandardCharsets.UTF_8);
            default -> String.valueOf(v);
        };
    }

    static byte[] inflate(byte[] data) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new ProtocolException.Truncated("extended message: truncated zlib stream");
                }
                if (out.size() + n > MAX_DECOMPRESSED) {
                    throw new ProtocolException.Oversized("extended message decompresses to more than "
                            + MAX_DECOMPRESSED + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ProtocolException.BadValue("extended message: bad zlib data: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    static Object unpack(byte[] b) {
        Unpacker u = new Unpacker(b);
        Object v = u.value(0);
        if (u.pos != b.length) {
            throw new ProtocolException.BadValue("extended message: extra data after the msgpack value");
        }
        return v;
    }

    /** The msgpack subset Python's msgpack writes for plain data. */
    private static final class Unpacker {
        private final byte[] b;
        private int pos;

        Unpacker(byte[] b) {
            this.b = b;
        }

        private void need(long n) {
            if (n < 0 || n > b.length - pos) {
                throw new ProtocolException.Truncated("extended message: truncated msgpack data");
            }
        }

        private long uint(int bytes) {
            need(bytes);
            long v = 0;
            for (int i = 0; i < bytes; i++) {
                v = (v << 8) | (b[pos++] & 0xFF);
            }
            return v;
        }

        private byte[] raw(long n) {
            need(n);
            byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + (int) n);
            pos += (int) n;
            return out;
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw new ProtocolException.BadValue("extended message: msgpack nested too deeply");
            }
            int t = (int) uint(1);
            if (t <= 0x7F) {
                return (long) t;
            }
            if (t >= 0xE0) {
                return (long) (byte) t;
            }
            if ((t & 0xF0) == 0x80) {
                return map(t & 0x0F, depth);
            }
            if ((t & 0xF0) == 0x90) {
                return array(t & 0x0F, depth);
            }
            if ((t & 0xE0) == 0xA0) {
                return str(t & 0x1F);
            }
            return switch (t) {
                case 0xC0 -> null;
                case 0xC2 -> Boolean.FALSE;
                case 0xC3 -> Boolean.TRUE;
                case 0xC4 -> raw(uint(1));
                case 0xC5 -> raw(uint(2));
                case 0xC6 -> raw(uint(4));
                case 0xCA -> (double) Float.intBitsToFloat((int) uint(4));
                case 0xCB -> Double.longBitsToDouble(uint(8));
                case 0xCC -> uint(1);
                case 0xCD -> uint(2);
                case 0xCE -> uint(4);
                case 0xCF -> uint(8);
                case 0xD0 -> (long) (byte) uint(1);
                case 0xD1 -> (long) (short) uint(2);
                case 0xD2 -> (long) (int) uint(4);
                case 0xD3 -> uint(8);
                case 0xD9 -> str(uint(1));
                case 0xDA -> str(uint(2));
                case 0xDB -> str(uint(4));
                case 0xDC -> array(uint(2), depth);
                case 0xDD -> array(uint(4), depth);
                case 0xDE -> map(uint(2), depth);
                case 0xDF -> map(uint(4), depth);
                default -> throw new ProtocolException.BadValue(
                        "extended message: unsupported msgpack type 0x" + Integer.toHexString(t));
            };
        }

        private String str(long n) {
            return new String(raw(n), StandardCharsets.UTF_8);
        }

        private List<Object> array(long n, int depth) {
            need(n); // every element takes at least one byte
            List<Object> l = new ArrayList<>((int) n);
            for (long i = 0; i < n; i++) {
                l.add(value(depth + 1));
            }
            return l;
        }

        private Map<Object, Object> map(long n, int depth) {
            need(2 * n); // every key and value take at least one byte each
            Map<Object, Object> m = new LinkedHashMap<>();
            for (long i = 0; i < n; i++) {
                Object k = value(depth + 1);
                if (k instanceof byte[] kb) {
                    k = new String(kb, StandardCharsets.UTF_8);
                }
                m.put(k, value(depth + 1));
            }
            return m;
        }
    }
}
