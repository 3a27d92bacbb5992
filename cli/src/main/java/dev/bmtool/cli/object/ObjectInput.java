package dev.bmtool.cli.object;

import dev.bmtool.cli.UsageException;
import dev.bmtool.core.encoding.Hex;
import dev.bmtool.core.encoding.ProtocolException;
import dev.bmtool.core.object.BitmessageObject;
import dev.bmtool.core.wire.Packet;
import dev.bmtool.core.wire.PacketHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The object source shared by the object subcommands: a FILE (hex text or raw binary,
 * detected; {@code -} for stdin) or {@code --hex}. A whole {@code object} packet (24-byte
 * header first) is accepted too and unwrapped after its checksum is checked.
 */
public final class ObjectInput {
    /** Files larger than this cannot hold an object (hex doubles the size). */
    private static final int MAX_FILE = 4 * 1024 * 1024;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "File with the object as hex text or raw bytes ('-' for stdin).")
    Path file;

    @Option(names = "--hex", paramLabel = "HEX", description = "The object as a hex string.")
    String hex;

    /** Loads and decodes the object; usage errors for missing/duplicate sources. */
    public BitmessageObject load(InputStream stdin) {
        if ((file == null) == (hex == null)) {
            throw new UsageException(file == null ? "give an object FILE or --hex HEX" : "give either FILE or --hex, not both");
        }
        byte[] bytes = hex != null ? hexArgument(hex) : decodeFileContent(readFile(stdin));
        return parse(bytes);
    }

    /** A mistyped --hex is a usage error (exit 2), like pow's --initial-hash. */
    private static byte[] hexArgument(String hex) {
        String h = hex.strip();
        if (h.startsWith("0x") || h.startsWith("0X")) {
            h = h.substring(2);
        }
        try {
            return Hex.decode(h);
        } catch (ProtocolException e) {
            throw new UsageException("--hex: " + e.getMessage());
        }
    }

    private byte[] readFile(InputStream stdin) {
        try {
            if (file.toString().equals("-")) {
                return stdin.readNBytes(MAX_FILE + 1);
            }
            if (Files.size(file) > MAX_FILE) {
                throw new UsageException(file + ": too large for an object");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Hex text if every byte is a hex digit or whitespace (an optional 0x prefix allowed), else raw. */
    static byte[] decodeFileContent(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1).strip();
        if (text.startsWith("0x") || text.startsWith("0X")) {
            text = text.substring(2);
        }
        if (!text.isEmpty() && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || Character.isWhitespace(c))) {
            return Hex.decode(text);
        }
        return content;
    }

    /** An object, or an {@code object} packet whose payload is one. */
    static BitmessageObject parse(byte[] bytes) {
        if (bytes.length >= PacketHeader.LENGTH && bytes[0] == (byte) 0xE9 && bytes[1] == (byte) 0xBE
                && bytes[2] == (byte) 0xB4 && bytes[3] == (byte) 0xD9
                && Arrays.equals(bytes, 4, 11, "object\0".getBytes(StandardCharsets.US_ASCII), 0, 7)) {
            Packet p = Packet.read(bytes);
            return BitmessageObject.read(p.payload());
        }
        return BitmessageObject.read(bytes);
    }
}
