package dev.bmtool.cli.mail;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code bmtool blacklist [ADDR]}: msgs from listed senders are ignored (PyBitmessage's blacklist). */
@Command(name = "blacklist", mixinStandardHelpOptions = true,
        description = {"Ignore msgs from an address (not stored, not acknowledged); no address: list the blacklist.",
            "Applies while 'settings' blackwhitelist is black (the default), as in PyBitmessage."})
public final class BlacklistCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AccessList.Options options;

    @Override
    public Integer call() throws Exception {
        return AccessList.run(spec, "blacklist", options);
    }
}
