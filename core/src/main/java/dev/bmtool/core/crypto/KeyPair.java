package dev.bmtool.core.crypto;

import java.security.SecureRandom;
import java.util.Objects;

/** A private key and its public key. */
public record KeyPair(PrivateKey privateKey, PublicKey publicKey) {
    public KeyPair {
        Objects.requireNonNull(privateKey);
        Objects.requireNonNull(publicKey);
        if (!privateKey.publicKey().equals(publicKey)) {
            throw new IllegalArgumentException("public key does not belong to the private key");
        }
    }

    public static KeyPair of(PrivateKey k) {
        return new KeyPair(k, k.publicKey());
    }

    public static KeyPair random(SecureRandom rnd) {
        return of(PrivateKey.random(rnd));
    }
}
