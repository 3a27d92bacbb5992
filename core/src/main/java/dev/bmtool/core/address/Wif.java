package dev.bmtool.core.address;

import dev.bmtool.core.crypto.Hashes;
import dev.bmtool.core.crypto.PrivateKey;
import java.util.Arrays;

/** Wallet import format: base58(0x80 || key32 || dsha256(0x80 || key32)[0:4]). */
public final class Wif {
    private Wif() {
    }

    public static String encode(PrivateKey key) {
        byte[] payload = new byte[33];
        payload[0] = (byte) 0x80;
        System.arraycopy(key.bytes(), 0, payload, 1, 32);
        byte[] check = Arrays.copyOf(Hashes.dsha256(payload), 4);
        return Base58.encode(Address.concat(payload, check));
    }

    /** Decodes and verifies prefix and checksum; failures are {@link AddressException} (BAD_WIF). */
    public static PrivateKey decode(String wif) {
        String s = wif.strip();
        if (s.isEmpty() || s.length() > 60) {
            throw new AddressException(AddressException.Reason.BAD_WIF, "not a WIF private key (length)");
        }
        byte[] data = Base58.decode(s);
        if (data == null) {
            throw new AddressException(AddressException.Reason.BAD_WIF, "WIF contains characters outside base58");
        }
        if (data.length != 37) {
            throw new AddressException(AddressException.Reason.BAD_WIF, "WIF must encode 37 bytes, got " + data.length);
        }
        byte[] payload = Arrays.copyOf(data, 33);
        byte[] check = Arrays.copyOfRange(data, 33, 37);
        if (!Arrays.equals(Arrays.copyOf(Hashes.dsha256(payload), 4), check)) {
            throw new AddressException(AddressException.Reason.BAD_WIF, "WIF checksum failed");
        }
        if ((payload[0] & 0xFF) != 0x80) {
            throw new AddressException(AddressException.Reason.BAD_WIF, "WIF prefix is not 0x80");
        }
        try {
            return PrivateKey.of(Arrays.copyOfRange(payload, 1, 33));
        } catch (RuntimeException e) {
            throw new AddressException(AddressException.Reason.BAD_WIF, "WIF key is invalid: " + e.getMessage());
        }
    }
}
