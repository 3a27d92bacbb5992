package dev.bmtool.cli.address;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.AddressGenerator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool address chan NAME}: the chan address of a name. */
@Command(name = "chan", mixinStandardHelpOptions = true,
        description = "The chan address for NAME (deterministic v4 address, passphrase = name).")
public final class AddressChanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Chan name.")
    String name;

    @Option(names = "--stream", paramLabel = "N", defaultValue = "1", description = "Stream number (default ${DEFAULT-VALUE}).")
    long stream;

    // the old way to store (now 'identity new', 'chan join', 'keys import'): hidden, kept for scripts
    @Option(names = "--save", hidden = true, description = "Also store the result in keys.dat.")
    boolean save;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (name.isEmpty()) {
            throw new UsageException("chan name must not be empty");
        }
        AddressNewCommand.checkVersionStream(4, stream);
        return IdentityOutput.emit(spec, List.of(AddressGenerator.chan(name, stream)), save, json.on());
    }
}
