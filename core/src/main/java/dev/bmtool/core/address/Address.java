package dev.bmtool.core.address;

import dev.bmtool.core.crypto.Hashes;
import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.crypto.PublicKey;
import dev.bmtool.core.encoding.ByteReader;
import dev.bmtool.core.encoding.ByteWriter;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import java.util.Arrays;

/**
 * A Bitmessage address: version (2..4), stream and the full 20-byte ripe (protocol brief 8.2).
 * {@link #toString()} gives the {@code BM-} form.
 */
public final class Address {
    public static final String PREFIX = "BM-";
    public static final int MIN_VERSION = 2;
    public static final int MAX_VERSION = 4;

    private final int version;
    private final long stream;
    private final byte[] ripe;

    private Address(int version, long stream, byte[] ripe) {
        this.version = version;
        this.stream = stream;
        this.ripe = ripe;
    }

    public static Address of(int version, long stream, byte[] ripe20) {
        if (version < MIN_VERSION || version > MAX_VERSION) {
            throw new IllegalArgumentException("address version must be 2..4, got " + version);
        }
        if (stream < 1) {
            throw new IllegalArgumentException("stream must be >= 1");
        }
        if (ripe20.length != 20) {
            throw new IllegalArgumentException("ripe must be 20 bytes");
        }
        if (version == 4 && stripLeadingZeros(ripe20).length < 4) {
            // decoders reject v4 addresses with fewer than 4 ripe bytes left after stripping
            throw new IllegalArgumentException("ripe has too many leading zero bytes for a v4 address");
        }
        return new Address(version, stream, ripe20.clone());
    }

    /** ripe = ripemd160(sha512(pubSigning65 || pubEncryption65)). */
    public static byte[] ripe(PublicKey signing, PublicKey encryption) {
        return Hashes.bm160(concat(signing.uncompressed(), encryption.uncompressed()));
    }

    public static Address fromKeys(int version, long stream, PublicKey signing, PublicKey encryption) {
        return of(version, stream, ripe(signing, encryption));
    }

    public int version() {
        return version;
    }

    public long stream() {
        return stream;
    }

    /** The full 20-byte ripe, leading zeros included. */
    public byte[] ripe() {
        return ripe.clone();
    }

    /** The address with the {@code BM-} prefix. */
    public String encode() {
        byte[] stripped;
        if (version == 4) {
            stripped = stripLeadingZeros(ripe);
        } else if (ripe[0] == 0 && ripe[1] == 0) {
            stripped = Arrays.copyOfRange(ripe, 2, 20);
        } else if (ripe[0] == 0) {
            stripped = Arrays.copyOfRange(ripe, 1, 20);
        } else {
            stripped = ripe.clone();
        }
        byte[] data = new ByteWriter(40).writeVarInt(version).writeVarInt(stream).writeBytes(stripped).toByteArray();
        byte[] check = Arrays.copyOf(Hashes.dsha512(data), 4);
        return PREFIX + Base58.encode(concat(data, check));
    }

