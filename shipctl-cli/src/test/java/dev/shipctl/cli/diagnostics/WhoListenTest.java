package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.Credentials;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipClient;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.output.Json;
import dev.shipctl.sandbox.SandboxEffect;
import dev.shipctl.sandbox.SandboxEvent;
import dev.shipctl.testkit.SandboxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code who} and {@code listen} end to end against the SANDBOX.sandbox(). */
class WhoListenTest {
    static final int PLAYER1 = 42000002;

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

    Session gm(String block) throws Exception {
        return ShipClient.builder().server("127.0.0.1", SANDBOX.loginPort()).block(block).build()
                .connect(new Credentials("gmadmin", "gmadmin123"));
    }

    @Test
    void whoListsTheLobbyMembersAndShipPopulations() throws Exception {
        try (Session gm = gm(null)) {
            Cli.Run run = cli.run("who", "-p", port(), "-u", "player1", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode o = Json.MAPPER.readTree(run.out());
            assertThat(o.get("ships").get(0).get("name").asString()).isEqualTo(SANDBOX.sandbox().shipName());
            assertThat(o.get("ships").get(0).get("players").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(o.get("ships").get(0).get("blocks").valueStream().map(JsonNode::asString)).containsExactly("BLOCK01", "BLOCK02");
            JsonNode lobby = o.get("lobbies").get(0);
            assertThat(lobby.get("block").asString()).isEqualTo("BLOCK01");
            assertThat(lobby.get("players").valueStream().map(p -> p.get("name").asString() + "/" + p.get("role").asString()))
                    .containsExactly("GMBot/gm");
        }
        CheckCommandTest.closedBlockConnections(SANDBOX.sandbox(), 1);
    }

    @Test
    void whoAllVisitsEveryBlockAndTheAskedLobbies() throws Exception {
        try (Session gm = gm("2")) {
            Cli.Run run = cli.run("who", "-p", port(), "-u", "player1", "--all", "--lobbies=1-2", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode o = Json.MAPPER.readTree(run.out());
            List<String> visited = o.get("lobbies").valueStream()
                    .map(l -> l.get("block").asString() + "/" + l.get("lobby").asInt()).toList();
            assertThat(visited).containsExactly("BLOCK01/1", "BLOCK01/2", "BLOCK02/1", "BLOCK02/2");
            assertThat(o.get("lobbies").get(2).get("players").valueStream().map(p -> p.get("name").asString())).containsExactly("GMBot");
            assertThat(o.get("lobbies").get(0).get("players")).isEmpty();
        }
    }

    @Test
    void whoHelpSaysWhatAClientCannotSee() {
        Cli.Run run = cli.run("who", "--help");

        assertThat(run.out().replaceAll("\\s+", " ")).contains("cannot see", "no \"who is online\" query", "ship list", "block list");
    }

    @Test
    void listenStreamsJoinChatAnnouncementMailAndLeave() throws Exception {
        Cli.Running listen = cli.start("listen", "-p", port(), "-u", "player1");
        JsonNode connected = json(listen.out().await(l -> l.contains("\"kind\":\"connected\"")));
        assertThat(connected.get("lobby").asInt()).isEqualTo(1);

        try (Session gm = gm(null)) {
            assertThat(json(listen.out().await(l -> l.contains("\"joined\""))).get("who").get("name").asString()).isEqualTo("GMBot");

            gm.chat("hello from the GM").join();
            JsonNode chat = json(listen.out().await(l -> l.contains("\"chat\"")));
            assertThat(chat.get("text").asString()).isEqualTo("hello from the GM");
            assertThat(chat.get("who").get("guild_card").asLong()).isEqualTo(42000001L);

            try (var replies = gm.events()) {
                gm.chat("/announce").join();
                assertThat(replies.next(SessionEvent.TextMessage.class, Cli.WAIT)).isPresent();
            }
            gm.mail(PLAYER1, "Restart in 5 minutes");
            assertThat(json(listen.out().await(l -> l.contains("\"announcement\""))).get("text").asString()).contains("Restart in 5 minutes");

            gm.mail(PLAYER1, "a private word");
            JsonNode mail = json(listen.out().await(l -> l.contains("\"mail\"")));
            assertThat(mail.get("text").asString()).isEqualTo("a private word");
            assertThat(mail.get("who").get("name").asString()).isEqualTo("GMBot");
        }
        assertThat(json(listen.out().await(l -> l.contains("\"left\""))).get("who").get("name").asString()).isEqualTo("GMBot");

        assertThat(listen.stop()).isZero();
        SANDBOX.sandbox().events().await(SandboxEvent.Disconnected.class, d -> d.guildCard() == PLAYER1, Cli.WAIT);
    }

    @Test
    void listenReconnectsWhenDropped() throws Exception {
        Cli.Running listen = cli.start("listen", "-p", port(), "-u", "player1", "--retry-delay", "50ms");
        listen.out().await(l -> l.contains("\"kind\":\"connected\""));

        try (Session gm = gm("2")) {
            gm.chat("/dc " + PLAYER1).join();
            JsonNode dropped = json(listen.out().await(l -> l.contains("\"disconnected\"")));
            assertThat(dropped.get("text").asString()).contains("disconnected by a GM");
            listen.out().await(l -> l.contains("\"kind\":\"reconnected\""));
        }
        assertThat(listen.stop()).isZero();
    }

    @Test
    void listenDoesNotKickBackALoginThatTookItsAccountOver() throws Exception {
        Cli.Running listen = cli.start("listen", "-p", port(), "-u", "player1", "--retry-delay", "50ms");
        listen.out().await(l -> l.contains("\"kind\":\"connected\""));

        try (Session other = ShipClient.builder().server("127.0.0.1", SANDBOX.loginPort()).build()
                .connect(new Credentials("player1", "player123"))) {
            assertThat(listen.exit().get(Cli.WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ExitCodes.DISCONNECTED);
            assertThat(String.join("\n", listen.err().all())).contains("another login of player1 took over the session; not reconnecting");
            assertThat(other.isOpen()).isTrue();
        }
        assertThat(String.join("\n", listen.out().all())).doesNotContain("\"reconnected\"");
    }

    @Test
    void listenRetriesItsFirstLoginAndStopsWhenALoginIsRefused() throws Exception {
        SANDBOX.sandbox().failAt(dev.shipctl.sandbox.LoginStep.LOGIN, SandboxEffect.drop());
        Cli.Running listen = cli.start("listen", "-p", port(), "-u", "player1", "--retry-delay", "50ms");
        assertThat(listen.err().await(l -> l.contains("retrying in"))).startsWith("shipctl: disconnected by the server (login)");
        SANDBOX.sandbox().clearFailures();
        listen.out().await(l -> l.contains("\"kind\":\"connected\""));

        SANDBOX.sandbox().failAt(dev.shipctl.sandbox.LoginStep.LOGIN, SandboxEffect.messageBox("Username or password is incorrect."));
        assertThat(SANDBOX.sandbox().cut(PLAYER1)).isPositive();

        assertThat(json(listen.out().await(l -> l.contains("\"disconnected\""))).get("text").asString()).contains("disconnected by the server");
        assertThat(listen.exit().get(Cli.WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ExitCodes.LOGIN_REFUSED);
        assertThat(listen.err().await(l -> l.contains("login refused"))).contains("Username or password is incorrect.");
        assertThat(String.join("\n", listen.out().all())).doesNotContain("\"reconnected\"");
    }

    @Test
    void listenOnceExitsWithTheDisconnectCode() throws Exception {
        Cli.Running listen = cli.start("listen", "-p", port(), "-u", "player1", "--once");
        listen.out().await(l -> l.contains("\"kind\":\"connected\""));

        try (Session gm = gm("2")) {
            gm.chat("/dc " + PLAYER1).join();
            assertThat(listen.exit().get()).isEqualTo(ExitCodes.DISCONNECTED);
        }
    }

    static JsonNode json(String line) {
        return Json.MAPPER.readTree(line);
    }

    static Duration wait(int s) {
        return Duration.ofSeconds(s);
    }
}
