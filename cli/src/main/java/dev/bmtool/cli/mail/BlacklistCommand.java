package dev.bmtool.cli.mail;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool blacklist [ADDR]}: msgs from listed senders are ignored (PyBitmessage's blacklist). */
@Command(name = "blacklist", mixinStandardHelpOptions = true,
        description = {"Ignore msgs from an address (not stored, not acknowledged); no address: list the blacklist.",
            "Applies while 'settings' blackwhitelist is black (the default), as in PyBitmessage."})
public final class BlacklistCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ADDR", description = "Address to block.")
    String address;

    @Option(names = "--label", defaultValue = "", paramLabel = "L", description = "Label.")
    String label;

    @Option(names = "--remove", description = "Take the address off the list.")
    boolean remove;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return AccessList.run(spec, "blacklist", address, label, remove, json);
    }
}
