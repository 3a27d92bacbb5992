package dev.bmtool.cli.migrate;

import dev.bmtool.cli.Cli;
import dev.bmtool.cli.JsonOption;
import dev.bmtool.cli.UsageException;
import dev.bmtool.core.address.IdentityStore;
import dev.bmtool.mail.MailStore;
import dev.bmtool.mail.migrate.PyBitmessageImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bmtool import pybitmessage [DIR]}: PyBitmessage's keys.dat and messages.dat into this data dir. */
@Command(name = "pybitmessage", mixinStandardHelpOptions = true,
        description = {"Import a PyBitmessage data directory (identities, settings, messages, lists).",
            "From keys.dat: identities and settings; from messages.dat (read only): inbox, sent folder,",
            "address book, subscriptions and black/whitelist.",
            "Only adds: what bmtool already has is never changed, so running it twice changes nothing.",
            "Queued PyBitmessage messages are sent by bmtool's node; stop PyBitmessage first."})
public final class ImportPyBitmessageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "PyBitmessage's data directory (default: $BITMESSAGE_HOME, else ~/.config/PyBitmessage"
                    + " on Linux).")
    Path dir;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        Path source = dir != null ? dir : PyBitmessageImport.defaultDirectory(System.getenv(),
                System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
        if (!Files.isDirectory(source)) {
            throw new UsageException("no PyBitmessage data directory at " + source
                    + (dir == null ? " (give its path: bmtool import pybitmessage DIR)" : ""));
        }
        if (!Files.isRegularFile(source.resolve("keys.dat")) && !Files.isRegularFile(source.resolve("messages.dat"))) {
            throw new UsageException("no PyBitmessage data in " + source + " (neither keys.dat nor messages.dat)");
        }
        Path dataDir = Cli.root(spec).dataDir();
        PyBitmessageImport.Report r;
        try (MailStore store = MailStore.open(dataDir)) {
            r = PyBitmessageImport.run(source, new IdentityStore(dataDir), store);
        }
        if (json.on()) {
            Cli.printJson(spec, r.toJson());
            return 0;
        }
        PrintWriter out = Cli.out(spec);
        out.println("imported from " + source + " into " + dataDir.toAbsolutePath());
        line(out, "identities", r.identities());
        out.printf("  %-14s %d copied%s%n", "settings", r.settingsCopied().size(),
                r.settingsKept().isEmpty() ? "" : ", " + r.settingsKept().size() + " kept as bmtool has them ("
                        + String.join(", ", r.settingsKept()) + ")");
        line(out, "inbox", r.inbox());
        line(out, "sent", r.sent());
        line(out, "address book", r.addressBook());
        line(out, "subscriptions", r.subscriptions());
        line(out, "blacklist", r.blacklist());
        line(out, "whitelist", r.whitelist());
        if (r.queuedForSending() > 0) {
            out.println(r.queuedForSending() + " message(s) PyBitmessage had not sent yet go out the next time bmtool sends"
                    + " ('bmtool node run', or any mail command); do not run PyBitmessage with the same identities at"
                    + " the same time");
        }
        out.flush();
        return 0;
    }

    private static void line(PrintWriter out, String what, PyBitmessageImport.Count c) {
        out.printf("  %-14s %d imported, %d already here%s%n", what, c.imported(), c.alreadyPresent(),
                c.skipped().isEmpty() ? "" : ", " + c.skipped().size() + " skipped:");
        List<String> s = c.skipped();
        for (String why : s) {
            out.println("      " + why);
        }
    }
}
