package dev.bmtool.cli.address;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bmtool address}: container of the address subcommands. */
@Command(name = "address", mixinStandardHelpOptions = true,
        description = {"Compute addresses: random, from a passphrase, of a chan, from keys, vanity; decode one.",
            "Nothing is stored: your own identities are 'bmtool identity' (new, deterministic, list, publish),"
            + " 'bmtool chan join' and 'bmtool keys import'."},
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
