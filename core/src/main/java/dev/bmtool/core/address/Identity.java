package dev.bmtool.core.address;

import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.crypto.PublicKey;
import dev.bmtool.core.pow.PowMath;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One of our own addresses with its two private keys and settings, as stored in keys.dat.
 * {@code settings} keeps any other keys.dat entries of the section verbatim so they survive a
 * round trip.
 *
 * @param label                 user label
 * @param address               the address (derived from the keys; checked)
 * @param signingKey            private signing key
 * @param encryptionKey         private encryption key
 * @param nonceTrialsPerByte    PoW difficulty demanded from senders
 * @param payloadLengthExtraBytes PoW extra bytes demanded from senders
 * @param chan                  true for a chan address
 * @param enabled               false if disabled in keys.dat
 * @param settings              other keys.dat entries of this section (preserved)
 */
public record Identity(String label, Address address, PrivateKey signingKey, PrivateKey encryptionKey,
        long nonceTrialsPerByte, long payloadLengthExtraBytes, boolean chan, boolean enabled,
        Map<String, String> settings) {

    public Identity {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings == null ? Map.of() : settings));
        Address derived = Address.fromKeys(address.version(), address.stream(), signingKey.publicKey(),
                encryptionKey.publicKey());
        if (!derived.equals(address)) {
            throw new IllegalArgumentException("keys do not belong to " + address + " (they give " + derived + ")");
        }
    }

    /** A new identity with default difficulty (1000/1000), enabled, not a chan. */
    public static Identity of(String label, int version, long stream, PrivateKey signing, PrivateKey encryption) {
        Address a = Address.fromKeys(version, stream, signing.publicKey(), encryption.publicKey());
        return new Identity(label, a, signing, encryption, PowMath.DEFAULT_NONCE_TRIALS_PER_BYTE,
                PowMath.DEFAULT_EXTRA_BYTES, false, true, Map.of());
    }

    public PublicKey publicSigningKey() {
        return signingKey.publicKey();
    }

    public PublicKey publicEncryptionKey() {
        return encryptionKey.publicKey();
    }

    /**
     * False when keys.dat sets {@code dontsendack} for this address (PyBitmessage's option: its
     * pubkey then lacks the DOES_ACK bit and received msgs are not acknowledged). Read like
     * PyBitmessage's safeGetBoolean: anything but a true spelling counts as not set.
     */
    public boolean sendsAcks() {
        return !KeysDat.isTrue(settings.get("dontsendack"));
    }

    public Identity withLabel(String newLabel) {
        return new Identity(newLabel, address, signingKey, encryptionKey, nonceTrialsPerByte,
                payloadLengthExtraBytes, chan, enabled, settings);
    }

    public Identity asChan() {
        return new Identity(label, address, signingKey, encryptionKey, nonceTrialsPerByte,
                payloadLengthExtraBytes, true, enabled, settings);
    }

    @Override
    public String toString() {
        return "Identity[" + label + ", " + address + (chan ? ", chan" : "") + (enabled ? "" : ", disabled") + "]";
    }
}
