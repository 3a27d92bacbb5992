package dev.bmtool.cli;

import dev.bmtool.core.json.Json;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The launcher's training run for the JDK's AOT cache (hidden): the cache keeps the classes a
 * run loaded and the profiles it gathered, so one JVM runs what people run most (a default
 * PoW job, the mail folders, identities, an address, help) on a scratch data dir, and every
 * one of those commands then starts from the cache instead of loading its classes from jars.
 */
@Command(name = "train-aot-cache", hidden = true, mixinStandardHelpOptions = true,
        description = "Run the launcher's AOT-cache training workload on --data-dir (a scratch directory).")
public final class AotTrainingCommand implements Callable<Integer> {
    /** An initial hash and the target of a default-difficulty job (about 12.6 M trials). */
    static final String INITIAL_HASH = "2f1c6a4e2b0b8e8f9c1d3e5f7a9b0c2d4e6f8091a3b5c7d9e1f2a3b4c5d6e7f8"
            + "091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f0";
    static final String TARGET = "1464027307437";

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    /** The commands of the workload, each run as {@code bmtool --data-dir DIR ARGS...}. */
    static List<List<String>> workload() {
        return List.of(
                List.of("pow", "--initial-hash", INITIAL_HASH, "--target", TARGET, "--no-progress"),
                List.of("identity", "new", "--label", "aot", "--json"),
                List.of("identity", "list"),
                List.of("inbox"),
                List.of("sent"),
                List.of("address", "decode", "BM-2cW67GEKkHGonXKZLCzouLLxnLym3azS8r"),
                List.of("settings", "list"),
                List.of("--help"));
    }

    @Override
    public Integer call() {
        Path dir = Cli.root(spec).dataDir();
        PrintWriter err = Cli.err(spec);
        int failed = 0;
        for (List<String> command : workload()) {
            String[] args = new String[command.size() + 2];
            args[0] = "--data-dir";
            args[1] = dir.toString();
            for (int i = 0; i < command.size(); i++) {
                args[i + 2] = command.get(i);
            }
            // as main runs it, output dropped
            CommandLine cl = BmtoolCommand.newCommandLine(args);
            cl.setOut(new PrintWriter(Writer.nullWriter()));
            cl.setErr(new PrintWriter(Writer.nullWriter()));
            int rc = cl.execute(args);
            if (rc != 0) {
                err.println("bmtool: training step '" + String.join(" ", command) + "' exited " + rc);
                failed++;
            }
        }
        err.flush();
        if (json.on()) {
            Cli.out(spec).println(Json.write(Map.of("steps", (long) workload().size(), "failed", (long) failed)));
            Cli.out(spec).flush();
        }
        return failed == 0 ? 0 : BmtoolCommand.EXIT_FAILURE;
    }
}
