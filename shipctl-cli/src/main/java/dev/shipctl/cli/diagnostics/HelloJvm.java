package dev.shipctl.cli.diagnostics;

import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_void;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The yardstick of {@code shipctl bench}: a hello-world JVM on the same Java as shipctl, its class written here with
 * the JDK's class-file API (an installed shipctl's runtime has no {@code javac}).
 */
final class HelloJvm {
    private static final String NAME = "Hello";

    private HelloJvm() {}

    /** Writes {@code Hello.class} into {@code dir}; the command that runs it with {@code java}. */
    static List<String> command(Path java, Path dir) throws IOException {
        ClassDesc system = ClassDesc.of("java.lang.System");
        ClassDesc printStream = ClassDesc.of("java.io.PrintStream");
        byte[] bytes = ClassFile.of().build(ClassDesc.of(NAME), c -> c
                .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL)
                .withMethodBody("main", MethodTypeDesc.of(CD_void, CD_String.arrayType()),
                        ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, code -> code
                                .getstatic(system, "out", printStream)
                                .ldc("hello")
                                .invokevirtual(printStream, "println", MethodTypeDesc.of(CD_void, CD_String))
                                .return_()));
        Files.write(dir.resolve(NAME + ".class"), bytes);
        return List.of(java.toString(), "-XX:+UseSerialGC", "-cp", dir.toString(), NAME);
    }
}
