package dev.bmtool.cli.mail;

import dev.bmtool.cli.AddressNames;
import dev.bmtool.cli.Cli;
import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.Identity;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.mail.MailStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bmtool reply ID}: answers an inbox message as PyBitmessage's Reply does: from the
 * address it was sent to, to its sender, subject "Re: ...", the original quoted below a line.
 */
@Command(name = "reply", mixinStandardHelpOptions = true,
        description = {"Reply to an inbox message: from the identity it reached, to its sender, subject 'Re: ...',"
            + " the original below a line (as PyBitmessage does). Sends like 'bmtool send' (same exit codes)."})
public final class ReplyCommand implements Callable<Integer> {
    /** PyBitmessage's separator between a reply and the quoted original. */
    static final String QUOTE_LINE = "\n\n------------------------------------------------------\n";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Inbox id (from 'bmtool inbox').")
    long id;

    @ArgGroup(exclusive = true, multiplicity = "1")
    SendCommand.Body body;

    @Option(names = "--from", paramLabel = "ADDR|LABEL",
            description = "Reply from this identity (default: the one the message was sent to; needed for broadcasts).")
    String from;

    @Option(names = "--subject", paramLabel = "S", description = "Subject (default: 'Re: ' and the original's).")
    String subject;

    @Option(names = "--no-quote", description = "Leave the original message out.")
    boolean noQuote;

    @Mixin
    SendOptions delivery;

    @Mixin
    JsonOption json;

    @Mixin
    NetOptions net;

    @Override
    public Integer call() throws Exception {
        java.nio.file.Path dataDir = Cli.root(spec).dataDir();
        MailStore.InboxEntry original;
        try (MailStore store = MailStore.open(dataDir)) {
            original = store.inboxEntry(id).orElseThrow(
                    () -> new UsageException("no inbox message " + id + " (see 'bmtool inbox')"));
        }
        String sender;
        if (from != null) {
            sender = AddressNames.own(dataDir, from, "--from").address().encode();
        } else {
            sender = new IdentityStore(dataDir).list().stream().map(Identity::address)
                    .filter(a -> a.encode().equals(original.to())).findFirst()
                    .orElseThrow(() -> new UsageException("message " + id + " was not sent to one of your identities"
                            + " (a broadcast?): give --from"))
                    .encode();
        }
        SendCommand send = new SendCommand();
        send.spec = spec;
        send.from = sender;
        send.to = original.from();
        send.subject = subject != null ? subject : reSubject(original.subject());
        String text = body.read();
        send.body = new SendCommand.Body();
        send.body.text = noQuote ? text : text + QUOTE_LINE + original.body();
        send.delivery = delivery;
        send.json = json;
        send.net = net;
        return send.call();
    }

    /** "Re: " before the subject unless it already starts with Re: (any case), as PyBitmessage. */
    static String reSubject(String s) {
        return s.regionMatches(true, 0, "Re:", 0, 3) ? s : "Re: " + s;
    }
}
