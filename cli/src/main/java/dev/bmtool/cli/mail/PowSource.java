package dev.bmtool.cli.mail;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where proof of work is done: the local engine, and remote {@code pow serve} endpoints. */
public final class PowSource {
    @Option(names = "--engine", paramLabel = "KIND", defaultValue = "auto",
            description = "Proof-of-work engine (messages, acks, pubkeys, resends): auto, cpu, native, java,"
                    + " simd, scalar, messagedigest, opencl (default: ${DEFAULT-VALUE}).")
    String engine = "auto";

    @Option(names = "--pow-server", paramLabel = "URL",
            description = "Send proof of work to this 'bmtool pow serve' endpoint, http://[TOKEN@]HOST:PORT"
                    + " (repeatable; answers are verified, local engines take over when it fails). Default:"
                    + " keys.dat's powservers.")
    List<String> powServers = new ArrayList<>();

    public String engine() {
        return engine;
    }

    public List<String> powServers() {
        return powServers;
    }
}
