package dev.shipctl.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The runnable jar's Main-Class: on a Java older than 25, one line that says which Java is needed. */
class JavaVersionGateTest {
    @Test
    void readsEveryFormOfTheSpecificationVersion() {
        assertThat(JavaVersionGate.feature("1.8")).isEqualTo(8);
        assertThat(JavaVersionGate.feature("17")).isEqualTo(17);
        assertThat(JavaVersionGate.feature("25")).isEqualTo(25);
        assertThat(JavaVersionGate.feature("26-ea")).isEqualTo(26);
        assertThat(JavaVersionGate.feature("")).isEqualTo(-1);
        assertThat(JavaVersionGate.feature("x")).isEqualTo(-1);
    }

    @Test
    void anOlderJavaGetsOneLineNamingTheJavaNeededAndExitCode9() throws Exception {
        Optional<Path> old = olderJava();
        assumeTrue(old.isPresent(), "no Java older than 25 on this machine");
        // the class as built (target/classes, Java 8 class file), run by that Java
        Process p = new ProcessBuilder(old.get().toString(), "-cp", Path.of("target/classes").toAbsolutePath().toString(),
                JavaVersionGate.class.getName(), "--version").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(9);
        assertThat(out).isEmpty();
        assertThat(err.lines()).singleElement().asString()
                .startsWith("shipctl: needs Java 25 or newer, but this is Java ").doesNotContain("Exception");
    }

    /** A java of a release before 25 in the usual folders. */
    private static Optional<Path> olderJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) return Optional.empty();
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java")) && release(h) > 0 && release(h) < 25)
                    .map(h -> h.resolve("bin/java")).findFirst();
        }
    }

    private static int release(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) return JavaVersionGate.feature(line.substring(13).replace("\"", ""));
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
