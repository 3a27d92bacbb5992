package dev.bmtool.core.crypto;

import dev.bmtool.core.encoding.ProtocolException;

/**
 * ECIES decryption failed: malformed blob, point not on the curve, MAC mismatch (usually: not
 * encrypted to this key) or bad padding. A {@link ProtocolException}, so code that handles
 * untrusted input catches it with everything else; never wraps a raw JCE/BC exception type.
 */
public final class DecryptionException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public DecryptionException(String message) {
        super(message);
    }
}
