package dev.bmtool.mail.pyapi;

import dev.bmtool.core.crypto.Hashes;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * PyBitmessage's {@code addresses.decodeAddress}, status for status: the API reports its
 * failures by these names ({@code checksumfailed}, {@code invalidcharacters},
 * {@code versiontoohigh}, {@code varintmalformed}, {@code ripetooshort}, {@code ripetoolong},
 * {@code encodingproblem}), and accepts what it accepts (version 1, stream 0) so that the
 * API's own checks (codes 11 and 12) answer as PyBitmessage's do.
 */
record PyAddress(String status, long version, long stream, byte[] ripe) {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    static PyAddress decode(String text) {
        String a = text.strip();
        String body = a.startsWith("BM-") ? a.substring(3) : a;
        if (body.length() > 200) {
            return fail("invalidcharacters"); // far longer than any address; PyBitmessage would fail further on
        }
        BigInteger n = BigInteger.ZERO;
        BigInteger b58 = BigInteger.valueOf(58);
        for (int i = 0; i < body.length(); i++) {
            int d = ALPHABET.indexOf(body.charAt(i));
            if (d < 0) {
                return fail("invalidcharacters");
            }
            n = n.multiply(b58).add(BigInteger.valueOf(d));
        }
        if (n.signum() == 0) {
            return fail("invalidcharacters");
        }
        byte[] data = n.toByteArray();
        if (data[0] == 0 && data.length > 1) {
            data = Arrays.copyOfRange(data, 1, data.length);
        }
        if (data.length < 4) {
            return fail("checksumfailed");
        }
        byte[] check = Arrays.copyOfRange(data, data.length - 4, data.length);
        byte[] rest = Arrays.copyOf(data, data.length - 4);
        if (!Arrays.equals(check, Arrays.copyOf(Hashes.dsha512(rest), 4))) {
            return fail("checksumfailed");
        }
        long[] version = varint(Arrays.copyOf(rest, Math.min(9, rest.length)));
        if (version == null) {
            return fail("varintmalformed");
        }
        if (version[0] > 4 || version[0] == 0) {
            return fail("versiontoohigh");
        }
        long[] stream = varint(Arrays.copyOfRange(rest, (int) version[1], rest.length));
        if (stream == null) {
            return fail("varintmalformed");
        }
        int used = (int) (version[1] + stream[1]);
        byte[] embedded = Arrays.copyOfRange(rest, Math.min(used, rest.length), rest.length);
        long v = version[0];
        if (v == 1) {
            return new PyAddress("success", 1, stream[0], Arrays.copyOfRange(data, Math.max(0, data.length - 24),
                    data.length - 4));
        }
        if (v <= 3) {
            int len = embedded.length;
            if (len >= 18 && len <= 20) {
                return new PyAddress("success", v, stream[0], pad(embedded));
            }
            return fail(len < 18 ? "ripetooshort" : "ripetoolong");
        }
        if (embedded.length > 0 && embedded[0] == 0) {
            return fail("encodingproblem");
        }
        if (embedded.length > 20) {
            return fail("ripetoolong");
        }
        if (embedded.length < 4) {
            return fail("ripetooshort");
        }
        return new PyAddress("success", v, stream[0], pad(embedded));
    }

    private static byte[] pad(byte[] ripe) {
        byte[] out = new byte[20];
        System.arraycopy(ripe, 0, out, 20 - ripe.length, ripe.length);
        return out;
    }

    private static PyAddress fail(String status) {
        return new PyAddress(status, 0, 0, new byte[0]);
    }

    /** PyBitmessage's decodeVarint: {value, length}; (0, 0) for no bytes; null when malformed. */
    private static long[] varint(byte[] d) {
        if (d.length == 0) {
            return new long[] {0, 0};
        }
        int first = d[0] & 0xFF;
        if (first < 253) {
            return new long[] {first, 1};
        }
        int len = first == 253 ? 2 : first == 254 ? 4 : 8;
        if (d.length < 1 + len) {
            return null;
        }
        long v = 0;
        for (int i = 1; i <= len; i++) {
            v = (v << 8) | (d[i] & 0xFF);
        }
        long min = first == 253 ? 253 : first == 254 ? 65536 : 4294967296L;
        if (Long.compareUnsigned(v, min) < 0) {
            return null;
        }
        return new long[] {v, 1 + len};
    }
}
