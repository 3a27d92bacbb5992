package dev.bmtool.cli.address;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bmtool address}: container of the address subcommands. */
@Command(name = "address", mixinStandardHelpOptions = true,
        description = "Create, derive and decode Bitmessage addresses.",
        subcommands = {
            AddressNewCommand.class,
            AddressDeterministicCommand.class,
            AddressChanCommand.class,
            AddressDecodeCommand.class,
            AddressFromKeysCommand.class,
            AddressVanityCommand.class,
        })
public final class AddressCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }
}
