package dev.bmtool.core.vanity;

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
        return Codec.wif(privateSigningKey);
    }

    public String encryptionWif() {
        return Codec.wif(privateEncryptionKey);
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
        return "[" + address + "]\n"
                + "label = " + (label == null ? "" : label) + "\n"
                + "enabled = true\n"
                + "decoy = false\n"
                + "noncetrialsperbyte = 1000\n"
                + "payloadlengthextrabytes = 1000\n"
                + "privsigningkey = " + signingWif() + "\n"
                + "privencryptionkey = " + encryptionWif() + "\n";
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
