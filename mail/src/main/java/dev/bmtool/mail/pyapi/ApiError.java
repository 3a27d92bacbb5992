package dev.bmtool.mail.pyapi;

import java.util.Locale;

/**
 * A PyBitmessage API fault: code and text. XML-RPC sends it as a fault (faultCode, faultString),
 * JSON-RPC as an error object (code, message); {@link #toString()} is PyBitmessage's
 * {@code API Error 00NN: text} form, which the {@code legacy} variant returns as the result.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    public ApiError(int code, String text) {
        super(text, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }

    public String text() {
        return getMessage();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "API Error %04d: %s", code, getMessage());
    }
}
