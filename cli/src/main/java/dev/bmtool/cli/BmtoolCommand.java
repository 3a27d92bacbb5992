package dev.bmtool.cli;

import dev.bmtool.cli.address.AddressCommand;
import dev.bmtool.cli.keys.KeysCommand;
import dev.bmtool.core.encoding.ProtocolException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code bmtool} top-level command: global options and the list of subcommands. */
@Command(name = "bmtool",
        mixinStandardHelpOptions = true,
        versionProvider = BmtoolCommand.Version.class,
        description = "Bitmessage toolkit: hardware-accelerated proof of work, addresses, crypto and a lightweight node.")
// subcommands: SUBCOMMANDS below, added by newCommandLine (all of them, or only the one a run names)
public final class BmtoolCommand {

    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            dev.bmtool.cli.mail.DemoCommand.class,
            dev.bmtool.cli.pow.PowCommand.class,
            dev.bmtool.cli.pow.BenchCommand.class,
            dev.bmtool.cli.pow.DevicesCommand.class,
            AddressCommand.class,
            KeysCommand.class,
            dev.bmtool.cli.migrate.ImportCommand.class,
            dev.bmtool.cli.mail.IdentityCommand.class,
            dev.bmtool.cli.mail.ChanCommand.class,
            dev.bmtool.cli.mail.SendCommand.class,
            dev.bmtool.cli.mail.SendmailCommand.class,
            dev.bmtool.cli.mail.ReplyCommand.class,
            dev.bmtool.cli.mail.BroadcastCommand.class,
            dev.bmtool.cli.mail.SubscribeCommand.class,
            dev.bmtool.cli.mail.ContactsCommand.class,
            dev.bmtool.cli.mail.BlacklistCommand.class,
            dev.bmtool.cli.mail.WhitelistCommand.class,
            dev.bmtool.cli.mail.InboxCommand.class,
            dev.bmtool.cli.mail.ReadCommand.class,
            dev.bmtool.cli.mail.SentCommand.class,
            dev.bmtool.cli.mail.TrashCommand.class,
            dev.bmtool.cli.settings.SettingsCommand.class,
            dev.bmtool.cli.node.NodeCommand.class,
            dev.bmtool.cli.object.ObjectCommand.class,
            AotTrainingCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit code for failures (bad object, invalid PoW, network error). */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for usage errors (picocli's convention). */
    public static final int EXIT_USAGE = 2;
    /**
     * Exit code of send and broadcast when the message is ready (proof of work done) but no peer
     * took it: it is msgqueued / broadcastqueued and goes out the next time a node runs here.
     */
    public static final int EXIT_QUEUED = 3;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data directory (default: $BMTOOL_HOME or ~/.bmtool).")
    Path dataDir;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show stack traces and debug output.")
    boolean verbose;

    /** The data directory: {@code --data-dir}, else {@code $BMTOOL_HOME}, else {@code ~/.bmtool}. */
    public Path dataDir() {
        Path dir;
        String from;
        String env = System.getenv("BMTOOL_HOME");
        if (dataDir != null) {
            dir = dataDir;
            from = "--data-dir";
        } else if (env != null && !env.isBlank()) {
            dir = Paths.get(env);
            from = "BMTOOL_HOME";
        } else {
            dir = Paths.get(System.getProperty("user.home"), ".bmtool");
            from = "the data directory";
        }
        // a file here would read as "no identities" and let commands go on as if all were well
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new UsageException(from + " " + dir + " is a file, not a directory");
        }
        return dir;
    }

    public boolean verbose() {
        return verbose;
    }

    public static void main(String[] args) {
        // an Error in any thread (the node's API, mail, peers) stops the process with one clear line
        dev.bmtool.node.FatalErrors.install(System.err);
        System.exit(newCommandLine(args).execute(args));
    }

    /** A configured command line with every subcommand; tests use it with their own out/err writers. */
    public static CommandLine newCommandLine() {
        return configure(SUBCOMMANDS);
    }

    /**
     * A command line for these arguments: when they name a subcommand, only that one is built.
     * Picocli reflects over every option of every command it is given, which took 0.4 s of each
     * run's 0.7 s with all of them; a lone --version gets none; help, unknown commands and their
     * suggestions get the full tree.
     */
    static CommandLine newCommandLine(String[] args) {
        String name = subcommandName(args);
        if (args.length > 0 && args[args.length - 1].equals(name) && (name.equals("--version") || name.equals("-V"))) {
            return configure(List.of()); // the version alone needs no subcommand
        }
        if (name != null && !name.equals("help")) {
            for (Class<?> c : SUBCOMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (command.name().equals(name) || List.of(command.aliases()).contains(name)) {
                    return configure(List.of(c));
                }
            }
        }
        return newCommandLine();
    }

