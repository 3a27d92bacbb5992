package dev.bmtool.cli.object;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.cli.Cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bmtool object}: a plain container; each action is its own subcommand class listed
 * below (add new ones to {@code subcommands}).
 */
@Command(name = "object",
        description = "Work with Bitmessage objects: inspect, verify, and the node's store (submit, list, get).",
        mixinStandardHelpOptions = true,
        subcommands = {
            ObjectInspectCommand.class,
            ObjectVerifyCommand.class,
            ObjectSubmitCommand.class,
            ObjectListCommand.class,
            ObjectGetCommand.class,
            ObjectDecryptCommand.class,
        })
public final class ObjectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: print usage on stderr. */
    @Override
    public Integer call() {
        spec.commandLine().usage(Cli.err(spec));
        return BmtoolCommand.EXIT_USAGE;
    }
}
