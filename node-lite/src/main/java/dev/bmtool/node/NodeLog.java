package dev.bmtool.node;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Where the node writes its readable log (peers, objects in/out, rejections). */
@FunctionalInterface
public interface NodeLog {
    void log(String level, String message);

    default void info(String message) {
        log("INFO", message);
    }

    default void warn(String message) {
        log("WARN", message);
    }

    default void debug(String message) {
        log("DEBUG", message);
    }

    /** Discards everything. */
    static NodeLog silent() {
        return (l, m) -> { };
    }

    /**
     * Timestamped lines on {@code out}; DEBUG only when {@code verbose}; at most
     * {@link RateLimitedLog#PER_WINDOW} lines of one kind a minute.
     */
    static NodeLog to(PrintStream out, boolean verbose) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("HH:mm:ss");
        NodeLog printer = (level, message) -> {
            if (!verbose && level.equals("DEBUG")) {
                return;
            }
            synchronized (out) {
                out.println(LocalTime.now().format(f) + " " + level + " " + message);
                out.flush();
            }
        };
        return new RateLimitedLog(printer, System::nanoTime);
    }
}
