package dev.shipctl.cli.interactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.EventStream;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.AdminHarness;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.sandbox.SandboxEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code run}, {@code shell} and {@code profile} end to end against the sandbox. */
class ScriptShellProfileTest {
    @TempDir
    Path config;

    AdminHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new AdminHarness(config);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    Path script(String text) throws Exception {
        Path f = config.resolve("script.shipctl");
        Files.writeString(f, text);
        return f;
    }

    long logins() {
        return h.sandbox.events().history().stream()
                .filter(e -> e instanceof SandboxEvent.ReachedLobby r && r.guildCard() == 42000001).count();
    }

    // ---- run ----------------------------------------------------------------------------------------------

    @Test
    void aScriptRunsOverOneLoginAndTheCooldownKeepsEveryCommandAnswered() throws Exception {
        Path f = script("# two commands back to back: Tethealla drops a second one within the same second\n/bank\n/bank\n\nreload-gms\n");

        Cli.Run run = h.as("gmadmin", "run", "--json", f.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> lines = run.json();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3)).allMatch(o -> o.get("ok").asBoolean());
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(lines.get(0).get("replies").get(0).get("text").asString()).isEqualTo("Bank: Common");
        assertThat(lines.get(1).get("replies").get(0).get("text").asString()).isEqualTo("Bank: Character");
        assertThat(lines.get(2).get("line").asInt()).isEqualTo(5);
        assertThat(lines.get(3).get("ran").asInt()).isEqualTo(3);
        assertThat(logins()).isEqualTo(1);
        assertThat(h.sandbox.events().history()).noneMatch(e -> e instanceof SandboxEvent.ChatDropped);
    }

    @Test
    void aScriptStopsAtTheFirstFailureWithItsExitCode() throws Exception {
        Path f = script("/bank\nreload-config --wait 1s\n/bank\n");

        Cli.Run run = h.as("gmadmin", "run", f.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NO_REPLY);
        assertThat(run.out()).contains("[1] /bank", "[2] reload-config --wait 1s").doesNotContain("[3]");
        assertThat(run.err()).contains("line 2: no reply to /reloadconfig", "2 lines run, 1 failed");
    }

    @Test
    void keepGoingRunsEveryLineAndExitsWithTheFirstFailure() throws Exception {
        Path f = script("nosuchverb\n/bank\nban --force --wait 1s 42000002\n");

        Cli.Run run = h.as("gmadmin", "run", "--keep-going", "--json", f.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        List<JsonNode> lines = run.json();
        assertThat(lines.stream().map(o -> o.has("exit_code") ? o.get("exit_code").asInt() : 0).toList()).containsExactly(2, 0, 7, 2);
        assertThat(lines.getLast().get("failed").asInt()).isEqualTo(2);
    }

    @Test
    void aScriptFromStandardInput() {
        Cli.Run run = h.asWithInput("announce \"Restart at 22:00\"\n", "gmadmin", "run", "-");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("[GM]GMBot: Restart at 22:00");
    }

    // ---- shell --------------------------------------------------------------------------------------------

    @Test
    void theShellRunsVerbsAndRawCommandsOnOneLoginAndKeepsHistory() throws Exception {
        Session player = h.player("player1", "1");
        try (EventStream events = player.events()) {
            Cli.Run run = h.asWithInput("reload-gms\n/bank\nannounce Hello from the shell\ncheck\nexit\n", "gmadmin", "shell", "--block", "1");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Local GM file reloaded.", "Bank: Common", "[GM]GMBot: Hello from the shell");
            assertThat(run.err()).contains("'check' is not a verb for an open session");
            assertThat(events.next(SessionEvent.Announcement.class, Duration.ofSeconds(10))).isPresent();
        }
        assertThat(logins()).isEqualTo(1);
        assertThat(Files.readString(ShellCommand.historyFile(h.cli().context())))
                .contains("reload-gms", "/bank", "announce Hello from the shell");
    }

    @Test
    void offATerminalTheShellWritesNoPromptAndWithJsonOnlyJsonLines() throws Exception {
        Cli.Run text = h.asWithInput("/bank\nexit\n", "gmadmin", "shell", "--block", "1");
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains("Bank: Common").doesNotContain("GMBot@Sandbox>");
        assertThat(text.err()).doesNotContain("GMBot@Sandbox>");

        Cli.Run json = h.asWithInput("/bank\nreload-gms\nexit\n", "gmadmin", "shell", "--json", "--block", "1");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.outLines()).as(json.toString()).isNotEmpty().allMatch(l -> l.startsWith("{") && l.endsWith("}"));
        assertThat(json.json()).anyMatch(o -> o.path("replies").path(0).path("text").asString("").equals("Bank: Common"));
    }

    @Test
    void theShellPrintsEventsFromOthers() throws Exception {
        Cli.Running shell = h.startAs("player1", "shell", "--block", "1");
        var out = shell.out();
        var err = shell.err();
        assertThat(err.awaitText("In lobby 1 as Player1", Duration.ofSeconds(10))).as("in the lobby").isTrue();

        Cli.Run announced = h.as("gmadmin", "announce", "--block", "1", "Seen in the shell");
        assertThat(announced.exitCode()).as(announced.toString()).isZero();
        assertThat(out.awaitText("Seen in the shell", Duration.ofSeconds(10))).as(out + "\n---\n" + err + "\n---\n" + announced).isTrue();
        // the announcer's logout reaches this lobby a moment after its process ended: wait for it, or its 0x69 can
        // come while /bank waits for replies, and a raw chat line counts whatever arrives then ("2 replies")
        assertThat(out.awaitText("- GMBot (42000001) left", Duration.ofSeconds(10))).as(out + "\n---\n" + err).isTrue();
        shell.type("/bank\n");
        h.sandbox.events().await(SandboxEvent.CommandHandled.class, c -> c.guildCard() == 42000002, Duration.ofSeconds(10));
        assertThat(out.awaitText("1 reply to /bank", Duration.ofSeconds(10))).as(out + "\n---\n" + err).isTrue();
        shell.endInput(); // Ctrl-D
        assertThat(shell.exitCode()).isZero();
        assertThat(out.text()).contains("** [GM]GMBot: Seen in the shell", "+ GMBot (42000001) joined")
                .doesNotContain("left  GMBot"); // the leave came before /bank, not among its replies
    }

    @Test
    void theShellsSessionLogsInAgainAfterACutAndTheNextVerbUsesIt() throws Exception {
        Cli.Running shell = h.startAs("player1", "shell", "--block", "1");
        var out = shell.out();
        var err = shell.err();
        assertThat(err.awaitText("In lobby 1 as Player1", Duration.ofSeconds(10))).as("in the lobby").isTrue();

        assertThat(h.sandbox.cut(42000002)).isPositive();
        assertThat(out.awaitText("logged in again, lobby 1", Duration.ofSeconds(10))).as(out + "\n---\n" + err).isTrue();
        shell.type("/bank\n");
        assertThat(out.awaitText("1 reply to /bank", Duration.ofSeconds(10))).as(out + "\n---\n" + err).isTrue();
        shell.endInput();
        assertThat(shell.exitCode()).isZero();
        assertThat(out.text()).contains("connection lost: disconnected by the server (lobby)");
        assertThat(err.text()).doesNotContain("logging in again)");
        assertThat(h.sandbox.events().history()).as("the first login and the reconnect, no login of the verb's own")
                .filteredOn(e -> e instanceof SandboxEvent.ReachedLobby r && r.guildCard() == 42000002).hasSize(2);
    }

    // ---- profiles -----------------------------------------------------------------------------------------

    @Test
    void profilesAddListShowRemoveAndFlagsOverrideThem() throws Exception {
        Map<String, String> none = Map.of();
        Cli.Run add = h.run(none, "profile", "add", "lab", "--host", "127.0.0.1", "--port", h.port(), "--user", "gmadmin",
                "--password-env", "LAB_PASSWORD", "--flavour", "tethealla");
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(h.run(none, "profile", "add", "lab", "--user", "x").exitCode()).as("no silent overwrite").isEqualTo(ExitCodes.USAGE);
        assertThat(h.run(none, "profile", "add", "wrong", "--port", "1", "--user", "player1", "--password-env", "LAB_PASSWORD").exitCode()).isZero();

        Cli.Run list = h.run(none, "profile", "list");
        assertThat(list.out()).contains("NAME", "lab", "127.0.0.1:" + h.port(), "gmadmin", "tethealla", "env LAB_PASSWORD", "wrong");
        JsonNode show = h.run(none, "profile", "show", "lab", "--json").json().getFirst();
        assertThat(show.get("user").asString()).isEqualTo("gmadmin");
        assertThat(show.get("password_env").asString()).isEqualTo("LAB_PASSWORD");

        Cli.Run viaEnv = h.run(Map.of("SHIPCTL_PROFILE", "lab", "LAB_PASSWORD", "gmadmin123"), "reload-gms");
        assertThat(viaEnv.exitCode()).as(viaEnv.toString()).isZero();
        Cli.Run overridden = h.run(Map.of("LAB_PASSWORD", "gmadmin123"), "reload-gms", "--profile", "wrong", "-p", h.port(), "-u", "gmadmin");
        assertThat(overridden.exitCode()).as(overridden.toString()).isZero();

        assertThat(h.run(none, "profile", "remove", "lab").exitCode()).isZero();
        assertThat(h.run(none, "profile", "show", "lab").exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(Files.readString(config.resolve("config.toml"))).contains("profiles.wrong.user").doesNotContain("lab");
    }
}
