package dev.bmtool.core.vanity;

import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.KeysDat;
import dev.bmtool.core.address.Wif;
import dev.bmtool.core.crypto.PrivateKey;
import dev.bmtool.core.encoding.Hex;

/**
 * A found identity: a v4 stream-1 address and its two key pairs, already re-derived from the private
 * keys with Bouncy Castle. Public keys are 65 bytes (04 || X || Y), the ripe 20 bytes.
 */
public record VanityResult(String address, byte[] privateSigningKey, byte[] privateEncryptionKey,
        byte[] publicSigningKey, byte[] publicEncryptionKey, byte[] ripe, long candidates) {

    public VanityResult {
        privateSigningKey = privateSigningKey.clone();
        privateEncryptionKey = privateEncryptionKey.clone();
        publicSigningKey = publicSigningKey.clone();
        publicEncryptionKey = publicEncryptionKey.clone();
        ripe = ripe.clone();
    }

    @Override
    public byte[] privateSigningKey() {
        return privateSigningKey.clone();
    }

    @Override
    public byte[] privateEncryptionKey() {
        return privateEncryptionKey.clone();
    }

    @Override
    public byte[] publicSigningKey() {
        return publicSigningKey.clone();
    }

    @Override
    public byte[] publicEncryptionKey() {
        return publicEncryptionKey.clone();
    }

    @Override
    public byte[] ripe() {
        return ripe.clone();
    }

    /** Private signing key in PyBitmessage's WIF (uncompressed, starts with 5). */
    public String signingWif() {
        return Wif.encode(PrivateKey.of(privateSigningKey));
    }

    public String encryptionWif() {
        return Wif.encode(PrivateKey.of(privateEncryptionKey));
    }

    /**
     * The identity for the store (default difficulty 1000/1000); {@link Identity} derives the
     * address from the keys once more and refuses a mismatch.
     */
    public Identity toIdentity(String label) {
        Identity id = Identity.of(label == null ? "" : label, 4, 1, PrivateKey.of(privateSigningKey),
                PrivateKey.of(privateEncryptionKey));
        if (!id.address().encode().equals(address)) {
            throw new IllegalStateException("identity " + id.address() + " differs from vanity result " + address);
        }
        return id;
    }

    /** Number of leading zero bytes of the ripe. */
    public int zeroBytes() {
        int z = 0;
        while (z < 20 && ripe[z] == 0) {
            z++;
        }
        return z;
    }

    /** A PyBitmessage keys.dat section for this identity (default difficulty 1000/1000). */
    public String keysDatSection(String label) {
        KeysDat k = new KeysDat();
        k.put(toIdentity(label));
        return k.write();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VanityResult r && address.equals(r.address)
                && java.util.Arrays.equals(privateSigningKey, r.privateSigningKey)
                && java.util.Arrays.equals(privateEncryptionKey, r.privateEncryptionKey);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    @Override
    public String toString() {
        return "VanityResult[" + address + ", ripe=" + Hex.encode(ripe) + "]";
    }
}
