package dev.shipctl.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.EventStream;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipClient;
import dev.shipctl.Credentials;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.output.Json;
import dev.shipctl.sandbox.SandboxEvent;
import dev.shipctl.testkit.SandboxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Fleets end to end: profiles pointing at two sandboxes ("live" and "test"), the second stopped where a test says so;
 * each profile with its own password variable.
 */
class FleetTest {
    @RegisterExtension
    static final SandboxExtension LIVE = SandboxExtension.withDemoAccounts();

    @RegisterExtension
    static final SandboxExtension TEST = SandboxExtension.withDemoAccounts();

    @TempDir
    Path config;

    Cli cli;

    /** The passwords, each in the variable its profile names; none in SHIPCTL_PASSWORD. */
    static final Map<String, String> PASSWORDS = Map.of("LIVE_PASSWORD", "gmadmin123", "TEST_PASSWORD", "gmadmin123",
            "WRONG_PASSWORD", "wrongpass42");

    @BeforeEach
    void profiles() {
        cli = new Cli(config);
        PASSWORDS.forEach(cli::env);
        addProfile("live", LIVE.loginPort(), "LIVE_PASSWORD");
        addProfile("test", TEST.loginPort(), "TEST_PASSWORD");
    }

    void addProfile(String name, int port, String passwordEnv) {
        addProfile(name, port, "gmadmin", passwordEnv);
    }

    void addProfile(String name, int port, String user, String passwordEnv) {
        Cli.Run add = cli.run("profile", "add", name, "--host", "127.0.0.1", "--port", String.valueOf(port), "--user", user,
                "--password-env", passwordEnv, "--flavour", "tethealla");
        assertThat(add.exitCode()).as(add.toString()).isZero();
    }

