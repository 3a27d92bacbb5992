package dev.bmtool.cli.node;

import dev.bmtool.cli.UsageException;
import dev.bmtool.core.json.Json;
import dev.bmtool.node.NodeLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where {@code node run} writes its log: one line per event with its level (DEBUG, INFO, WARN).
 * On a terminal, {@code HH:mm:ss LEVEL message}; under systemd (stderr connected to the journal,
 * {@code JOURNAL_STREAM} set) the syslog priority prefix {@code <7>}/{@code <6>}/{@code <4>}
 * instead, so that {@code journalctl -p warning} filters and the journal adds the time; in a
 * {@code --log-file}, an ISO-8601 UTC time (the file spans days), appended and flushed per line
 * (so {@code logrotate copytruncate} works).
 */
final class NodeLogs {
    private NodeLogs() {
    }

    /** Levels in increasing severity. */
    enum Level {
        DEBUG("<7>"), INFO("<6>"), WARN("<4>");

        final String syslogPrefix;

        Level(String syslogPrefix) {
            this.syslogPrefix = syslogPrefix;
        }

        static Level of(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT).replace("WARNING", "WARN"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--log-level must be debug, info or warn, got '" + s + "'");
            }
        }
    }

    /** True when stderr goes to the systemd journal. */
    static boolean journal() {
        String js = System.getenv("JOURNAL_STREAM");
        return js != null && !js.isBlank();
    }

    private static Level level(String name) {
        try {
            return Level.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }

    /** Lines on {@code err}: journal-prefixed when under systemd, else timestamped. */
    static NodeLog stderr(PrintStream err, Level min, boolean json) {
        if (json) {
            return filtered(min, (level, message) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("time", System.currentTimeMillis() / 1000);
                m.put("level", level);
                m.put("message", message);
                line(err, Json.write(m));
            });
        }
        if (journal()) {
            return filtered(min, (level, message) -> line(err, level(level).syslogPrefix + level + " " + message));
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("HH:mm:ss");
        return filtered(min, (level, message) -> line(err, LocalTime.now().format(f) + " " + level + " " + message));
    }

    /** Lines appended to {@code file} (created with its directory if missing). */
    static NodeLog file(Path file, Level min) {
        OutputStream out;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UsageException("--log-file " + file + ": cannot open for writing: " + e.getMessage());
        }
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return filtered(min, (level, message) -> line(ps, Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level
                + " " + message));
    }

    private static NodeLog filtered(Level min, NodeLog sink) {
        return (level, message) -> {
            if (level(level).compareTo(min) >= 0) {
                // one event, one line: a message with line breaks would split in every log reader
                sink.log(level, message.replace("\r", "").replace("\n", " | "));
            }
        };
    }

    private static void line(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
