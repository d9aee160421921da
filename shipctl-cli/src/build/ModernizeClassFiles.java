import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step of shipctl-cli, run on the shaded jar after packaging: rewrites the class files older than Java 6 (major
 * version below 50; picocli's are Java 5) as Java 8 class files, with the stack maps the JDK's ClassFile API computes.
 * The code is unchanged. Why: the JDK 25 AOT cache (the launcher's startup cache) skips "old" classes, which are
 * verified by the old type-inferring verifier, so every one-shot run loaded and verified picocli from scratch.
 * Usage: java ModernizeClassFiles.java JAR. Prints how many classes it rewrote; fails on anything it cannot rewrite.
 */
public final class ModernizeClassFiles {
    private static final int JAVA_6 = 50;
    private static final int TARGET = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: ModernizeClassFiles JAR");
        Path jar = Path.of(args[0]).toAbsolutePath();
        int rewritten = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS, ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
            List<Path> classes;
            try (Stream<Path> all = Files.walk(zip.getPath("/"))) {
                classes = all.filter(p -> p.toString().endsWith(".class") && !p.toString().startsWith("/META-INF/")).toList();
            }
            for (Path file : classes) {
                byte[] bytes = Files.readAllBytes(file);
                ClassModel model = cf.parse(bytes);
                if (model.majorVersion() >= JAVA_6) continue;
                ClassTransform upgrade = (builder, element) -> {
                    if (element instanceof ClassFileVersion) builder.withVersion(TARGET, 0);
                    else builder.with(element);
                };
                // re-emitting every method body makes the ClassFile API compute the stack maps a Java 6+ file needs
                byte[] modern = cf.transformClass(model, upgrade.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
                cf.verify(modern).stream().findFirst().ifPresent(error -> {
                    throw new IllegalStateException(file + ": " + error.getMessage(), error);
                });
                Files.write(file, modern);
                rewritten++;
            }
        }
        System.out.println("ModernizeClassFiles: " + rewritten + " class file(s) older than Java 6 rewritten as Java 8 in " + jar.getFileName());
    }
}
