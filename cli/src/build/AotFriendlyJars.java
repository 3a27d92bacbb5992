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
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step (cli/pom.xml, package phase): makes the runtime jars in a folder ones whose classes
 * the JVM's AOT cache (JEP 483/515) takes. It skips two kinds of class, and bmtool had both:
 * <ul>
 * <li>classes older than Java 6 (class file version 50): picocli 4.7.7 is compiled for Java 5 so
 *     that it runs anywhere. They are rewritten as Java 8 class files (version 52) with stack
 *     maps, the same bytecode otherwise; every class of the new jar is then loaded and
 *     initialised (so verified) before it replaces the old one.
 * <li>classes from signed jars: Bouncy Castle's jars are signed, and the JVM also checks the
 *     signature of such a jar at every start (about 0.2 s of certificate and digest work).
 *     bmtool uses Bouncy Castle's own API, never as a JCA provider, so nothing needs the
 *     signature: the signature files and the manifest's per-entry digests are left out.
 * </ul>
 * Without this every bmtool command loaded and interpreted picocli from scratch and verified
 * Bouncy Castle's signature (docs/benchmarks.md: about 0.2 s each on the 2-core build machine).
 * It also copies sqlite-jdbc's and bmtool's native libraries out of their jars
 * ({@link #extractSqliteLibrary}, {@link #extractPowLibrary}).
 * Any failure leaves that jar as it was, with a note: the build never fails for this.
 * Run: java AotFriendlyJars.java DIR
 */
public final class AotFriendlyJars {
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
                    rewrite(jar);
                    if (jar.getFileName().toString().startsWith("sqlite-jdbc-")) {
                        extractSqliteLibrary(jar, dir.resolve("native"));
                    }
                    if (jar.getFileName().toString().startsWith("bmtool-core-")) {
                        extractPowLibrary(jar, dir.resolve("native"));
                    }
                } catch (IOException | RuntimeException | LinkageError | ReflectiveOperationException e) {
                    System.err.println("note: " + jar.getFileName() + " left as it is (" + e + ")");
                }
            }
        }
    }

    /**
     * bmtool's native PoW library (built into the core jar for this machine's platform, see
     * core/src/main/c/build.sh), copied next to sqlite-jdbc's: the launcher names that folder in
     * {@code bmtool.native.dir}, and the library is loaded from there instead of a temporary
     * copy, which also works where the temporary directory is mounted noexec.
     */
    private static void extractPowLibrary(Path jar, Path out) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            var entries = z.stream().filter(e -> e.getName().startsWith("native/")
                    && e.getName().endsWith("/libbmtoolpow.so")).toList();
            if (entries.size() != 1) {
                return; // not built (no C compiler), or more than one platform: NativePow copies it out itself
            }
            Files.createDirectories(out);
            Path tmp = out.resolve("libbmtoolpow.so.tmp");
            try (InputStream in = z.getInputStream(entries.getFirst())) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, out.resolve("libbmtoolpow.so"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * sqlite-jdbc's native library for this machine, copied out of its jar into {@code out} once:
     * otherwise sqlite-jdbc copies it to a temporary file at every start (the launcher points it
     * here with {@code org.sqlite.lib.path}). sqlite-jdbc itself says which library fits (glibc or
     * musl, the architecture).
     */
    private static void extractSqliteLibrary(Path jar, Path out) throws IOException, ReflectiveOperationException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            String folder = (String) loader.loadClass("org.sqlite.util.OSInfo")
                    .getMethod("getNativeLibFolderPathForCurrentOS").invoke(null);
            String name = System.mapLibraryName("sqlitejdbc");
            try (InputStream in = loader.getResourceAsStream("org/sqlite/native/" + folder + "/" + name)) {
                if (in == null) {
                    return; // no library for this platform in the jar: sqlite-jdbc finds its own way
                }
                Files.createDirectories(out);
                Path tmp = out.resolve(name + ".tmp");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void rewrite(Path jar) throws IOException {
        boolean signed = isSigned(jar);
        boolean old = hasOldClasses(jar);
        if (!signed && !old) {
            return;
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".rewriting");
        List<String> classes = new ArrayList<>();
        Manifest manifest;
        try (JarFile jf = new JarFile(jar.toFile(), false)) {
            manifest = jf.getManifest();
        }
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
                if (signed && manifest != null) {
                    // first, where JarInputStream looks for it; without the per-entry digests
                    Manifest unsigned = new Manifest();
                    unsigned.getMainAttributes().putAll(manifest.getMainAttributes());
                    out.putNextEntry(new ZipEntry(JarFile.MANIFEST_NAME));
                    unsigned.write(out);
                    out.closeEntry();
                }
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    String name = e.getName();
                    if (signed && (isSignature(name) || name.equals(JarFile.MANIFEST_NAME))) {
                        continue;
                    }
                    byte[] bytes = in.readAllBytes();
                    if (old && isClass(name)) {
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
            if (old) {
                check(tmp, classes);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.err.println("rewrote " + jar.getFileName() + ":" + (old ? " class files version " + TARGET : "")
                + (signed ? " signature left out" : ""));
    }

    private static boolean isSignature(String name) {
        return name.startsWith("META-INF/") && name.indexOf('/', 9) < 0
                && (name.endsWith(".SF") || name.endsWith(".RSA") || name.endsWith(".DSA") || name.endsWith(".EC"));
    }

    private static boolean isSigned(Path jar) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (isSignature(e.getName())) {
                    return true;
                }
            }
        }
        return false;
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
