package dev.bmtool.cli.mail;

import dev.bmtool.node.Node;
import dev.bmtool.node.NodeLog;
import dev.bmtool.node.mail.MailAgent;
import dev.bmtool.node.mail.MailSettings;
import dev.bmtool.node.mail.Mailbox;
import java.io.IOException;

/** The hook {@code node run} uses: a mail agent on the running node (receiving, acks, pubkeys, resends). */
public final class NodeMail {
    private NodeMail() {
    }

    /** How often {@code node run} checks for a peer to mark queued messages as sent. */
    static final long HANDOVER_CHECK_MILLIS = 5_000;

    /** Attaches the agent; close the result before the node. */
    public static AutoCloseable attach(Node node, NodeLog log) throws IOException {
        MailAgent.Listener l = e -> log.info("mail: " + e.step() + ": " + e.detail()
                + (e.engine() == null ? "" : " (PoW " + e.engine() + ", " + MailSession.seconds(e.pow()) + ")"));
        Mailbox box = Mailbox.attach(node, PowEngines.open("auto", p -> log.info("pow: " + p)), MailSettings.defaults(), l);
        // msgqueued/broadcastqueued objects (left by a command that found no peer) are announced to
        // every peer at connect time (our whole inventory): after a connection has lasted one check
        // interval, they count as sent.
        Thread watcher = Thread.ofPlatform().daemon().name("bmtool-handover").start(() -> {
            boolean connectedBefore = false;
            while (!Thread.currentThread().isInterrupted() && !node.isClosed()) {
                Object n = node.status().get("established");
                boolean connected = n instanceof Number x && x.intValue() > 0;
                if (connected && connectedBefore) {
                    int moved = box.store().queuedHandedOver(System.currentTimeMillis() / 1000);
                    if (moved > 0) {
                        log.info("mail: " + moved + " queued message" + (moved == 1 ? "" : "s")
                                + " handed to peers (now msgsent / broadcastsent)");
                    }
                }
                connectedBefore = connected;
                try {
                    Thread.sleep(HANDOVER_CHECK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        return () -> {
            watcher.interrupt();
            box.close();
        };
    }
}
