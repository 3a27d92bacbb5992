package dev.bmtool.core.address;

import dev.bmtool.core.encoding.ProtocolException;

/** An address (or WIF) string could not be decoded; {@link #reason()} says why. */
public final class AddressException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    /** PyBitmessage's decodeAddress status values, plus a few of our own. */
    public enum Reason {
        INVALID_CHARACTERS("invalidcharacters"),
        CHECKSUM_FAILED("checksumfailed"),
        VERSION_UNSUPPORTED("versiontoohigh"),
        VARINT_MALFORMED("varintmalformed"),
        RIPE_TOO_SHORT("ripetooshort"),
        RIPE_TOO_LONG("ripetoolong"),
        ENCODING_PROBLEM("encodingproblem"),
        BAD_WIF("badwif");

        private final String pyName;

        Reason(String pyName) {
            this.pyName = pyName;
        }

        /** The status string PyBitmessage's decodeAddress returns. */
        public String pyName() {
            return pyName;
        }
    }

    private final Reason reason;

    public AddressException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
