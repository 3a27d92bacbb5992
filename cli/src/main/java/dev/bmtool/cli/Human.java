package dev.bmtool.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Text for people: local date-times, durations in words, maps as "a 1, b 2" (JSON output keeps raw values). */
public final class Human {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private Human() {
    }

    /** "2026-12-05 10:04" in the local time zone (Unix seconds in). */
    public static String dateTime(long epochSeconds) {
        return DATE_TIME.format(Instant.ofEpochSecond(epochSeconds).atZone(ZoneId.systemDefault()));
    }

    /** "2026-12-05 10:04:31 CET": with seconds and the zone, for single-item views. */
    public static String fullDateTime(long epochSeconds) {
        return FULL.format(Instant.ofEpochSecond(epochSeconds).atZone(ZoneId.systemDefault()));
    }

    /** "45 s", "3 min 05 s", "2 h 07 min", "4 d 3 h". */
    public static String duration(long seconds) {
        if (seconds < 0) {
            return "-" + duration(-seconds);
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        if (seconds < 86400) {
            return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%d d %d h", seconds / 86400, seconds % 86400 / 3600);
    }

    /** A value from a JSON map as text: nested maps as "key value, key value". */
    public static String value(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + " " + value(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        return String.valueOf(v);
    }
}
