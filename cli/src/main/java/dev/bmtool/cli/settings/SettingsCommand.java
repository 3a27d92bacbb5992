package dev.bmtool.cli.settings;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bmtool settings}: container of the settings subcommands. */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "Show and change the keys.dat settings bmtool uses (PyBitmessage's names and meanings).",
        subcommands = {
            SettingsListCommand.class,
            SettingsSetCommand.class,
            SettingsUnsetCommand.class,
        })
public final class SettingsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }
}
