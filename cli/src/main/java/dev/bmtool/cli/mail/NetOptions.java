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

    @Option(names = "--engine", paramLabel = "KIND", defaultValue = "auto",
            description = "Proof-of-work engine: auto, cpu, simd, scalar, messagedigest, opencl (default: ${DEFAULT-VALUE}).")
    String engine = "auto";

    @Option(names = "--pow-server", paramLabel = "URL",
            description = "Send proof of work to this 'bmtool pow serve' endpoint, http://[TOKEN@]HOST:PORT"
                    + " (repeatable; answers are verified, local engines take over when it fails). Default:"
                    + " keys.dat's powservers.")
    List<String> powServers = new ArrayList<>();

    @Mixin
    ProgressOption progress; // the steps (getpubkey sent, PoW done, msg sent) on stderr
}
