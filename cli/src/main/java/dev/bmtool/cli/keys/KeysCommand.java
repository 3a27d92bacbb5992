package dev.bmtool.cli.keys;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bmtool keys}: container of the identity store subcommands. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Import and export your identities' keys (keys.dat in the data directory, PyBitmessage format).",
            "Your identities themselves: 'bmtool identity'; addresses computed without storing: 'bmtool address'."},
        subcommands = {
            KeysImportCommand.class,
            KeysExportCommand.class,
            KeysListCommand.class,
        })
public final class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }
}
