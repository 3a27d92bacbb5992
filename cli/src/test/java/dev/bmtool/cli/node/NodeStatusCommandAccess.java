package dev.bmtool.cli.node;

import java.io.PrintWriter;
import java.util.Map;

/** Test access to the package-private status printer. */
public final class NodeStatusCommandAccess {
    private NodeStatusCommandAccess() {
    }

    public static void print(PrintWriter out, Map<String, Object> status) {
        NodeStatusCommand.printStatus(out, status);
    }
}
