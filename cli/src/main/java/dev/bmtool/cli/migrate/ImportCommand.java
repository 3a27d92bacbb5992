package dev.bmtool.cli.migrate;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bmtool import}: container of the importers. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Bring identities, settings and messages over from another Bitmessage client.",
        subcommands = {ImportPyBitmessageCommand.class})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (pybitmessage)");
    }
}
