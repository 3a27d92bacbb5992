package dev.bmtool.cli.mail;

import dev.bmtool.cli.ProgressOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the commands that may need a node and proof of work. */
public final class NetOptions {
    @Option(names = "--peer", paramLabel = "HOST:PORT",
            description = "When no node runs for the data dir: peer for the in-process node (repeatable;"
                    + " default: the known peers and bootstrap nodes).")
    List<String> peers = new ArrayList<>();

    @Mixin
    PowSource pow;

    @Mixin
    ProgressOption progress; // the steps (getpubkey sent, PoW done, msg sent) on stderr
}
