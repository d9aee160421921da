package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.output.Json;
import dev.shipctl.sandbox.Role;
import dev.shipctl.sandbox.Sandbox;
import dev.shipctl.sandbox.SandboxEffect;
import dev.shipctl.sandbox.LoginStep;
import dev.shipctl.testkit.SandboxExtension;
import dev.shipctl.sandbox.SandboxEvent;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** {@code check} end to end against the sandbox: real sockets on ephemeral ports. */
class CheckCommandTest {
    @TempDir
    Path config;

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.withDemoAccounts();
    Cli cli;

    @BeforeEach
    void start() throws Exception {
        cli = new Cli(config).env("SHIPCTL_PASSWORD", "player123");
    }

    String port() {
        return String.valueOf(SANDBOX.loginPort());
    }

    @Test
    void healthyCheckTimesEveryStageAndShowsPopulations() {
        Cli.Run run = cli.run("check", "-p", port(), "-u", "player1", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode o = Json.MAPPER.readTree(run.out());
        assertThat(o.get("ok").asBoolean()).isTrue();
        assertThat(o.get("exit_code").asInt()).isZero();
        assertThat(o.get("stages").valueStream().map(s -> s.get("stage").asString()).toList()).containsExactly(
                "connect", "login", "character_token", "character_select", "ship_list", "ship", "block", "lobby");
        assertThat(o.get("stages").valueStream().allMatch(s -> s.get("ms").asDouble() >= 0)).isTrue();
        assertThat(o.get("ships").get(0).get("name").asString()).isEqualTo(SANDBOX.sandbox().shipName());
        assertThat(o.get("ships").get(0).has("players")).isTrue();
        assertThat(o.get("blocks").valueStream().map(b -> b.get("name").asString()).toList()).containsExactly("BLOCK01", "BLOCK02");
        assertThat(o.get("lobby").get("players").valueStream().map(p -> p.get("name").asString()).toList()).contains("Player1");
        closedBlockConnections(SANDBOX.sandbox(), 1); // the check leaves: the server sees its block connection close
    }

    @Test
    void textOutputHasAStageTableAndAVerdict() {
        Cli.Run run = cli.run("check", "-p", port(), "-u", "player1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("connect", "character #1", "character #2", "ship list", "ship ", "block ", "lobby",
                "ships", "blocks", "BLOCK01, BLOCK02").containsPattern("(?m)^OK ");
    }

    /** Waits until the sandbox has seen {@code n} block connections of player1 close. */
    static void closedBlockConnections(Sandbox sandbox, int n) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        try {
            while (seen.size() < n) {
                sandbox.events().await(SandboxEvent.Disconnected.class,
                        d -> d.role() == Role.BLOCK && d.guildCard() == 42000002 && !seen.contains(d.connection()), Cli.WAIT)
                        .connection();
                sandbox.events().history().stream().filter(SandboxEvent.Disconnected.class::isInstance)
                        .map(SandboxEvent.Disconnected.class::cast)
                        .filter(d -> d.role() == Role.BLOCK && d.guildCard() == 42000002).forEach(d -> seen.add(d.connection()));
            }
        } catch (Exception e) {
            throw new AssertionError("the sandbox did not see " + n + " block connection(s) close", e);
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(LoginStep.LOGIN, SandboxEffect.messageBox("Wrong password."), "login", ExitCodes.LOGIN_REFUSED),
                Arguments.of(LoginStep.CHARACTER_DATA, SandboxEffect.drop(), "character_token", ExitCodes.DISCONNECTED),
                Arguments.of(LoginStep.CHARACTER_SELECT, SandboxEffect.drop(), "character_select", ExitCodes.DISCONNECTED),
                Arguments.of(LoginStep.SHIP_LIST, SandboxEffect.messageBox("No."), "ship_list", ExitCodes.LOGIN_REFUSED),
                Arguments.of(LoginStep.SHIP, SandboxEffect.drop(), "ship", ExitCodes.DISCONNECTED),
                Arguments.of(LoginStep.BLOCK, SandboxEffect.neverAnswer(), "block", ExitCodes.TIMEOUT),
                Arguments.of(LoginStep.LOBBY, SandboxEffect.drop(), "lobby", ExitCodes.DISCONNECTED));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}, exit {3}")
    @MethodSource("failures")
    void aFailingStageIsNamedWithItsExitCode(LoginStep step, SandboxEffect effect, String expectedStage, int expectedExit) {
        SANDBOX.sandbox().failAt(step, effect);

        Cli.Run run = cli.run("check", "-p", port(), "-u", "player1", "--timeout", "2s", "--json");

        JsonNode o = Json.MAPPER.readTree(run.out());
        assertThat(o.get("ok").asBoolean()).isFalse();
        assertThat(o.get("failed_stage").asString()).as(run.out()).isEqualTo(expectedStage);
        assertThat(run.exitCode()).isEqualTo(expectedExit);
        assertThat(o.get("exit_code").asInt()).isEqualTo(expectedExit);
        // the stages before the failing one were completed and timed
        List<String> done = o.get("stages").valueStream().map(s -> s.get("stage").asString()).toList();
        assertThat(done).doesNotContain(expectedStage);
    }

    @Test
    void anUnreachableServerFailsAtConnect() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Cli.Run run = cli.run("check", "-p", String.valueOf(closed), "-u", "player1", "--json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(Json.MAPPER.readTree(run.out()).get("failed_stage").asString()).isEqualTo("connect");
    }

    @Test
    void allVisitsEveryBlockWithOneSessionAtATime() {
        Cli.Run run = cli.run("check", "-p", port(), "-u", "player1", "--all", "--json");

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        List<JsonNode> lines = run.outLines().stream().map(Json.MAPPER::readTree).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(0, 2).stream().map(l -> l.get("block").asString())).containsExactly("BLOCK01", "BLOCK02");
        assertThat(lines.get(2).get("summary").asBoolean()).isTrue();
        assertThat(lines.get(2).get("healthy").asInt()).isEqualTo(2);
        closedBlockConnections(SANDBOX.sandbox(), 2); // one session per block, each closed
    }

    @Test
    void allStopsAtTheFirstFailingStageWithItsCode() {
        SANDBOX.sandbox().failAt(LoginStep.LOGIN, SandboxEffect.messageBox("Down for maintenance."));

        Cli.Run run = cli.run("check", "-p", port(), "-u", "player1", "--all");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.LOGIN_REFUSED);
        assertThat(run.out()).contains("FAIL", "Down for maintenance.");
    }
}
