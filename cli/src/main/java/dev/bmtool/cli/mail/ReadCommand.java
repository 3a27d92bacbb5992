package dev.bmtool.cli.mail;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.mail.MailStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool read ID}: one inbox message in full (marks it read). */
@Command(name = "read", mixinStandardHelpOptions = true, description = "Show one inbox message and mark it read.")
public final class ReadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Inbox id (from 'bmtool inbox').")
    long id;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        try (MailStore store = MailStore.open(Cli.root(spec).dataDir())) {
            MailStore.InboxEntry e = store.inboxEntry(id).orElseThrow(
                    () -> new IllegalArgumentException("no inbox message " + id + " (see 'bmtool inbox')"));
            store.markRead(id);
            java.util.Map<String, String> names = ContactsCommand.names(store);
            if (json.on()) {
                Cli.printJson(spec, InboxCommand.json(e, true, names));
                return 0;
            }
            PrintWriter out = Cli.out(spec);
            out.println("From:     " + ContactsCommand.display(names, e.from()));
            out.println("To:       " + ContactsCommand.display(names, e.to()));
            out.println("Date:     " + dev.bmtool.cli.Human.fullDateTime(e.received()));
            out.println("Subject:  " + e.subject());
            out.println();
            out.println(e.body());
            out.flush();
            return 0;
        }
    }
}
