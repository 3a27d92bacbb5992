package dev.bmtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.address.CliRunner;
import dev.bmtool.core.json.Json;
import dev.bmtool.mail.MailStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The CLI reads as one design: the same option names and JSON field names everywhere. */
class CliConsistencyTest {
    private static final Pattern CAMEL = Pattern.compile("[a-z][a-zA-Z0-9]*");

    @TempDir
    Path dir;

    /** Every runnable command: the leaves, plus pow (runnable, with pow serve under it). */
    private static List<CommandLine> leaves(CommandLine cl) {
        List<CommandLine> out = new ArrayList<>();
        if (cl.getSubcommands().isEmpty() || cl.getCommandName().equals("pow")) {
            out.add(cl);
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandName().equals("help") && !out.contains(sub)) {
                out.addAll(leaves(sub));
            }
        }
        return out.stream().distinct().toList();
    }

    @Test
    void everyCommandHasTheOneJsonOptionAndOneProgressSwitch() {
        String jsonHelp = new CommandLine(new JsonOption()).getCommandSpec().findOption("--json").description()[0];
        List<CommandLine> all = leaves(BmtoolCommand.newCommandLine());
        assertTrue(all.size() > 30, "walked " + all.size());
        for (CommandLine c : all) {
            String name = c.getCommandSpec().qualifiedName();
            OptionSpec json = c.getCommandSpec().findOption("--json");
            if (c.getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            assertNotNull(json, name + " has --json");
            assertEquals(jsonHelp, json.description()[0], name + ": --json from the JsonOption mixin");
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (!o.hidden()) {
                    assertFalse(List.of(o.names()).contains("--quiet"), name + ": progress is --no-progress");
                    assertFalse(List.of(o.names()).contains("--save") && name.startsWith("bmtool address"),
                            name + ": address commands compute only");
                }
                if (List.of(o.names()).contains("--version") && !o.usageHelp() && !o.versionHelp()) {
                    assertTrue(o.hidden(), name + ": --version is the address version's hidden old name");
                }
            }
        }
    }

    @Test
    void jsonFieldsAreCamelCaseAndEncodingIsAName() throws Exception {
        try (MailStore store = MailStore.open(dir)) {
            store.addInbox(new byte[32], new byte[32], "msg", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK",
                    "BM-2cV5f9EpzaYARxtoruSpa6pDoucSf9ZNke", "s", "b", 2, 1_700_000_000L);
            store.addSent(new byte[32], "msg", "BM-2cWzSnwjJ7yRP3nLEWUV5LisTZyREWSzUK",
                    "BM-2cV5f9EpzaYARxtoruSpa6pDoucSf9ZNke", "s", "b", 600, MailStore.AWAITING_PUBKEY, 1_700_000_000L);
        }
        for (String[] args : List.of(new String[] {"inbox", "--json"}, new String[] {"sent", "--json"},
                new String[] {"read", "1", "--json"}, new String[] {"address", "new", "--json"},
                new String[] {"address", "vanity", "--prefix", "S", "--json", "--no-progress"})) {
            List<String> full = new ArrayList<>(List.of("--data-dir", dir.toString()));
            full.addAll(List.of(args));
            CliRunner.Result r = CliRunner.run(full.toArray(String[]::new));
            assertEquals(0, r.rc(), String.join(" ", args) + ": " + r.err());
            Object doc = Json.parse(r.out().trim());
            assertCamel(doc, String.join(" ", args));
            if (args[0].equals("inbox") || args[0].equals("sent")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> first = ((List<Map<String, Object>>) doc).getFirst();
                assertEquals("simple", first.get("encoding"), args[0] + ": one spelling of the encoding");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertCamel(Object doc, String where) {
        if (doc instanceof Map<?, ?> m) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                assertTrue(CAMEL.matcher(e.getKey()).matches(), where + ": field " + e.getKey());
                assertCamel(e.getValue(), where);
            }
        } else if (doc instanceof List<?> l) {
            l.forEach(x -> assertCamel(x, where));
        }
    }

    @Test
    void addressFromKeysTakesTheDocumentedOptionName() {
        String sig = "5K42shDERM5g7Kbi3JT5vsAWpXMqRhWZpX835M2pdSoqQQpJMYm";
        CliRunner.Result r = CliRunner.run("address", "from-keys", "--signing-wif", sig, "--encryption-wif", sig,
                "--address-version", "3", "--json");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().contains("\"version\":3"), r.out());
        CliRunner.Result old = CliRunner.run("address", "from-keys", "--signing-wif", sig, "--encryption-wif", sig,
                "--version", "3", "--json");
        assertEquals(r.out(), old.out(), "--version still works, hidden");
        assertFalse(CliRunner.run("address", "from-keys", "--help").out().contains("--version"));
        assertEquals(0, CliRunner.run("address", "vanity", "--prefix", "S", "--quiet").rc(), "--quiet: hidden alias");
    }
}
