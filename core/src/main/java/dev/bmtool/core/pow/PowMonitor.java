package dev.bmtool.core.pow;

/** What an engine reports to and asks of whoever runs it. Implementations are thread-safe. */
public interface PowMonitor {

    /** True once the search should stop (another engine won, the user cancelled). */
    boolean isCancelled();

    /** Adds trials done since the last call, for progress and rate. */
    void addTrials(long trials);

    /** A monitor that never cancels and ignores progress. */
    PowMonitor NONE = new PowMonitor() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void addTrials(long trials) {
        }
    };
}
