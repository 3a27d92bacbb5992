package dev.bmtool.core.crypto;

import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * ECDSA over secp256k1 with DER signatures (protocol brief section 10): bmtool signs
 * SHA-256 digests; the verifier accepts SHA-1 or SHA-256 like PyBitmessage.
 */
public final class Ecdsa {
    /** Longest DER signature accepted (two 33-byte integers plus headers, with slack). */
    public static final int MAX_SIGNATURE_LENGTH = 80;

    private Ecdsa() {
    }

    /** Which digest a signature was made over. */
    public enum Digest {
        SHA1, SHA256;

        byte[] hash(byte[] data) {
            return this == SHA1 ? Hashes.sha1(data) : Hashes.sha256(data);
        }
    }

    /** SHA-256 ECDSA, DER encoded; deterministic k (RFC 6979). */
    public static byte[] sign(PrivateKey key, byte[] data) {
        return sign(key, data, Digest.SHA256);
    }

    public static byte[] sign(PrivateKey key, byte[] data, Digest digest) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(key.scalar(), Secp256k1.DOMAIN));
        BigInteger[] rs = signer.generateSignature(digest.hash(data));
        return der(rs[0], rs[1]);
    }

    private static byte[] der(BigInteger r, BigInteger s) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(r));
        v.add(new ASN1Integer(s));
        try {
            return new DERSequence(v).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PyBitmessage's rule: valid under SHA-1 or else under SHA-256. */
    public static boolean verify(PublicKey key, byte[] data, byte[] derSignature) {
        return verify(key, data, derSignature, Digest.SHA1) || verify(key, data, derSignature, Digest.SHA256);
    }

    /** Verifies under one digest only; malformed signatures are simply invalid. */
    public static boolean verify(PublicKey key, byte[] data, byte[] derSignature, Digest digest) {
        BigInteger[] rs = decodeDer(derSignature);
        if (rs == null) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(key.point(), Secp256k1.DOMAIN));
        try {
            return verifier.verifySignature(digest.hash(data), rs[0], rs[1]);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static BigInteger[] decodeDer(byte[] sig) {
        if (sig.length < 8 || sig.length > MAX_SIGNATURE_LENGTH) {
            return null;
        }
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(sig);
            if (!(p instanceof ASN1Sequence seq) || seq.size() != 2) {
                return null;
            }
            BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
            if (r.signum() <= 0 || s.signum() <= 0) {
                return null;
            }
            // strict DER like OpenSSL's ECDSA_verify: the re-encoding must give the same bytes
            if (!java.util.Arrays.equals(der(r, s), sig)) {
                return null;
            }
            return new BigInteger[] {r, s};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
