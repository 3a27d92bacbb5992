package dev.bmtool.node;

import java.io.PrintStream;

/**
 * What happens when an {@link Error} (OutOfMemoryError, StackOverflowError, ...) escapes any
 * thread: a process where the API or mail thread died while the listener keeps accepting is
 * worse than no process, so the whole JVM stops with one clear line and exit status
 * {@link #EXIT_STATUS}, and a supervisor (systemd {@code Restart=on-failure}) starts it again.
 * Exceptions that are not Errors only cost their own thread and are reported in one line.
 */
public final class FatalErrors {
    /** EX_SOFTWARE from sysexits.h. */
    public static final int EXIT_STATUS = 70;

    private FatalErrors() {
    }

    /** Makes this the JVM's default uncaught-exception handler (the CLI's main does this). */
    public static void install(PrintStream err) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> handle(err, t, e));
    }

    /** Reports {@code e} from {@code t}; halts the JVM when it is an Error. */
    public static void handle(PrintStream err, Thread t, Throwable e) {
        String where = t.getName().isEmpty() ? "a thread" : "thread " + t.getName();
        if (!(e instanceof Error)) {
            err.println("bmtool: " + where + " stopped: " + e);
            err.flush();
            return;
        }
        String hint = e instanceof OutOfMemoryError
                ? " (more heap: BMTOOL_JAVA_OPTS=-Xmx1g)"
                : "";
        try {
            err.println("bmtool: fatal: " + e + " in " + where + "; stopping the process (exit " + EXIT_STATUS
                    + ") rather than running half-dead, so a supervisor can restart it" + hint);
            err.flush();
        } finally {
            // halt, not exit: shutdown hooks could need the memory or the thread that just failed
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }

    /** For tasks run by executors (which keep what they throw): hands an Error to the default handler. */
    public static void rethrowIfError(Throwable e) {
        if (e instanceof Error err) {
            Thread.UncaughtExceptionHandler h = Thread.getDefaultUncaughtExceptionHandler();
            if (h != null) {
                h.uncaughtException(Thread.currentThread(), err);
            }
            throw err;
        }
    }
}
