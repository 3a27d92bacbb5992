package dev.bmtool.cli.node;

import dev.bmtool.cli.BmtoolCommand;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.UsageException;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bmtool node}: container for {@code run} and {@code status}. */
@Command(name = "node",
        description = "Run a lightweight Bitmessage node, or ask a running one for its status.",
        mixinStandardHelpOptions = true,
        subcommands = {
            NodeRunCommand.class,
            NodeStatusCommand.class,
        })
public final class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(Cli.err(spec));
        return BmtoolCommand.EXIT_USAGE;
    }

    /** Parses {@code HOST:PORT} or {@code [IPV6]:PORT} without resolving the host. */
    public static InetSocketAddress hostPort(String s, String what) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new UsageException(what + " must be HOST:PORT, got '" + s + "'");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new UsageException(what + ": write IPv6 addresses as [ADDR]:PORT, got '" + s + "'");
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException(what + ": bad port in '" + s + "'");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException(what + ": port must be 0..65535, got " + port);
        }
        return InetSocketAddress.createUnresolved(host, port);
    }
}