    @Test
    void checkOnTwoServersWithOneStoppedGivesOneRowEachAndTheFailuresExitCode() {
        TEST.sandbox().close();

        Cli.Run run = cli.run("check", "--profile", "live,test");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNREACHABLE);
        List<String> lines = run.outLines();
        assertThat(lines.getFirst()).matches(" +profile +verdict +took +result");
        assertThat(lines.get(1)).matches(" +live +ok +\\d+ ms +lobby reached in .*");
        assertThat(lines.get(2)).matches(" +test +FAIL \\(exit 3\\) +\\d+ ms +.*" + TEST.loginPort() + ".*");
        assertThat(lines.get(2)).as("the exit code once").doesNotContain("exit code 3");
        assertThat(lines.get(3)).startsWith("FAIL  1 of 2 servers failed; exit code 3 (server unreachable)");
        assertThat(lines).hasSize(4);
        // aligned: every row's verdict starts in the same column
        int verdict = lines.getFirst().indexOf("verdict");
        assertThat(lines.get(1).substring(verdict)).startsWith("ok ");
        assertThat(lines.get(2).substring(verdict)).startsWith("FAIL ");
        assertThat(LIVE.sandbox().events().history()).filteredOn(e -> e instanceof SandboxEvent.LoginAccepted).isNotEmpty();
        assertThat(run.out() + run.err()).doesNotContain("gmadmin123");
    }

    @Test
    void announceOnAFleetIsSeenOnTheLiveServerAndTheStoppedOneIsItsOwnJsonObject() throws Exception {
        TEST.sandbox().close();
        try (Session player = ShipClient.builder().server("127.0.0.1", LIVE.loginPort()).build()
                .connect(new Credentials("player1", "player123")); EventStream events = player.events()) {

            Cli.Run run = cli.run("announce", "--profile", "live,test", "--json", "Restart in 5 minutes");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNREACHABLE);
            List<JsonNode> objects = run.json();
            assertThat(objects).hasSize(2);
            JsonNode live = objects.get(0);
            assertThat(live.get("profile").asString()).isEqualTo("live");
            assertThat(live.get("ok").asBoolean()).isTrue();
            assertThat(live.get("exit_code").asInt()).isZero();
            assertThat(live.get("verb").asString()).isEqualTo("announce");
            assertThat(live.get("outcome").asString()).isEqualTo("done");
            assertThat(live.get("took_ms").asLong()).isNotNegative();
            JsonNode test = objects.get(1);
            assertThat(test.get("profile").asString()).isEqualTo("test");
            assertThat(test.get("ok").asBoolean()).isFalse();
            assertThat(test.get("exit_code").asInt()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(test.get("error").asString()).contains(String.valueOf(TEST.loginPort()));
            assertThat(run.out().lines()).hasSize(2);

            assertThat(events.next(SessionEvent.Announcement.class, Cli.WAIT)).get()
                    .extracting(SessionEvent.Announcement::text).isEqualTo("[GM]GMBot: Restart in 5 minutes");
        }
    }

    @Test
    void announceInTextHasOneRowPerServer() {
        TEST.sandbox().close();

        Cli.Run run = cli.run("announce", "--profile", "test,live", "Restart", "soon");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(run.outLines().get(1)).as("in the order given").matches(" +test +FAIL \\(exit 3\\) .*");
        assertThat(run.outLines().get(2)).matches(" +live +ok +\\d+ ms +announced: \"Restart soon\".*");
    }

    @Test
    void allProfilesRunsOnEveryProfileByNameAndEachPasswordComesFromItsOwnProfile() {
        addProfile("wrong", LIVE.loginPort(), "player1", "WRONG_PASSWORD");

        Cli.Run run = cli.run("check", "--all-profiles", "--json", "--parallel", "2");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.LOGIN_REFUSED);
        List<JsonNode> objects = run.json();
        assertThat(objects.stream().map(o -> o.get("profile").asString())).containsExactly("live", "test", "wrong");
        assertThat(objects.stream().map(o -> o.get("ok").asBoolean())).containsExactly(true, true, false);
        assertThat(objects.get(1).get("stages").size()).as("the verb's own fields").isPositive();
        assertThat(objects.get(2).get("exit_code").asInt()).isEqualTo(ExitCodes.LOGIN_REFUSED);
        assertThat(run.out() + run.err()).doesNotContain("gmadmin123", "wrongpass42");
    }

    @Test
    void theWorstExitCodeWinsOverAnUnreachableServer() {
        TEST.sandbox().close();
        addProfile("wrong", LIVE.loginPort(), "player1", "WRONG_PASSWORD");

        Cli.Run run = cli.run("reload-gms", "--all-profiles");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.LOGIN_REFUSED);
        assertThat(run.out()).containsPattern("(?m)^ +live +ok ").containsPattern("(?m)^ +test +FAIL \\(exit 3\\)")
                .containsPattern("(?m)^ +wrong +FAIL \\(exit 4\\)").contains("2 of 3 servers failed; exit code 4");
    }

    @Test
    void profilesOfOneAccountOnOneServerTakeTurns() {
        addProfile("live-again", LIVE.loginPort(), "LIVE_PASSWORD");

        Cli.Run run = cli.run("reload-gms", "--profile", "live,live-again,test", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().stream().map(o -> o.get("ok").asBoolean())).containsExactly(true, true, true);
        assertThat(LIVE.sandbox().events().history()).filteredOn(e -> e instanceof SandboxEvent.CommandHandled).hasSize(2);
    }

    @Test
    void anUnknownProfileStopsTheFleetBeforeAnythingIsSent() {
        Cli.Run run = cli.run("announce", "--profile", "live,typo", "hello");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err().lines()).singleElement().asString().contains("no profile 'typo'", "known: live, test");
        assertThat(run.out()).isEmpty();
        assertThat(LIVE.sandbox().events().history()).filteredOn(e -> e instanceof SandboxEvent.LoginAccepted).isEmpty();
    }

    @Test
    void commandsForOneServerRefuseAFleetInOneLine() {
        for (String verb : List.of("listen", "bridge", "shell")) {
            Cli.Run run = cli.run(verb, "--all-profiles");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().lines()).as(verb).singleElement().asString().startsWith("shipctl: " + verb + " does not run on several servers");
        }
        Cli.Run trace = cli.run("check", "--profile", "live,test", "--trace", config.resolve("t.jsonl").toString());
        assertThat(trace.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(trace.err()).contains("--trace");
        assertThat(cli.run("check", "--profile", "live", "--all-profiles").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("check", "--all-profiles", "--parallel", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(LIVE.sandbox().events().history()).filteredOn(e -> e instanceof SandboxEvent.LoginAccepted).isEmpty();
    }

    @Test
    void watchTakesTheFleetItselfAndChecksEveryServerInOneProcess() {
        // watch handles a fleet (HandlesFleets): it is not refused, nor run once per server; --max-checks ends it
        Cli.Run run = cli.run("watch", "--all-profiles", "--max-checks", "1", "--interval", "100ms", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().map(l -> Json.MAPPER.readTree(l).get("name").asString()).sorted().toList())
                .containsExactly("live", "test");
        assertThat(run.err()).contains("Watching 2 servers (live, test) to the block").doesNotContain("gmadmin123");
        assertThat(LIVE.sandbox().events().history()).filteredOn(e -> e instanceof SandboxEvent.LoginAccepted).isNotEmpty();
        assertThat(TEST.sandbox().events().history()).filteredOn(e -> e instanceof SandboxEvent.LoginAccepted).isNotEmpty();
    }

    @Test
    void aScriptRefusesAFleetOnItsLines() {
        Cli.Run run = cli.runWithInput("announce --all-profiles hello\n", Map.of(), "run", "--profile", "live", "-");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--all-profiles do not work here");
        assertThat(LIVE.sandbox().events().history()).filteredOn(e -> e instanceof SandboxEvent.CommandHandled).isEmpty();
    }

    @Test
    void helpIsHelpEvenWithAFleet() {
        Cli.Run run = cli.run("check", "--all-profiles", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--all-profiles", "--parallel");
    }

    @Test
    void worstExitCodeOrder() {
        assertThat(WorstExitCode.of(List.of(0, 0))).isZero();
        assertThat(WorstExitCode.of(List.of(0, 3))).isEqualTo(3);
        assertThat(WorstExitCode.of(List.of(3, 4, 6))).isEqualTo(4);
        assertThat(WorstExitCode.of(List.of(7, 9))).isEqualTo(9);
        assertThat(WorstExitCode.of(List.of(1, 9))).isEqualTo(1);
        assertThat(WorstExitCode.of(List.of(3, 10))).as("an unlisted code counts after the listed ones").isEqualTo(3);
        assertThat(WorstExitCode.of(List.of(0, 10))).isEqualTo(10);
    }
}
