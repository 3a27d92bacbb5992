package dev.bmtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Parse errors of every command: one line on stderr, exit 2, nothing on stdout. */
class UsageErrorsTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = BmtoolCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "address decode",
        "address decode a b",
        "address deterministic pass",
        "address from-keys 5JT3o2MewJeQSXmSUpHD1PfkWF2vsfnARFG7TP6ehxBL2JJoPpm",
        "pow --foo",
        "pow --ttl x",
        "inbox --for",
        "send --to BM-2cWy7cvHoq3f1rYMerRJp8PT653jjSuEdY --body x",
        "chan join",
        "bogus",
    })
    void parseErrorIsOneLineWithHelpPointer(String line) {
        Run r = run(line.split(" "));
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.startsWith("bmtool: "), err);
        assertTrue(err.contains("--help')"), err);
        assertFalse(err.contains("Usage:"), err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"address", "keys", "object", "node", "identity", "chan"})
    void bareGroupCommandListsItsSubcommandsOnStderr(String group) {
        Run r = run(group);
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Usage: bmtool " + group), r.err());
    }

    @org.junit.jupiter.api.Test
    void unknownCommandIsNamedWithSuggestion() {
        Run r = run("--data-dir", "/tmp/x", "inbx");
        assertTrue(r.err().startsWith("bmtool: unknown command 'inbx' (did you mean inbox?)"), r.err());
    }

    @org.junit.jupiter.api.Test
    void suggestionsAreTheNearestOnly() {
        assertEquals(java.util.List.of("inbox"), BmtoolCommand.closest("inbx", java.util.List.of("inbox", "settings")));
        assertEquals(java.util.List.of("send", "sent"), BmtoolCommand.closest("sen", java.util.List.of("send", "sent",
                "settings")));
    }

    @org.junit.jupiter.api.Test
    void everySummaryLineIsAWholeSentence() {
        // picocli shows only the first description line in command lists
        java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(BmtoolCommand.newCommandLine());
        while (!todo.isEmpty()) {
            CommandLine cl = todo.poll();
            String[] d = cl.getCommandSpec().usageMessage().description();
            assertTrue(d.length > 0 && d[0].endsWith("."), cl.getCommandSpec().qualifiedName() + ": " + String.join("|", d));
            todo.addAll(cl.getSubcommands().values());
        }
    }

    @org.junit.jupiter.api.Test
    void fileErrorsSayWhyNotJustThePath() throws Exception {
        java.nio.file.NoSuchFileException e = new java.nio.file.NoSuchFileException("/x/y");
        assertEquals("/x/y: no such file or directory", BmtoolCommand.fileProblem(e));
        assertEquals("/x: Not a directory", BmtoolCommand.fileProblem(new java.nio.file.FileSystemException("/x", null, "Not a directory")));
        // through the error handler: an exception whose message is just the path
        CommandLine cl = BmtoolCommand.newCommandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int rc = cl.getExecutionExceptionHandler().handleExecutionException(new java.io.UncheckedIOException(e.getMessage(), e), cl, null);
        assertEquals(1, rc);
        assertEquals("bmtool: /x/y: no such file or directory", err.toString().strip());
    }

    @org.junit.jupiter.api.Test
    void everyCommandHasHelpAndJson() {
        // README: "Every command has --help and --json"
        java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>();
        todo.add(BmtoolCommand.newCommandLine());
        java.util.List<String> missing = new java.util.ArrayList<>();
        while (!todo.isEmpty()) {
            CommandLine cl = todo.poll();
            var spec = cl.getCommandSpec();
            boolean leaf = cl.getSubcommands().isEmpty();
            if (spec.findOption("--help") == null || leaf && !spec.name().equals("help") && spec.findOption("--json") == null) {
                missing.add(spec.qualifiedName());
            }
            todo.addAll(cl.getSubcommands().values());
        }
        assertEquals(java.util.List.of(), missing);
    }
}
