package dev.bmtool.cli;

import dev.bmtool.core.json.Json;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Small helpers shared by the subcommands. */
public final class Cli {
    private Cli() {
    }

    /** The top-level command (global options such as --data-dir) seen from any subcommand. */
    public static BmtoolCommand root(CommandSpec spec) {
        return (BmtoolCommand) spec.root().userObject();
    }

    public static PrintWriter out(CommandSpec spec) {
        return spec.commandLine().getOut();
    }

    public static PrintWriter err(CommandSpec spec) {
        return spec.commandLine().getErr();
    }

    /** Prints one JSON value on its own line to the command's stdout. */
    public static void printJson(CommandSpec spec, Object value) {
        PrintWriter out = out(spec);
        out.println(Json.write(value));
        out.flush();
    }
}
