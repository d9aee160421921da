package dev.shipctl.cli;

import static dev.shipctl.cli.fixtures.FileModes.chmod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shipctl.cli.fixtures.FileModes;
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

    /** How the launcher starts java: serial GC, and native access for JLine (no "restricted method" warnings). */
    /** How a one-shot verb (here {@code --version}) is run: on the JIT's first tier only. */
    static final String RUN = "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED ";

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
        // records its arguments; a training run writes the cache it is asked for (or fails where it cannot)
        script(jdk.resolve("java"), """
                echo "java $*" >> "$CALLS"
                for a in "$@"; do case $a in -XX:AOTCacheOutput=*) echo cache > "${a#-XX:AOTCacheOutput=}" || exit 1;; esac; done
                """);
        Files.createDirectories(root.resolve(".mvn"));
        Files.writeString(root.resolve(".mvn/find-jdk.sh"), "export JAVA_HOME=\"$FAKE_JDK\"\n");
        // the build: says where its output goes and with which mode, then makes the jar (or fails when asked to)
        script(root.resolve("mvnw"), """
                echo "mvnw log=$(readlink /proc/$$/fd/1) mode=$(stat -L -c %a /proc/$$/fd/1)" >> "$CALLS"
                if [ -n "${BUILD_FAILS:-}" ]; then echo "compile error in Foo.java"; exit 1; fi
                [ "$PWD" = "$(cd "$(dirname "$0")" && pwd)" ] || { echo "mvnw run in $PWD, not in the checkout"; exit 1; }
                mkdir -p shipctl-cli/target && echo jar > shipctl-cli/target/shipctl.jar
                """);
    }

    private static void script(Path p, String body) throws IOException {
        Files.writeString(p, "#!/usr/bin/env bash\n" + body + "\n");
        chmod(p, "rwxr-xr-x");
    }

    record Result(int exitCode, String err, List<String> calls) {}

    private Result launch(Map<String, String> extraEnv, String... prefix) throws Exception {
        return launchAs(root, "./shipctl", extraEnv, prefix);
    }

    /** Runs {@code launcher --version} from the folder {@code cwd}. */
    private Result launchAs(Path cwd, String launcher, Map<String, String> extraEnv, String... prefix) throws Exception {
        return launchWith(cwd, launcher, extraEnv, List.of("--version"), prefix);
    }

    /** Runs {@code launcher ARGS...} from the folder {@code cwd}. */
    private Result launchWith(Path cwd, String launcher, Map<String, String> extraEnv, List<String> args, String... prefix) throws Exception {
        List<String> command = new ArrayList<>(List.of(prefix));
        command.addAll(List.of("bash", "-c", "umask 022; cd \"$1\" && shift 2 && exec \"$0\" \"$@\"", launcher, cwd.toString(), "x"));
        command.addAll(args);
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
    void oneShotVerbsAndSwarmRunOnTheFirstTierSwarmCompilingSoonerLongRunningOnesOnBothAndTheUsersOptionsComeAfter() throws Exception {
        assertThat(launch().exitCode()).as("built").isZero();
        for (List<String> args : List.of(List.of("-v", "sandbox"), List.of("listen", "-u", "x"), List.of("watch"), List.of("shell"),
                List.of("bridge"))) {
            Files.writeString(calls, "");
            Result r = launchWith(root, "./shipctl", Map.of(), args);
            assertThat(r.calls()).as(String.join(" ", args)).singleElement().asString()
                    .startsWith("java -XX:+UseSerialGC ").doesNotContain("TieredStopAtLevel");
        }
        Files.writeString(calls, "");
        Result swarm = launchWith(root, "./shipctl", Map.of(), List.of("swarm", "--sandbox"));
        assertThat(swarm.calls()).as("swarm: a ramp of logins, hot from its first second").singleElement().asString()
                .startsWith("java -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.05 -XX:+UseSerialGC ");
        Files.writeString(calls, "");
        Result announce = launchWith(root, "./shipctl", Map.of("SHIPCTL_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), List.of("-v", "announce", "hi"));
        assertThat(announce.calls()).singleElement().asString()
                .startsWith("java -XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4 -XX:+UseSerialGC ").endsWith("dev.shipctl.cli.Main -v announce hi");
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
        assertThat(r.calls().getLast()).isEqualTo(RUN + "-Xshare:auto -cp " + target.resolve("shipctl.jar")
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
        assertThat(fresh.calls()).containsExactly(RUN + "-Xshare:auto -cp " + target.resolve("shipctl.jar")
                + " dev.shipctl.cli.Main --version");

        Files.delete(target.resolve("shipctl.jar")); // as if the sources were updated and not rebuilt
        Files.writeString(calls, "");
        Result stale = launch(Map.of(), asNobody);
        assertThat(stale.exitCode()).isEqualTo(9);
        assertThat(stale.err()).contains("you cannot write " + target, "build it as its owner first");
        assertThat(stale.calls()).isEmpty();
    }

    @Test
    void aLinkToTheLauncherRunsTheCheckoutItPointsAt() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("home/bin"));
        Files.createSymbolicLink(bin.resolve("shipctl"), root.resolve("shipctl"));
        Path relative = Files.createDirectories(dir.resolve("other"));
        Files.createSymbolicLink(relative.resolve("shipctl"), relative.relativize(bin.resolve("shipctl"))); // a link to the link

        Result r = launchAs(dir, "other/shipctl", Map.of()); // from another folder: the build, too, runs in the checkout

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.calls()).hasSize(2).last().isEqualTo(RUN + "-Xshare:auto -cp " + target.resolve("shipctl.jar")
                + " dev.shipctl.cli.Main --version");
    }

    @Test
    void theStartupCachesAreMadeOnceWithTheFlagsOfEveryRunAndJsonRunsTakeTheirOwn() throws Exception {
        Result r = launch(Map.of("SHIPCTL_AOT", "1"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        Path jar = target.resolve("shipctl.jar");
        Path aot = target.resolve("shipctl.aot");
        Path aotJson = target.resolve("shipctl-json.aot");
        assertThat(r.calls()).hasSize(6); // build; train and check each cache; run
        assertThat(r.calls().get(1)).startsWith("java -XX:AOTCacheOutput=" + aot + "." ).endsWith(
                ".tmp -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -Xlog:disable -Xlog:all=off -cp " + jar + " dev.shipctl.cli.Main bench train");
        assertThat(r.calls().get(3)).startsWith("java -XX:AOTCacheOutput=" + aotJson + ".").endsWith(
                ".tmp -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -Xlog:disable -Xlog:all=off -cp " + jar + " dev.shipctl.cli.Main bench train --json");
        // a plain run takes the plain runs' cache
        assertThat(r.calls().getLast()).isEqualTo(RUN + "-XX:AOTCache=" + aot + " -Xlog:aot=off -Xlog:cds=off -cp " + jar
                + " dev.shipctl.cli.Main --version");
        assertThat(aot).hasContent("cache");
        assertThat(aotJson).hasContent("cache");

        // made once: the next runs only run, with the cache their arguments call for (text after "--" asks for nothing)
        Files.writeString(calls, "");
        assertThat(launchWith(root, "./shipctl", Map.of("SHIPCTL_AOT", "1"), List.of("check", "--json")).exitCode()).isZero();
        Result text = launchWith(root, "./shipctl", Map.of("SHIPCTL_AOT", "1"), List.of("announce", "--", "--json"));
        assertThat(text.calls()).containsExactly(
                RUN + "-XX:AOTCache=" + aotJson + " -Xlog:aot=off -Xlog:cds=off -cp " + jar + " dev.shipctl.cli.Main check --json",
                RUN + "-XX:AOTCache=" + aot + " -Xlog:aot=off -Xlog:cds=off -cp " + jar + " dev.shipctl.cli.Main announce -- --json");
    }

    @Test
    void aCacheThatCannotBeWrittenIsSkippedNeverFatal() throws Exception {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "needs root to run as another user");
        assertThat(launch().exitCode()).as("built, without a cache").isZero();
        // the checkout is nobody's, but a build lock someone made with sudo is root's: nobody cannot open it
        chmod(dir, "rwxr-xr-x");
        Files.writeString(target.resolve(".build.lock"), "");
        for (Path p : List.of(root, root.resolve("shipctl-cli"), target, target.resolve("shipctl.jar"))) FileModes.giveToNobody(p);
        Files.writeString(calls, "");
        chmod(calls, "rw-rw-rw-");

        Result r = launch(Map.of("SHIPCTL_AOT", "1"), "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.calls()).containsExactly(RUN + "-Xshare:auto -cp " + target.resolve("shipctl.jar") + " dev.shipctl.cli.Main --version");
        assertThat(target.resolve("shipctl.aot")).doesNotExist();
    }

    @Test
    void aStaleJarTheUserCannotRebuildRunsWithAWarning() throws Exception {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "needs root to run as another user");
        assertThat(launch().exitCode()).as("built by root").isZero();
        chmod(dir, "rwxr-xr-x");
        Path source = Files.createDirectories(root.resolve("shipctl-cli/src/main"));
        Files.writeString(source.resolve("Changed.java"), "class Changed {}"); // a `git pull` after the build
        Files.setLastModifiedTime(target.resolve("shipctl.jar"), java.nio.file.attribute.FileTime.fromMillis(0));
        Files.writeString(calls, "");
        chmod(calls, "rw-rw-rw-");

        Result r = launch(Map.of(), "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("is older than the sources and you cannot rebuild it; running it anyway", "build it as its owner first");
        assertThat(r.calls()).as("not built, run").singleElement().asString().startsWith(RUN);
    }
}
