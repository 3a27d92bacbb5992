package dev.bmtool.cli.mail;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.Address;
import dev.bmtool.core.address.AddressGenerator;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool chan join NAME}: a chan is a deterministic v4 address whose passphrase is its name. */
@Command(name = "chan", mixinStandardHelpOptions = true,
        description = "Join chans (shared addresses: everyone who knows the name reads and writes).",
        subcommands = {ChanCommand.Join.class})
public final class ChanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(Cli.err(spec));
        return BmtoolCommand.EXIT_USAGE;
    }

    /** {@code chan join}. */
    @Command(name = "join", mixinStandardHelpOptions = true,
            description = "Join (or create) the chan of that name and store its keys.")
    static final class Join implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "Chan name (its passphrase).")
        String name;
        @Option(names = "--address", paramLabel = "ADDR",
                description = "The chan's address, if known: checked against the name (as PyBitmessage's joinChan).")
        String address;
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            if (name.isEmpty()) {
                throw new UsageException("the chan name must not be empty");
            }
            Identity chan = AddressGenerator.chan(name);
            if (address != null && !Address.decode(address).equals(chan.address())) {
                throw new UsageException("the chan '" + name + "' has address " + chan.address() + ", not " + address);
            }
            new IdentityStore(Cli.root(spec).dataDir()).add(chan);
            IdentityCommand.print(spec, json.on(), "joined", chan);
            return 0;
        }
    }
}
