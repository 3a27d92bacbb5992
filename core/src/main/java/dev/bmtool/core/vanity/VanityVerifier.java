package dev.bmtool.core.vanity;

import dev.bmtool.core.address.Address;
import java.math.BigInteger;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * Independent re-derivation of a hit: public keys by Bouncy Castle point multiplication from the
 * private keys, ripe with Bouncy Castle's digests, address from the ripe, pattern tested on the
 * address text. Any disagreement with the fast path is a bug, reported as IllegalStateException.
 */
public final class VanityVerifier {
    private VanityVerifier() {
    }

    /** ripemd160(sha512(sig65 || enc65)) with Bouncy Castle digests. */
    public static byte[] ripe(byte[] publicSigning65, byte[] publicEncryption65) {
        SHA512Digest sha = new SHA512Digest();
        sha.update(publicSigning65, 0, publicSigning65.length);
        sha.update(publicEncryption65, 0, publicEncryption65.length);
        byte[] h = new byte[64];
        sha.doFinal(h, 0);
        RIPEMD160Digest rmd = new RIPEMD160Digest();
        rmd.update(h, 0, 64);
        byte[] ripe = new byte[20];
        rmd.doFinal(ripe, 0);
        return ripe;
    }

    /**
     * The v4 stream-1 address of a ripe, by the address package; the vanity package's own
     * encoder (which the matcher's numeric ranges are built on) must agree.
     */
    public static String address(byte[] ripe20) {
        String a = Address.of(4, 1, ripe20).encode();
        String own = Codec.v4Address(ripe20);
        if (!a.equals(own)) {
            throw new IllegalStateException("address encoders disagree: " + a + " vs " + own);
        }
        return a;
    }

    /**
     * Re-derives everything from the two private keys and checks it against the pattern.
     *
     * @throws IllegalStateException when the derived address does not satisfy the pattern
     */
    public static VanityResult verify(byte[] privateSigning32, byte[] privateEncryption32, VanityPattern pattern,
            long candidates) {
        BigInteger s = new BigInteger(1, privateSigning32);
        BigInteger e = new BigInteger(1, privateEncryption32);
        if (s.signum() == 0 || s.compareTo(Curve.N) >= 0 || e.signum() == 0 || e.compareTo(Curve.N) >= 0) {
            throw new IllegalStateException("vanity search produced a private key outside [1, n)");
        }
        byte[] pubS = Curve.publicKey65(s);
        byte[] pubE = Curve.publicKey65(e);
        byte[] ripe = ripe(pubS, pubE);
        int z = 0;
        while (z < 20 && ripe[z] == 0) {
            z++;
        }
        String address = address(ripe);
        if (!pattern.matchesAddress(address, 20 - z)) {
            throw new IllegalStateException("vanity search hit " + address + " does not match " + pattern.describe());
        }
        return new VanityResult(address, privateSigning32, privateEncryption32, pubS, pubE, ripe, candidates);
    }
}
