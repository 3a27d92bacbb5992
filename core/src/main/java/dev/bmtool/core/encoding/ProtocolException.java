package dev.bmtool.core.encoding;

/**
 * The one unchecked exception thrown at the decoding boundary: every decoder that reads
 * untrusted bytes throws this (or a subclass) and nothing else.
 */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Input ended before a complete structure was read. */
    public static final class Truncated extends ProtocolException {
        private static final long serialVersionUID = 1L;

        public Truncated(String message) {
            super(message);
        }
    }

    /** A length or count exceeds a protocol limit; raised before anything is allocated. */
    public static final class Oversized extends ProtocolException {
        private static final long serialVersionUID = 1L;

        public Oversized(String message) {
            super(message);
        }
    }

    /** A value was not encoded in its one canonical form (e.g. a non-minimal var_int). */
    public static final class NonCanonical extends ProtocolException {
        private static final long serialVersionUID = 1L;

        public NonCanonical(String message) {
            super(message);
        }
    }

    /** A checksum (packet header, address, WIF) or MAC did not match. */
    public static final class BadChecksum extends ProtocolException {
        private static final long serialVersionUID = 1L;

        public BadChecksum(String message) {
            super(message);
        }
    }

    /** A well-formed field holds a value the protocol does not allow. */
    public static final class BadValue extends ProtocolException {
        private static final long serialVersionUID = 1L;

        public BadValue(String message) {
            super(message);
        }

        public BadValue(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
