package dev.bmtool.mail;

import dev.bmtool.core.pow.service.PowService;
import dev.bmtool.node.Node;
import dev.bmtool.node.NodeConfig;
import dev.bmtool.node.NodeLog;
import dev.bmtool.node.api.ApiClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Embedding API: a mail agent wired to a node. Three ways to get one: {@link #embedded} starts a
 * node in-process for the life of the mailbox (a CLI command when no node runs),
 * {@link #attach} adds the agent to a node already running in this process ({@code node run}),
 * {@link #remote} talks to a node in another process through its control API (no background
 * loop: that node's own agent receives).
 */
public final class Mailbox implements AutoCloseable {
    private final Node ownedNode;
    private final Node node;
    private final MailStore store;
    private final PowService pow;
    private final MailAgent agent;
    private final NodeLink link;
    private final Path dataDir;

    private Mailbox(Node ownedNode, Node node, MailStore store, PowService pow, MailAgent agent, NodeLink link,
            Path dataDir) {
        this.ownedNode = ownedNode;
        this.node = node;
        this.store = store;
        this.pow = pow;
        this.agent = agent;
        this.link = link;
        this.dataDir = dataDir;
    }

    /**
     * Starts a node with {@code config} and an agent (with its receive loop) on it. The mailbox
     * owns {@code pow} and closes it.
     */
    public static Mailbox embedded(NodeConfig config, NodeLog log, PowService pow, MailSettings settings,
            MailAgent.Listener listener) throws IOException {
        Node n = Node.start(config, log);
        try {
            return build(n, n, config.dataDir(), pow, settings, listener, true);
        } catch (IOException | RuntimeException e) {
            n.close();
            throw e;
        }
    }

    /** An agent with its receive loop on a node running in this process; closing leaves the node running. */
    public static Mailbox attach(Node node, PowService pow, MailSettings settings, MailAgent.Listener listener)
            throws IOException {
        return build(null, node, node.config().dataDir(), pow, settings, listener, true);
    }

    /** An agent that sends through a running node's API; the node's own agent does the receiving. */
    public static Mailbox remote(Path dataDir, ApiClient api, PowService pow, MailSettings settings,
            MailAgent.Listener listener) throws IOException {
        MailStore store = MailStore.open(dataDir);
        NodeLink link = new ApiNodeLink(api);
        return new Mailbox(null, null, store, pow, new MailAgent(dataDir, store, link, pow, settings, listener,
                MailAgent::systemClock), link, dataDir);
    }

    /**
     * An agent that can only queue ({@link MailAgent#queue}): no node, no proof of work here; the
     * node running for {@code dataDir}, or the next one started, sends what is queued.
     */
    public static Mailbox queueing(Path dataDir) throws IOException {
        MailStore store = MailStore.open(dataDir);
        PowService pow = PowService.of((job, listener) -> {
            throw new IllegalStateException("this mailbox only queues");
        });
        NodeLink noNode = new NodeLink() {
            @Override
            public String submit(byte[] object) {
                throw new IllegalStateException("this mailbox only queues");
            }

            @Override
            public List<Stored> objects(Long type, byte[] tag, long afterSeq, int limit, long waitMillis) {
                return List.of();
            }

            @Override
            public List<PeerConnection> connections() {
                return List.of();
            }

            @Override
            public String describe() {
                return "no node (queue only)";
            }
        };
        return new Mailbox(null, null, store, pow, new MailAgent(dataDir, store, noNode, pow, MailSettings.defaults(),
                null, MailAgent::systemClock), noNode, dataDir);
    }

    private static Mailbox build(Node owned, Node node, Path dataDir, PowService pow, MailSettings settings,
            MailAgent.Listener listener, boolean loop) throws IOException {
        MailStore store = MailStore.open(dataDir);
        NodeLink link = new InProcessNodeLink(node);
        MailAgent agent = new MailAgent(dataDir, store, link, pow, settings, listener, MailAgent::systemClock);
        if (loop) {
            agent.startLoop();
        }
        return new Mailbox(owned, node, store, pow, agent, link, dataDir);
    }

    /** The proof-of-work service the agent uses (the PyBitmessage API's dissemination uses it too). */
    public PowService pow() {
        return pow;
    }

    public MailAgent agent() {
        return agent;
    }

    public MailStore store() {
        return store;
    }

    /** How the agent reaches its node; the PyBitmessage API goes through it too. */
    public NodeLink link() {
        return link;
    }

    /** The data directory (keys.dat, mail.db). */
    public Path dataDir() {
        return dataDir;
    }

    /** The in-process node, or null for a remote one (for the CLI's waits on connections and fetches). */
    public Node node() {
        return node;
    }

    /** True when this mailbox receives by itself (in-process node). */
    public boolean receives() {
        return node != null;
    }

    @Override
    public void close() {
        pow.close(); // first: cancels a running search, so the agent's thread can stop
        agent.close();
        store.close();
        if (ownedNode != null) {
            ownedNode.close();
        }
    }
}