    /** The first argument after the global options, or null when there is none. */
    static String subcommandName(String[] args) {
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (a.equals("--data-dir")) {
                i += 2;
            } else if (a.startsWith("--data-dir=") || a.equals("--verbose")) {
                i++;
            } else {
                return a;
            }
        }
        return null;
    }

    private static CommandLine configure(List<Class<?>> subcommands) {
        BmtoolCommand root = new BmtoolCommand();
        CommandLine cl = new CommandLine(root);
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        cl.setExecutionExceptionHandler(new ErrorHandler(root));
        cl.setParameterExceptionHandler(new UsageHandler(root));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Turns exceptions into one clear line on stderr; stack traces only with --verbose. */
    static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        private final BmtoolCommand root;

        ErrorHandler(BmtoolCommand root) {
            this.root = root;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
            PrintWriter err = cl.getErr();
            if (ex instanceof UsageException) {
                err.println("bmtool: " + ex.getMessage());
                err.flush();
                return EXIT_USAGE;
            }
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            Throwable io = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
            if (io instanceof java.nio.file.FileSystemException f && msg.equals(f.getMessage())) {
                msg = fileProblem(f); // NIO's own message is often the bare path
            }
            if (ex instanceof ProtocolException) {
                msg = "invalid input: " + msg;
            }
            err.println("bmtool: " + msg);
            if (root.verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_FAILURE;
        }
    }

    /** "PATH: reason" for a file error whose message would be just the path. */
    public static String fileProblem(java.nio.file.FileSystemException f) {
        String reason = f instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : f instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                : f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        String file = f.getFile() == null ? "" : f.getFile();
        String other = f.getOtherFile() == null ? "" : " -> " + f.getOtherFile();
        return file + other + ": " + reason;
    }

    /**
     * Parse errors (missing or unknown options, bad values) as one line on stderr, like every
     * other error, with a pointer to the command's help instead of picocli's full usage dump.
     */
    static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
        private final BmtoolCommand root;

        UsageHandler(BmtoolCommand root) {
            this.root = root;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            String m = String.valueOf(ex.getMessage());
            if (m.equals("missing subcommand") || m.startsWith("Missing required subcommand")) {
                // a bare group command: its usage lists what it can do
                cl.usage(err);
                err.flush();
                return EXIT_USAGE;
            }
            StringBuilder line = new StringBuilder("bmtool: ");
            if (ex instanceof CommandLine.UnmatchedArgumentException u && ex.getMessage().startsWith("Unmatched argument")) {
                // picocli's "at index N" counts global options too; name the argument instead
                line.append(cl.getSubcommands().isEmpty() ? "unexpected argument" : "unknown command")
                        .append(u.getUnmatched().size() > 1 ? "s " : " ")
                        .append(String.join(" ", u.getUnmatched().stream().map(a -> "'" + a + "'").toList()));
            } else {
                line.append(ex.getMessage());
            }
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                List<String> best = closest(u.getUnmatched().isEmpty() ? "" : u.getUnmatched().getFirst(),
                        u.getSuggestions());
                line.append(" (did you mean ").append(String.join(" or ", best)).append("?)");
            }
            line.append(" (see '").append(cl.getCommandSpec().qualifiedName()).append(" --help')");
            err.println(line);
            if (root.verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            // a command may have its own code (sendmail: EX_USAGE 64, what mail programs expect)
            int own = cl.getCommandSpec().exitCodeOnInvalidInput();
            return own != CommandLine.ExitCode.USAGE ? own : EXIT_USAGE;
        }
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = BmtoolCommand.class.getPackage().getImplementationVersion();
            return new String[] {"bmtool " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
        }
    }

    /**
     * picocli's suggestions, reduced to those nearest to what was typed (edit distance), so
     * "inbx" suggests inbox and not also settings.
     */
    static List<String> closest(String typed, List<String> suggestions) {
        int best = Integer.MAX_VALUE;
        List<String> out = new java.util.ArrayList<>();
        for (String s : suggestions) {
            int d = editDistance(typed, s);
            if (d < best) {
                best = d;
                out.clear();
            }
            if (d == best) {
                out.add(s);
            }
        }
        return out;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
