package dev.bmtool.cli;

import picocli.CommandLine.Option;

/**
 * The one switch for progress lines on stderr (a picocli mixin): {@code --no-progress}, with the
 * older {@code --quiet} / {@code -q} kept as hidden aliases. Results and errors still print.
 */
public final class ProgressOption {
    @Option(names = "--no-progress", description = "No progress lines on stderr (results and errors still print).")
    boolean off;

    @Option(names = {"--quiet", "-q"}, hidden = true, description = "Same as --no-progress.")
    boolean quiet;

    /** True unless --no-progress (or --quiet) was given. */
    public boolean on() {
        return !off && !quiet;
    }
}
