package dev.bmtool.node;

import java.io.IOException;
import java.nio.file.Path;

/** Another process holds the node lock of a data directory: a node already runs for it. */
public final class NodeAlreadyRunningException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path dataDir;

    public NodeAlreadyRunningException(Path dataDir) {
        super("another node is already running with data directory " + dataDir);
        this.dataDir = dataDir;
    }

    /** The data directory whose node lock is held. */
    public Path dataDir() {
        return dataDir;
    }
}
