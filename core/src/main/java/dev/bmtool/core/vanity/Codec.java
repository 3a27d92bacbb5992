package dev.bmtool.core.vanity;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Base58 and v4 address encoding (protocol brief section 8) as the prefix ranges are built on.
 * {@link VanityVerifier#address} checks it against the address package on every result.
 */
final class Codec {
    static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    static final BigInteger B58 = BigInteger.valueOf(58);

    private Codec() {
    }

    /** PyBitmessage's base58: the bytes as one unsigned integer, no leading-'1' rule. */
    static String base58(BigInteger v) {
        if (v.signum() == 0) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        while (v.signum() > 0) {
            BigInteger[] qr = v.divideAndRemainder(B58);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            v = qr[0];
        }
        return sb.reverse().toString();
    }

    static int digit(char c) {
        return ALPHABET.indexOf(c);
    }

    static byte[] sha512(byte[] in) {
        return digest("SHA-512", in);
    }

    private static byte[] digest(String alg, byte[] in) {
        try {
            return MessageDigest.getInstance(alg).digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Address checksum: dsha512(data)[0:4] as an unsigned int. */
    static long checksum(byte[] data) {
        byte[] h = sha512(sha512(data));
        return ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
    }

    /** var_int(4) || var_int(1) || ripe without its leading zero bytes. */
    static byte[] v4Data(byte[] ripe20) {
        int z = 0;
        while (z < ripe20.length && ripe20[z] == 0) {
            z++;
        }
        byte[] data = new byte[2 + 20 - z];
        data[0] = 4;
        data[1] = 1;
        System.arraycopy(ripe20, z, data, 2, 20 - z);
        return data;
    }

    /** "BM-" + base58(data || checksum) for a v4, stream 1 address. */
    static String v4Address(byte[] ripe20) {
        byte[] data = v4Data(ripe20);
        long cs = checksum(data);
        BigInteger v = new BigInteger(1, data).shiftLeft(32).or(BigInteger.valueOf(cs));
        return "BM-" + base58(v);
    }
}
