package dev.bmtool.cli.mail;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool whitelist [ADDR]}: with blackwhitelist = white only listed senders get through. */
@Command(name = "whitelist", mixinStandardHelpOptions = true,
        description = {"Allow msgs from an address when only listed senders are accepted; no address: list it.",
            "Applies after 'bmtool settings set blackwhitelist white', as in PyBitmessage."})
public final class WhitelistCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ADDR", description = "Address to allow.")
    String address;

    @Option(names = "--label", defaultValue = "", paramLabel = "L", description = "Label.")
    String label;

    @Option(names = "--remove", description = "Take the address off the list.")
    boolean remove;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return AccessList.run(spec, "whitelist", address, label, remove, json);
    }
}
