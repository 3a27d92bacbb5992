package dev.bmtool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bmtool.cli.address.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs from issue 13's attack run: each gets a clear one-line error and a non-zero exit. */
class BadInputTest {
    @TempDir
    Path dir;

    private static void oneClearLine(CliRunner.Result r, int rc, String mustContain) {
        assertEquals(rc, r.rc(), r.err());
        String err = r.err().strip();
        assertTrue(err.startsWith("bmtool: "), err);
        assertFalse(err.contains("\n"), err);
        assertTrue(err.contains(mustContain), err);
    }

    @Test
    void powTargetZeroOrAbsurdIsRejectedBeforeSearching() {
        String ih = "00".repeat(64);
        oneClearLine(CliRunner.run("pow", "--initial-hash", ih, "--target", "0"), 2, "trials on average");
        oneClearLine(CliRunner.run("pow", "--initial-hash", ih, "--target", "1000"), 2,
                "smallest accepted target is 16384");
    }

    @Test
    void keysImportOfANonUtf8FileSaysSo() throws Exception {
        Path bin = dir.resolve("keys.bin");
        Files.write(bin, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28});
        oneClearLine(CliRunner.run("--data-dir", dir.resolve("d").toString(), "keys", "import", bin.toString()), 2,
                "not UTF-8 text");
    }

    @Test
    void dataDirThatIsAFileIsAnError() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        oneClearLine(CliRunner.run("--data-dir", file.toString(), "keys", "list"), 2,
                "is a file, not a directory");
    }
}
