package dev.bmtool.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The mail layer reaches the node through {@link NodeLink} only: no class of the module names a
 * node-lite type except the two adapters, the {@link Mailbox} that wires a node to an agent, the
 * node's logger, and the JDK HTTP server's request time limit that every server sets.
 */
class NodeBoundaryTest {
    private static final Pattern NODE_TYPE = Pattern.compile("dev\\.bmtool\\.node\\.[A-Za-z_.]*[A-Za-z_]");
    private static final Set<String> EVERYWHERE = Set.of("dev.bmtool.node.NodeLog");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "dev/bmtool/mail/InProcessNodeLink.java", Set.of("dev.bmtool.node.Node", "dev.bmtool.node.NodeStatus",
                    "dev.bmtool.node.Offer", "dev.bmtool.node.store.StoredObject"),
            "dev/bmtool/mail/ApiNodeLink.java", Set.of("dev.bmtool.node.api.ApiClient"),
            "dev/bmtool/mail/Mailbox.java", Set.of("dev.bmtool.node.Node", "dev.bmtool.node.NodeConfig",
                    "dev.bmtool.node.api.ApiClient"),
            "dev/bmtool/mail/pyapi/PyApiServer.java", Set.of("dev.bmtool.node.api.ApiServer.limitRequestTime"));

    @Test
    void onlyTheAdaptersTouchTheNode() throws Exception {
        Path src = Path.of("src/main/java");
        assertTrue(Files.isDirectory(src), "run from the mail module's directory: " + src.toAbsolutePath());
        Map<String, Set<String>> outside = new TreeMap<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(src)) {
            for (Path f : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String name = src.relativize(f).toString().replace('\\', '/');
                Set<String> ok = ALLOWED.getOrDefault(name, Set.of());
                Matcher m = NODE_TYPE.matcher(Files.readString(f));
                while (m.find()) {
                    String used = m.group();
                    if (!EVERYWHERE.contains(used) && !ok.contains(used)) {
                        outside.computeIfAbsent(name, k -> new TreeSet<>()).add(used);
                    }
                }
            }
        }
        assertTrue(files > 20, "found the module's sources (" + files + ")");
        assertEquals(Map.of(), outside, "node-lite types used outside the adapters");
    }
}
