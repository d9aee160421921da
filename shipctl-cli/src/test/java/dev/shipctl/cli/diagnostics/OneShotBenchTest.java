package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.Main;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.testkit.SandboxExtension;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code shipctl bench}: short runs against the sandbox (and a second sandbox standing in for a real server), whose
 * children are real shipctl processes started by a small launcher script. Shape only: no timing is asserted.
 */
@DisabledOnOs(OS.WINDOWS) // the launcher here is a POSIX shell script
class OneShotBenchTest {
    @TempDir
    Path dir;

    /** The "real server": reached through -p/-u like any other, so the relay sits in front of its login port only. */
    @RegisterExtension
    static final SandboxExtension REAL = SandboxExtension.withDemoAccounts();

    private static final List<String> BREAKDOWN = List.of("jvm_start_ms", "init_ms", "network_ms", "exit_ms");

    @Test
    void jsonHasEveryRowOfTheSandboxWithItsWholeBreakdown() throws Exception {
        Cli.Run run = new Cli(dir).run("bench", "--runs", "2", "--json", "--launcher", launcher().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.json()).as(run.toString()).hasSize(1);
        JsonNode o = run.json().getFirst();
        assertThat(o.get("runs").asInt()).isEqualTo(2);
        assertFigures(o.get("hello_world_jvm_ms"));
        List<String> rows = o.get("rows").valueStream()
                .map(r -> r.get("target").asString() + " " + r.get("verb").asString() + " " + r.get("path").asString()).toList();
        assertThat(rows).containsExactly("sandbox check full", "sandbox announce full", "sandbox check fast", "sandbox announce fast");
        for (JsonNode r : o.get("rows")) {
            assertThat(r.get("attempts").asInt()).as(r.toString()).isEqualTo(2);
            assertThat(r.get("ok").asInt()).as(r.toString()).isEqualTo(2);
            if (r.get("path").asString().equals("fast")) {
                assertThat(r.get("fell_back").asInt()).as("every fast run went straight to the block: " + r).isZero();
            }
            assertFigures(r.get("start_to_verdict_ms"));
            assertFigures(r.get("start_to_exit_ms"));
            for (String part : BREAKDOWN) assertFigures(r.get("breakdown").get(part));
        }
        assertThat(o.get("notes").valueStream().map(JsonNode::asString))
                .anyMatch(n -> n.startsWith("sandbox: a relay on 127.0.0.2 is in front of every port"));
    }

    @Test
    void aRealServerIsSeenAtItsLoginPortOnlyAndTheTextSaysWhatIsNotMeasured() throws Exception {
        Cli.Run run = new Cli(dir).env("SHIPCTL_PASSWORD", "gmadmin123")
                .run("bench", "--runs", "1", "--no-announce", "-p", String.valueOf(REAL.loginPort()), "-u", "gmadmin",
                        "--launcher", launcher().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        String real = "real 127.0.0.1:" + REAL.loginPort();
        List<String> lines = run.outLines();
        assertThat(lines.get(1)).contains("target", "verb", "login", "ok", "start->verdict", "start->exit", "JVM start", "our init", "network", "exit");
        assertThat(lines).anyMatch(l -> l.startsWith("hello-world JVM"));
        assertThat(lines).anyMatch(l -> l.matches("sandbox\\s+check\\s+full\\s+1/1\\s.*"));
        assertThat(lines).anyMatch(l -> l.matches("sandbox\\s+check\\s+fast\\s+1/1 fast\\s.*"));
        assertThat(lines).anyMatch(l -> l.matches(java.util.regex.Pattern.quote(real) + "\\s+check\\s+full\\s+1/1\\s.*"));
        // the fast path goes straight to the real server's block, past the relay: no init, no network, a note says so
        assertThat(lines).anyMatch(l -> l.matches(java.util.regex.Pattern.quote(real) + "\\s+check\\s+fast\\s+1/1 fast\\s.*-\\s+-\\s+\\d+"));
        assertThat(lines).anyMatch(l -> l.startsWith("note: " + real + ": the relay is in front of its login port only"));
        assertThat(lines).anyMatch(l -> l.equals("note: announce not run (--no-announce)"));
        assertThat(run.out()).doesNotContain("gmadmin123");
    }

    @Test
    void aTraceIsRefusedBeforeAnythingRuns() throws Exception {
        Cli.Run run = new Cli(dir).run("bench", "--no-real", "--trace", dir.resolve("t.jsonl").toString(), "--launcher", launcher().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("bench does not take --trace");
        assertThat(dir.resolve("t.jsonl")).doesNotExist();
    }

    @Test
    void figuresAreTheMedianAndTheNearestRankNinetiethPercentile() {
        BenchFigures f = new BenchFigures();
        for (double v : new double[] {50, 10, 40, 20, 30, 60, 70, 80, 90, 100}) f.add(v);
        f.add(null); // not measured in that run: left out

        assertThat(f.count()).isEqualTo(10);
        assertThat(f.median()).contains(55.0);
        assertThat(f.p90()).contains(90.0);
        assertThat(f.medianAndP90Text()).isEqualTo("55 / 90");
        assertThat(new BenchFigures().medianText()).isEqualTo("-");
    }

    /** A launcher like ./shipctl: shipctl on this test's module and class path, in a JVM of its own. */
    private Path launcher() throws Exception {
        Set<String> entries = new LinkedHashSet<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) entries.addAll(List.of(value.split(File.pathSeparator)));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = dir.resolve("shipctl-under-test");
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '"
                + String.join(File.pathSeparator, entries) + "' " + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static void assertFigures(JsonNode figures) {
        assertThat(figures).as("figures").isNotNull();
        assertThat(figures.isObject()).as("measured: " + figures).isTrue();
        assertThat(figures.get("median").isNumber()).as(figures.toString()).isTrue();
        assertThat(figures.get("p90").isNumber()).as(figures.toString()).isTrue();
    }
}
