package dev.bmtool.cli;

/** A bad combination of arguments found after parsing; reported with exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