    /**
     * Decodes an address with or without the {@code BM-} prefix, following PyBitmessage's
     * decodeAddress; failures are {@link AddressException}s with a reason.
     */
    public static Address decode(String text) {
        String s = text.strip();
        if (s.startsWith(PREFIX)) {
            s = s.substring(PREFIX.length());
        }
        if (s.isEmpty() || s.length() > 100) {
            throw new AddressException(AddressException.Reason.INVALID_CHARACTERS,
                    "not a Bitmessage address (length)");
        }
        byte[] data = Base58.decode(s);
        if (data == null || data.length == 0) {
            throw new AddressException(AddressException.Reason.INVALID_CHARACTERS,
                    "address contains characters outside the base58 alphabet");
        }
        if (data.length < 5) {
            throw new AddressException(AddressException.Reason.CHECKSUM_FAILED, "address checksum failed");
        }
        byte[] body = Arrays.copyOf(data, data.length - 4);
        byte[] check = Arrays.copyOfRange(data, data.length - 4, data.length);
        if (!Arrays.equals(Arrays.copyOf(Hashes.dsha512(body), 4), check)) {
            throw new AddressException(AddressException.Reason.CHECKSUM_FAILED, "address checksum failed");
        }
        ByteReader r = new ByteReader(body);
        long version;
        long stream;
        try {
            version = r.readVarInt("address version");
            if (version == 0 || version > MAX_VERSION) {
                throw new AddressException(AddressException.Reason.VERSION_UNSUPPORTED,
                        "address version " + Long.toUnsignedString(version) + " is not supported");
            }
            if (version == 1) {
                throw new AddressException(AddressException.Reason.VERSION_UNSUPPORTED,
                        "address version 1 is obsolete and not supported");
            }
            stream = r.readVarInt("address stream");
        } catch (AddressException e) {
            throw e;
        } catch (ProtocolException e) {
            throw new AddressException(AddressException.Reason.VARINT_MALFORMED,
                    "malformed var_int in address: " + e.getMessage());
        }
        if (stream == 0) {
            throw new AddressException(AddressException.Reason.VARINT_MALFORMED, "address stream 0 is invalid");
        }
        byte[] embedded = r.readRest();
        int n = embedded.length;
        if (version <= 3) {
            if (n < 18) {
                throw new AddressException(AddressException.Reason.RIPE_TOO_SHORT, "ripe too short (" + n + " bytes)");
            }
            if (n > 20) {
                throw new AddressException(AddressException.Reason.RIPE_TOO_LONG, "ripe too long (" + n + " bytes)");
            }
        } else {
            if (n > 0 && embedded[0] == 0) {
                throw new AddressException(AddressException.Reason.ENCODING_PROBLEM,
                        "v4 address ripe must not start with a zero byte");
            }
            if (n > 20) {
                throw new AddressException(AddressException.Reason.RIPE_TOO_LONG, "ripe too long (" + n + " bytes)");
            }
            if (n < 4) {
                throw new AddressException(AddressException.Reason.RIPE_TOO_SHORT, "ripe too short (" + n + " bytes)");
            }
        }
        byte[] ripe = new byte[20];
        System.arraycopy(embedded, 0, ripe, 20 - n, n);
        return new Address((int) version, stream, ripe);
    }

    /** True if {@code text} decodes as an address. */
    public static boolean isValid(String text) {
        try {
            decode(text);
            return true;
        } catch (ProtocolException e) {
            return false;
        }
    }

    private byte[] hashInput() {
        return new ByteWriter(40).writeVarInt(version).writeVarInt(stream).writeBytes(ripe).toByteArray();
    }

    /** dsha512(var_int(version) || var_int(stream) || ripe20): [0:32] key, [32:64] tag. */
    private byte[] doubleHash() {
        return Hashes.dsha512(hashInput());
    }

    /** The 32-byte tag (v4 getpubkey, v4 pubkey, v5 broadcast). */
    public byte[] tag() {
        return Arrays.copyOfRange(doubleHash(), 32, 64);
    }

    /**
     * The address-derived private key dsha512(...)[0:32]: encrypts this address's v4 pubkey and
     * its v5 broadcasts.
     */
    public PrivateKey addressKey() {
        return PrivateKey.of(Arrays.copyOf(doubleHash(), 32));
    }

    /**
     * The key that encrypts this address's broadcasts: single sha512(...)[0:32] for v2/v3 (broadcast
     * object v4), the address key for v4 (broadcast object v5).
     */
    public PrivateKey broadcastKey() {
        if (version >= 4) {
            return addressKey();
        }
        return PrivateKey.of(Arrays.copyOf(Hashes.sha512(hashInput()), 32));
    }

    /** The broadcast object version this address sends: 4 for v2/v3 addresses, 5 for v4. */
    public int broadcastObjectVersion() {
        return version >= 4 ? 5 : 4;
    }

    private static byte[] stripLeadingZeros(byte[] b) {
        int i = 0;
        while (i < b.length && b[i] == 0) {
            i++;
        }
        return Arrays.copyOfRange(b, i, b.length);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && a.version == version && a.stream == stream && Arrays.equals(a.ripe, ripe);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * version + Long.hashCode(stream)) + Arrays.hashCode(ripe);
    }

    @Override
    public String toString() {
        return encode();
    }

    /** Short diagnostic form. */
    public String describe() {
        return "v" + version + " stream " + stream + " ripe " + Hex.encode(ripe);
    }
}
