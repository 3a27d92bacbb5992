package dev.bmtool.cli.mail;

import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.Cli;
import dev.bmtool.node.mail.MailStore;
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
        description = {"List sent messages and broadcasts with their status.",
            "Status (PyBitmessage's names): awaitingpubkey, doingmsgpow, msgqueued (ready, no peer took it yet),"
                    + " msgsent (a peer took it), msgsentnoackexpected, ackreceived, toodifficult, broadcastqueued,"
                    + " broadcastsent."})
public final class SentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        try (MailStore store = MailStore.open(Cli.root(spec).dataDir())) {
            List<MailStore.SentEntry> all = store.sent();
            java.util.Map<String, String> names = ContactsCommand.names(store);
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
                out.printf("%4d %-20s %-38s %s%s%n", e.id(), e.status(), names.getOrDefault(e.to(), e.to()),
                        e.subject(),
                        e.retries() > 0 ? " (resent " + e.retries() + "x)" : "");
            }
            out.flush();
            return 0;
        }
    }
}
