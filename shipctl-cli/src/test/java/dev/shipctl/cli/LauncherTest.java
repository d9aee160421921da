package dev.shipctl.cli;

import static dev.shipctl.cli.FileModes.chmod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./shipctl} launcher (issue 11, finding 4), run by bash in a copy of the checkout whose Maven wrapper
 * and java are stand-ins that record what they were given: the build log is a new private file with an
 * unguessable name, removed afterwards; the build lock is never a link; a target/ someone else could have written
 * is neither built in nor run from.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
    static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("shipctl");

    @TempDir
    Path dir;

    Path root;
    Path tmp;
    Path calls;
    Path target;

    @BeforeEach
    void checkout() throws IOException {
        assertThat(LAUNCHER).as("run from the shipctl-cli module").isRegularFile();
        root = Files.createDirectories(dir.resolve("checkout"));
        tmp = Files.createDirectories(dir.resolve("tmp"));
        calls = dir.resolve("calls.txt");
        target = root.resolve("shipctl-cli/target");
        Files.copy(LAUNCHER, root.resolve("shipctl"));
        Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
        script(jdk.resolve("java"), "echo \"java $*\" >> \"$CALLS\"");
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve(".mvn/find-jdk.sh"), "export JAVA_HOME=\"$FAKE_JDK\"\n");
        // the build: says where its output goes and with which mode, then makes the jar (or fails when asked to)
        script(root.resolve("mvnw"), """
                echo "mvnw log=$(readlink /proc/$$/fd/1) mode=$(stat -L -c %a /proc/$$/fd/1)" >> "$CALLS"
                if [ -n "${BUILD_FAILS:-}" ]; then echo "compile error in Foo.java"; exit 1; fi
                mkdir -p shipctl-cli/target && echo jar > shipctl-cli/target/shipctl.jar
                """);
    }

    private static void script(Path p, String body) throws IOException {
        Files.writeString(p, "#!/usr/bin/env bash\n" + body + "\n");
        chmod(p, "rwxr-xr-x");
    }

    record Result(int exitCode, String err, List<String> calls) {}

    private Result launch(Map<String, String> extraEnv, String... prefix) throws Exception {
        List<String> command = new ArrayList<>(List.of(prefix));
        command.addAll(List.of("bash", "-c", "umask 022; cd \"$1\" && exec ./shipctl --version", "launch", root.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "TMPDIR", tmp.toString(), "CALLS", calls.toString(),
                "FAKE_JDK", dir.resolve("jdk").toString(), "SHIPCTL_AOT", "0", "HOME", dir.toString()));
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), err, Files.exists(calls) ? Files.readAllLines(calls) : List.of());
    }

    private Result launch() throws Exception {
        return launch(Map.of());
    }

    private List<Path> leftInTmp() throws IOException {
        try (var files = Files.list(tmp)) {
            return files.toList();
        }
    }

    @Test
    void theLauncherIsValidBash() throws Exception {
        Process p = new ProcessBuilder("bash", "-n", LAUNCHER.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void theBuildLogIsAPrivateFileWithAnUnguessableNameRemovedAfterwards() throws Exception {
        Result r = launch();

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.calls()).hasSize(2);
        assertThat(r.calls().getFirst()).matches("mvnw log=" + tmp + "/shipctl-build\\.[A-Za-z0-9]{8} mode=600");
        assertThat(r.calls().getLast()).isEqualTo("java -XX:+UseSerialGC -Xshare:auto -cp " + target.resolve("shipctl.jar")
                + " dev.shipctl.cli.Main --version");
        assertThat(leftInTmp()).isEmpty();

        Result again = launch();
        assertThat(again.calls()).as("built once").hasSize(3).last().asString().startsWith("java ");
    }

    @Test
    void aFailedBuildShowsItsLogAndLeavesNoFile() throws Exception {
        Result r = launch(Map.of("BUILD_FAILS", "1"));

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("compile error in Foo.java", "shipctl: the build failed (log above)");
        assertThat(r.calls()).hasSize(1);
        assertThat(leftInTmp()).isEmpty();
    }

    @Test
    void aBuildLockThatIsALinkIsRefusedAndItsTargetUntouched() throws Exception {
        Files.createDirectories(target);
        Path victim = Files.writeString(dir.resolve("victim"), "precious\n");
        Files.createSymbolicLink(target.resolve(".build.lock"), victim);

        Result r = launch();

        assertThat(r.exitCode()).isEqualTo(9);
        assertThat(r.err()).contains("shipctl: refusing " + target.resolve(".build.lock") + ": it is a link");
        assertThat(r.calls()).as("nothing built, nothing run").isEmpty();
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
    }

    @Test
    void aTargetOfAnotherUserIsNeitherBuiltInNorRunFrom() throws Exception {
        Files.createDirectories(target);
        Files.writeString(target.resolve("shipctl.jar"), "someone's jar");
        FileModes.giveToNobody(target);

        Result r = launch();

        assertThat(r.exitCode()).isEqualTo(9);
        assertThat(r.err()).contains("shipctl: refusing " + target + ": it is a link, belongs to another user, or others can write it");
        assertThat(r.calls()).isEmpty();
    }

    @Test
    void aTargetOthersCanWriteIsNeitherBuiltInNorRunFrom() throws Exception {
        Files.createDirectories(target);
        Files.writeString(target.resolve("shipctl.jar"), "a jar anyone could have replaced");
        chmod(target, "rwxrwxrwx");

        Result r = launch();

        assertThat(r.exitCode()).isEqualTo(9);
        assertThat(r.calls()).isEmpty();
    }

    @Test
    void anInstalledCopyOwnedByRootRunsForAnAccountThatCannotWriteItAndIsNeverBuiltByIt() throws Exception {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "needs root to run as another user");
        assertThat(launch().exitCode()).as("built by root").isZero();
        chmod(dir, "rwxr-xr-x");
        Files.writeString(calls, "");
        chmod(calls, "rw-rw-rw-");
        String[] asNobody = {"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};

        Result fresh = launch(Map.of(), asNobody);
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(fresh.calls()).containsExactly("java -XX:+UseSerialGC -Xshare:auto -cp " + target.resolve("shipctl.jar")
                + " dev.shipctl.cli.Main --version");

        Files.delete(target.resolve("shipctl.jar")); // as if the sources were updated and not rebuilt
        Files.writeString(calls, "");
        Result stale = launch(Map.of(), asNobody);
        assertThat(stale.exitCode()).isEqualTo(9);
        assertThat(stale.err()).contains("you cannot write " + target, "build it as its owner first");
        assertThat(stale.calls()).isEmpty();
    }
}
