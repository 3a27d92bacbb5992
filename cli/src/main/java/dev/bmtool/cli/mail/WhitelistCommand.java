package dev.bmtool.cli.mail;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code bmtool whitelist [ADDR]}: with blackwhitelist = white only listed senders get through. */
@Command(name = "whitelist", mixinStandardHelpOptions = true,
        description = {"Allow msgs from an address when only listed senders are accepted; no address: list it.",
            "Applies after 'bmtool settings set blackwhitelist white', as in PyBitmessage."})
public final class WhitelistCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AccessList.Options options;

    @Override
    public Integer call() throws Exception {
        return AccessList.run(spec, "whitelist", options);
    }
}
