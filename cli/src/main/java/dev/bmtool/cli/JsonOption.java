package dev.bmtool.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --json} every command has (a picocli mixin), so the option reads the same
 * everywhere: one JSON document on stdout, fields named as docs/json.md says.
 */
public final class JsonOption {
    @Option(names = "--json", description = "Print JSON for scripts (one document on stdout; see docs/json.md).")
    boolean json;

    /** True when --json was given. */
    public boolean on() {
        return json;
    }
}
