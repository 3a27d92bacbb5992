package dev.bmtool.node;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Passes at most {@link #PER_WINDOW} lines of one kind per minute to another log; a kind is the
 * line with its numbers and hashes taken out (so "peer 1.2.3.4:5 disconnected: x" from 70,000
 * short-lived peers is one kind). When a kind's minute is over, one line says how many were left out.
 */
public final class RateLimitedLog implements NodeLog {
    static final int PER_WINDOW = 20;
    static final long WINDOW_NANOS = 60_000_000_000L;
    /** Distinct kinds remembered at once; beyond that the oldest window is closed early. */
    static final int MAX_KINDS = 10_000;

    private final NodeLog out;
    private final LongSupplier nanos;
    private final Map<String, Window> windows = new LinkedHashMap<>();

    private static final class Window {
        final long start;
        final String level;
        final String example;
        int count;
        long suppressed;

        Window(long start, String level, String example) {
            this.start = start;
            this.level = level;
            this.example = example;
        }
    }

    public RateLimitedLog(NodeLog out, LongSupplier nanos) {
        this.out = out;
        this.nanos = nanos;
    }

    /**
     * The kind of a line: level and text with every hash (16+ hex digits) and run of digits
     * replaced by '#', cut at 80 characters.
     */
    static String kind(String level, String message) {
        String m = message.replaceAll("[0-9a-f]{16,}|[0-9]+", "#");
        return level + " " + (m.length() > 80 ? m.substring(0, 80) : m);
    }

    @Override
    public synchronized void log(String level, String message) {
        long now = nanos.getAsLong();
        closeExpired(now);
        String k = kind(level, message);
        Window w = windows.get(k);
        if (w == null) {
            if (windows.size() >= MAX_KINDS) {
                Iterator<Window> oldest = windows.values().iterator();
                report(oldest.next());
                oldest.remove();
            }
            w = new Window(now, level, message);
            windows.put(k, w);
        }
        if (w.count < PER_WINDOW) {
            w.count++;
            out.log(level, message);
        } else {
            w.suppressed++;
        }
    }

    private void closeExpired(long now) {
        Iterator<Window> it = windows.values().iterator();
        while (it.hasNext()) {
            Window w = it.next();
            if (now - w.start < WINDOW_NANOS) {
                break; // insertion order is start order
            }
            report(w);
            it.remove();
        }
    }

    private void report(Window w) {
        if (w.suppressed > 0) {
            out.log(w.level, "(" + w.suppressed + " more line" + (w.suppressed == 1 ? "" : "s") + " like \""
                    + w.example + "\" in the last minute not logged)");
        }
    }
}
