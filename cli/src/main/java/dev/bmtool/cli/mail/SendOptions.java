package dev.bmtool.cli.mail;

import picocli.CommandLine.Option;

/** How a message goes out: encoding, TTL and how long to wait; shared by {@code send} and {@code reply}. */
public final class SendOptions {
    @Option(names = "--encoding", paramLabel = "E", defaultValue = "simple",
            description = "Message encoding: simple (default; what PyBitmessage sends) or extended (zlib + msgpack,"
                    + " smaller for long text; PyBitmessage reads it when it has msgpack).")
    TextEncoding encoding;

    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "345600",
            description = "Time to live, 300..2419200 (default: ${DEFAULT-VALUE} = 4 days); doubled on each resend.")
    long ttl;

    @Option(names = "--wait", description = "Wait for the acknowledgement (ackreceived), not just the hand-over.")
    boolean waitForAck;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900",
            description = "Give up waiting after this long (default: ${DEFAULT-VALUE}); the message stays queued.")
    long timeout;
}
