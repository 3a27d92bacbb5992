package dev.bmtool.cli.mail;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.mail.MailStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bmtool sent}: the sent folder with PyBitmessage's status names. */
@Command(name = "sent", mixinStandardHelpOptions = true,
        description = {"List sent messages and broadcasts with their date and status; 'bmtool sent ID' shows one.",
            "Status (PyBitmessage's names): awaitingpubkey, doingmsgpow, msgqueued (ready, no peer took it yet),"
                    + " msgsent (a peer took it), msgsentnoackexpected, ackreceived, toodifficult, broadcastqueued,"
                    + " broadcastsent."})
public final class SentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "ID",
            description = "Show this sent message in full (as 'bmtool read ID' does for the inbox).")
    Long id;

    @Override
    public Integer call() throws Exception {
        try (MailStore store = MailStore.open(Cli.root(spec).dataDir())) {
            java.util.Map<String, String> names = ContactsCommand.names(store);
            if (id != null) {
                MailStore.SentEntry e = store.sentEntry(id).orElseThrow(
                        () -> new IllegalArgumentException("no sent message " + id + " (see 'bmtool sent')"));
                if (json.on()) {
                    var m = SendCommand.sentJson(e);
                    ContactsCommand.name(names, e.to()).ifPresent(n -> m.put("toName", n));
                    m.put("body", e.body());
                    Cli.printJson(spec, m);
                    return 0;
                }
                PrintWriter out = Cli.out(spec);
                out.println("From:     " + e.from());
                out.println("To:       " + (e.kind().equals("broadcast") ? "(broadcast to subscribers)"
                        : ContactsCommand.display(names, e.to())));
                out.println("Date:     " + dev.bmtool.cli.Human.fullDateTime(e.created()));
                out.println("Status:   " + e.status() + " (since " + dev.bmtool.cli.Human.fullDateTime(e.lastAction())
                        + (e.retries() > 0 ? ", resent " + e.retries() + "x" : "") + ")"
                        + (e.note() == null || MailStore.powOwner(e) > 0 ? "" : ": " + e.note()));
                out.println("Subject:  " + e.subject());
                out.println();
                out.println(e.body());
                out.flush();
                return 0;
            }
            List<MailStore.SentEntry> all = store.sent();
            if (json.on()) {
                Cli.printJson(spec, all.stream().map(e -> {
                    var m = SendCommand.sentJson(e);
                    ContactsCommand.name(names, e.to()).ifPresent(n -> m.put("toName", n));
                    return m;
                }).toList());
                return 0;
            }
            PrintWriter out = Cli.out(spec);
            if (all.isEmpty()) {
                out.println("nothing sent yet");
            }
            for (MailStore.SentEntry e : all) {
                out.printf("%4d %s %-20s %-38s %s%s%n", e.id(), dev.bmtool.cli.Human.dateTime(e.created()), e.status(),
                        e.kind().equals("broadcast") ? "(subscribers)" : names.getOrDefault(e.to(), e.to()), e.subject(),
                        e.retries() > 0 ? " (resent " + e.retries() + "x)" : "");
            }
            out.flush();
            return 0;
        }
    }
}
