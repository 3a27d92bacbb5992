package dev.bmtool.cli.address;

import dev.bmtool.cli.BmtoolCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the bmtool command line in-process with captured output. */
public final class CliRunner {
    private CliRunner() {
    }

    /** Exit code and captured streams. */
    public record Result(int rc, String out, String err) {
    }

    public static Result run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        return new Result(rc, out.toString(), err.toString());
    }

    public static Result run(String... args) {
        return run(BmtoolCommand.newCommandLine(), args);
    }
}
