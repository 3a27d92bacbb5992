package dev.bmtool.cli.mail;

import dev.bmtool.cli.Cli;
import dev.bmtool.cli.Human;
import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.UsageException;
import dev.bmtool.mail.MailStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bmtool trash ID...}: moves messages to the trash (PyBitmessage's folder 'trash'), back
 * with {@code --restore}, for good with {@code --empty}; no ID lists the trash.
 */
@Command(name = "trash", mixinStandardHelpOptions = true,
        description = {"Move inbox messages (or with --sent, sent ones) to the trash; no ID: list the trash.",
            "--restore puts them back, --empty deletes everything in the trash for good. A trashed sent message"
                    + " still gets its ack but is neither sent nor resent, as in PyBitmessage."})
public final class TrashCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Ids from 'bmtool inbox' (or 'bmtool sent' with --sent).")
    List<Long> ids = new ArrayList<>();

    @Option(names = "--sent", description = "The ids are sent messages.")
    boolean sent;

    @Option(names = "--restore", description = "Take them out of the trash again.")
    boolean restore;

    @Option(names = "--empty", description = "Delete everything in the trash (no undo).")
    boolean empty;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws Exception {
        try (MailStore store = MailStore.open(Cli.root(spec).dataDir())) {
            PrintWriter out = Cli.out(spec);
            if (empty) {
                if (!ids.isEmpty() || restore) {
                    throw new UsageException("--empty takes no ids");
                }
                int n = store.emptyTrash();
                if (json.on()) {
                    Cli.printJson(spec, Map.of("deleted", n));
                } else {
                    out.println(n == 0 ? "the trash is empty" : "deleted " + n + " message" + (n == 1 ? "" : "s"));
                    out.flush();
                }
                return 0;
            }
            if (ids.isEmpty()) {
                return list(store, out);
            }
            List<Map<String, Object>> done = new ArrayList<>();
            int missing = 0;
            for (long id : ids) {
                boolean exists = sent ? store.sentEntry(id).isPresent() : store.inboxEntry(id).isPresent();
                if (!exists) {
                    Cli.err(spec).println("bmtool: no " + (sent ? "sent" : "inbox") + " message " + id);
                    missing++;
                    continue;
                }
                boolean changed = store.moveToTrash(sent, id, !restore);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("folder", restore ? (sent ? MailStore.FOLDER_SENT : MailStore.FOLDER_INBOX) : MailStore.FOLDER_TRASH);
                m.put("changed", changed);
                done.add(m);
                if (!json.on()) {
                    String what = (sent ? "sent message " : "message ") + id;
                    out.println(restore ? (changed ? "restored " + what : what + " was not in the trash")
                            : (changed ? "moved " + what + " to the trash" : what + " was already in the trash"));
                }
            }
            Cli.err(spec).flush();
            if (json.on()) {
                Cli.printJson(spec, done);
            }
            out.flush();
            return missing == 0 ? 0 : 1;
        }
    }

    private int list(MailStore store, PrintWriter out) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long id : store.trashIds(false)) {
            store.inboxEntry(id).ifPresent(e -> rows.add(row("inbox", e.id(), e.received(), e.from(), e.subject())));
        }
        for (long id : store.trashIds(true)) {
            store.sentEntry(id).ifPresent(e -> rows.add(row("sent", e.id(), e.created(), e.to(), e.subject())));
        }
        if (json.on()) {
            Cli.printJson(spec, rows);
            return 0;
        }
        if (rows.isEmpty()) {
            out.println("the trash is empty");
        }
        for (Map<String, Object> r : rows) {
            out.printf("%-5s %4d %s %-38s %s%n", r.get("origin"), r.get("id"), Human.dateTime((Long) r.get("date")),
                    r.get("address"), r.get("subject"));
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> row(String folder, long id, long date, String address, String subject) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origin", folder); // the folder it came from: restore a "sent" one with --sent
        m.put("id", id);
        m.put("date", date);
        m.put("address", address);
        m.put("subject", subject);
        return m;
    }
}
