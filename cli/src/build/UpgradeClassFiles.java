import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step (cli/pom.xml, package phase): rewrites the class files of the runtime jars in a
 * folder that are older than Java 6 (version 50) as Java 8 class files (version 52) with stack
 * maps, the same bytecode otherwise.
 *
 * <p>Why: the JVM's AOT cache (JEP 483/515) skips "old" classes, and picocli 4.7.7 is compiled
 * for Java 5 so that it runs anywhere. Every bmtool command then loads, verifies and interprets
 * picocli's ~200 classes from scratch, about 0.2 s of each run on the 2-core build machine
 * (docs/benchmarks.md). Upgraded, they go into the cache with the rest.
 *
 * <p>Each upgraded jar is checked before it replaces the original: every class is loaded and
 * initialised (so verified) from it. Any failure leaves the original jar in place, with a note:
 * the build never fails for this. Signed jars are left alone. Run: java UpgradeClassFiles.java DIR
 */
public final class UpgradeClassFiles {
    private static final int OLD = 50;
    private static final int TARGET = 52;

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : jars) {
                try {
                    upgrade(jar);
                } catch (IOException | RuntimeException | LinkageError e) {
                    System.err.println("note: " + jar.getFileName() + " left as it is (" + e + ")");
                }
            }
        }
    }

    private static void upgrade(Path jar) throws IOException {
        if (!hasOldClasses(jar)) {
            return;
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
        List<String> classes = new ArrayList<>();
        try (URLClassLoader hierarchy = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(hierarchy))));
            ClassTransform version = (builder, element) -> {
                if (element instanceof ClassFileVersion) {
                    builder.withVersion(TARGET, 0);
                } else {
                    builder.with(element);
                }
            };
            // rebuilding every method body is what makes the library generate its stack map
            ClassTransform transform = version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL));
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                 OutputStream file = Files.newOutputStream(tmp);
                 ZipOutputStream out = new ZipOutputStream(file)) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    byte[] bytes = in.readAllBytes();
                    String name = e.getName();
                    if (isClass(name)) {
                        ClassModel model = cf.parse(bytes);
                        if (model.majorVersion() < OLD) {
                            bytes = cf.transformClass(model, transform);
                        }
                        classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                    }
                    ZipEntry copy = new ZipEntry(name);
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    out.write(bytes);
                    out.closeEntry();
                }
            }
        }
        try {
            check(tmp, classes);
        } catch (IOException | RuntimeException | LinkageError e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.err.println("upgraded " + jar.getFileName() + ": " + classes.size() + " classes, class file version " + TARGET);
    }

    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/");
    }

    private static boolean hasOldClasses(Path jar) throws IOException {
        boolean old = false;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName();
                if (name.startsWith("META-INF/") && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".EC")
                        || name.endsWith(".DSA"))) {
                    return false; // signed: a rewrite would break the signature
                }
                if (isClass(name)) {
                    byte[] head = in.readNBytes(8);
                    old |= head.length == 8 && (((head[6] & 0xff) << 8) | (head[7] & 0xff)) < OLD;
                }
            }
        }
        return old;
    }

    /** Loads and initialises every class of the new jar, so each one passes the verifier. */
    private static void check(Path jar, List<String> classes) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String c : classes) {
                try {
                    Class.forName(c, true, loader);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                } catch (NoClassDefFoundError e) {
                    // a class for an optional dependency that is not on the path (no verification problem)
                }
            }
        }
    }
}
