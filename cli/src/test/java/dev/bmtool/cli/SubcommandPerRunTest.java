package dev.bmtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** main builds only the subcommand a run names; everything else gets the whole command tree. */
class SubcommandPerRunTest {

    private static Set<String> built(String... args) {
        return BmtoolCommand.newCommandLine(args).getSubcommands().keySet();
    }

    @Test
    void theNamedSubcommandAloneAfterTheGlobalOptions() {
        assertEquals(Set.of("pow"), built("pow", "--help"));
        assertEquals(Set.of("pow"), built("--data-dir", "/tmp/x", "--verbose", "pow", "serve", "--help"));
        assertEquals(Set.of("inbox"), built("--data-dir=/tmp/x", "inbox"));
        // an alias finds its command, which is then known under every name it has
        assertTrue(built("addressbook").containsAll(Set.of("contacts", "addressbook")), built("addressbook").toString());
    }

    @Test
    void aLoneVersionGetsNoSubcommandAndPrintsTheVersion() {
        assertEquals(Set.of(), built("--version"));
        assertEquals(Set.of(), built("--data-dir", "/tmp/x", "-V"));
        CommandLine cl = BmtoolCommand.newCommandLine(new String[] {"--version"});
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--version"));
        assertTrue(out.toString().startsWith("bmtool "), out.toString());
    }

    @Test
    void helpUnknownAndEmptyGetTheWholeTree() {
        int all = BmtoolCommand.newCommandLine().getSubcommands().size();
        for (String[] args : new String[][] {{}, {"--help"}, {"--version", "pow"}, {"help", "pow"}, {"powe"},
                {"--data-dir"}, {"@args.txt"}}) {
            assertEquals(all, built(args).size(), String.join(" ", args));
        }
    }

    @Test
    void subcommandNameSkipsOnlyTheGlobalOptions() {
        assertEquals("pow", BmtoolCommand.subcommandName(new String[] {"--data-dir", "d", "--verbose", "pow"}));
        assertEquals("--json", BmtoolCommand.subcommandName(new String[] {"--json", "pow"}));
        assertNull(BmtoolCommand.subcommandName(new String[] {"--data-dir", "d"}));
    }

    @Test
    void anUnknownCommandStillGetsSuggestions() {
        CommandLine cl = BmtoolCommand.newCommandLine(new String[] {"powe"});
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(BmtoolCommand.EXIT_USAGE, cl.execute("powe"));
        assertTrue(err.toString().contains("did you mean") && err.toString().contains("pow"), err.toString());
    }
}
