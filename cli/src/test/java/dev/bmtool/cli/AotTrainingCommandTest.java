package dev.bmtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.address.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's AOT-cache training workload: every step succeeds, and users never see it. */
@Timeout(120)
class AotTrainingCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyStepOfTheWorkloadSucceedsOnAScratchDataDir() throws Exception {
        String[] args = {"--data-dir", dir.toString(), "train-aot-cache"};
        CliRunner.Result r = CliRunner.run(BmtoolCommand.newCommandLine(args), args);
        assertEquals(0, r.rc(), r.err());
        assertEquals("", r.out(), "the steps' output is dropped");
        assertEquals("", r.err());
        // the identity step wrote to the scratch dir, not to the user's
        assertTrue(Files.readString(dir.resolve("keys.dat")).contains("label = aot"));
    }

    @Test
    void jsonSaysHowManyStepsRanAndFailed() {
        String[] args = {"--data-dir", dir.toString(), "train-aot-cache", "--json"};
        CliRunner.Result r = CliRunner.run(BmtoolCommand.newCommandLine(args), args);
        assertEquals(0, r.rc(), r.err());
        assertEquals(java.util.Map.of("steps", (long) AotTrainingCommand.workload().size(), "failed", 0L),
                dev.bmtool.core.json.Json.parseObject(r.out().trim()));
    }

    @Test
    void theTrainingCommandIsHidden() {
        CliRunner.Result help = CliRunner.run("--help");
        assertEquals(0, help.rc());
        assertFalse(help.out().contains("train-aot-cache"), help.out());
        assertTrue(help.out().contains("inbox"), help.out());
    }
}
