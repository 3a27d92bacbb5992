package dev.bmtool.pow.opencl;

/**
 * An OpenCL device cannot be used: the kernel does not build, a call failed, or the device
 * returned a wrong answer and was disabled. The message is one clear line for users.
 */
public final class OpenClException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public OpenClException(String message) {
        super(message);
    }

    public OpenClException(String message, Throwable cause) {
        super(message, cause);
    }
}
