package dev.bmtool.cli.pow;

import dev.bmtool.core.pow.PowScheduler;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr for PoW jobs that run longer than a second: trials done
 * against the expected number, rate and ETA. PoW is luck, so "done" can pass 100%.
 */
final class ProgressBar implements PowScheduler.Listener {
    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final boolean enabled;
    private final boolean terminal;
    private boolean shown;
    private long lastLineMillis;

    /**
     * @param terminal redraw one line in place; otherwise (a log file, a pipe) print a plain
     *                 line at most every 10 seconds
     */
    ProgressBar(PrintWriter err, boolean enabled, boolean terminal) {
        this.err = err;
        this.enabled = enabled;
        this.terminal = terminal;
    }

    @Override
    public synchronized void progress(PowScheduler.Progress p) {
        if (!enabled || p.elapsed().toMillis() < 1000) {
            return;
        }
        double f = p.fraction();
        int filled = (int) Math.min(WIDTH, Math.round(f * WIDTH));
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String eta = f >= 1 ? "any moment" : PowFormat.duration(p.eta().toMillis() / 1000.0);
        String line = String.format(Locale.ROOT, "[%s] %3.0f%% %s trials of ~%s, %s, ETA %s", bar, Math.min(f * 100, 999),
                PowFormat.si(p.trials()), PowFormat.si(p.expectedTrials()), PowFormat.rate(p.rate()), eta);
        if (terminal) {
            err.print("\r" + line + "   ");
            shown = true;
        } else {
            long ms = p.elapsed().toMillis();
            if (lastLineMillis != 0 && ms - lastLineMillis < 10_000) {
                return;
            }
            lastLineMillis = ms;
            err.println("bmtool: pow " + line);
        }
        err.flush();
    }

    /** Ends the bar's line if one was drawn. */
    synchronized void finish() {
        if (shown) {
            err.println();
            err.flush();
            shown = false;
        }
    }
}
