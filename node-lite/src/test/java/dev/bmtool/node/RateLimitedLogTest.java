package dev.bmtool.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {
    @Test
    void repeatedLinesAreCappedPerMinuteAndCounted() {
        List<String> lines = new ArrayList<>();
        AtomicLong clock = new AtomicLong();
        NodeLog log = new RateLimitedLog((level, m) -> lines.add(level + " " + m), clock::get);
        for (int i = 0; i < 70_000; i++) {
            log.info("peer 127.0." + (i / 250) + "." + (i % 250) + ":" + (1024 + i) + " disconnected: idle timeout");
        }
        log.info("object 00ff stored");
        assertEquals(RateLimitedLog.PER_WINDOW + 1, lines.size(), "one kind capped, another still logged");
        clock.addAndGet(RateLimitedLog.WINDOW_NANOS);
        log.info("peer 10.0.0.1:8444 disconnected: idle timeout");
        int n = lines.size();
        assertTrue(lines.get(n - 2).contains((70_000 - RateLimitedLog.PER_WINDOW) + " more lines like"),
                lines.get(n - 2));
        assertEquals("INFO peer 10.0.0.1:8444 disconnected: idle timeout", lines.get(n - 1), "a new minute logs again");
    }
}
