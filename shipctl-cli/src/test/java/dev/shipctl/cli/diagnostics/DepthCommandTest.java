package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.Credentials;
import dev.shipctl.EventStream;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipClient;
import dev.shipctl.check.CheckResult;
import dev.shipctl.check.HealthCheck;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.output.Json;
import dev.shipctl.testkit.SandboxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** {@code check --depth} and {@code watch}'s default depth against the sandbox, with a GM listening in lobby 1. */
class DepthCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path config;

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.withDemoAccounts();
    Cli cli;

    @BeforeEach
    void start() {
        cli = new Cli(config).env("SHIPCTL_PASSWORD", "player123");
    }

    private String port() {
        return String.valueOf(SANDBOX.loginPort());
    }

    private ShipClient client() {
        return ShipClient.builder().server("127.0.0.1", SANDBOX.loginPort()).timeout(WAIT).build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "login; connect,login,character_token,character_select",
        "ship;  connect,login,character_token,character_select,ship_list,ship",
        "block; connect,login,character_token,character_select,ship_list,ship,block",
        "lobby; connect,login,character_token,character_select,ship_list,ship,block,lobby"})
    void eachDepthListsItsStagesAndSaysItsDepth(String depth, String stages) {
        Cli.Run run = cli.run("check", "-p", port(), "-u", "player1", "--depth", depth, "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode o = Json.MAPPER.readTree(run.out());
        assertThat(o.get("ok").asBoolean()).isTrue();
        assertThat(o.get("depth").asString()).isEqualTo(depth);
        assertThat(o.get("stages").valueStream().map(s -> s.get("stage").asString()).toList())
                .containsExactly(stages.split(","));
        assertThat(o.has("lobby")).isEqualTo(depth.equals("lobby"));
        assertThat(o.get("ships").size()).isEqualTo(depth.equals("login") ? 0 : 1);
    }

    @Test
    void aBlockCheckShowsThePopulationsAndSaysItLeftBeforeTheLobby() {
        Cli.Run run = cli.run("check", "-p", port(), "-u", "player1", "--depth", "block");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("players per ship, from the ship list")
                .contains("OK    block reached in").contains("left before the lobby")
                .doesNotContain("lobby 1");
    }

    @Test
    void aBadDepthOrStayingBelowTheLobbyIsAUsageError() {
        Cli.Run bad = cli.run("check", "-p", port(), "-u", "player1", "--depth", "deep");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("unknown depth 'deep': expected one of login, ship, block, lobby");

        Cli.Run stay = cli.run("check", "-p", port(), "-u", "player1", "--depth", "block", "--stay", "1s");
        assertThat(stay.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(stay.err()).contains("--stay stays in the lobby: it needs --depth lobby");

        Cli.Run fast = cli.run("watch", "-p", port(), "-u", "player1", "--fast", "--depth", "ship", "--max-checks", "1");
        assertThat(fast.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fast.err()).contains("--fast goes to the lobby");
    }

    @Test
    void watchGoesToTheBlockByDefaultUnseenByAPlayerInTheLobbyAndReportsThePopulation() throws Exception {
        try (Session gm = client().connect(new Credentials("gmadmin", "gmadmin123"));
             EventStream seen = gm.events()) {
            Cli.Run run = cli.run("watch", "-p", port(), "-u", "player1", "--interval", "50ms", "--max-checks", "3", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            List<JsonNode> rounds = run.json();
            assertThat(rounds).hasSize(3).allSatisfy(o -> {
                assertThat(o.get("state").asString()).isEqualTo("up");
                assertThat(o.get("depth").asString()).isEqualTo("block");
                assertThat(o.has("lobby")).isFalse();
                assertThat(o.get("stages").valueStream().map(s -> s.get("stage").asString()).toList()).endsWith("block");
                assertThat(o.get("ships").get(0).get("players").asInt()).as("the GM, from the ship list").isEqualTo(1);
            });

            // then a check the GM does see: whatever the watch's rounds made the GM see came before its join and leave
            CheckResult marker = HealthCheck.builder(client(), new Credentials("player1", "player123")).build().run();
            assertThat(marker.ok()).as(marker.failure()).isTrue();
            List<SessionEvent> events = new ArrayList<>();
            while (events.stream().noneMatch(SessionEvent.PlayerLeft.class::isInstance)) {
                events.add(seen.next(WAIT).orElseThrow(() -> new AssertionError("the GM saw no leave: " + events)));
            }
            assertThat(events).filteredOn(SessionEvent.PlayerJoined.class::isInstance)
                    .as("the marker's join only: none of the three watch rounds'").hasSize(1);
        }
    }
}
