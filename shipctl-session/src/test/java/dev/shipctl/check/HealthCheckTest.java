package dev.shipctl.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.Credentials;
import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import dev.shipctl.sandbox.Sandbox;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The health check's result model against the sandbox: verdict, stages, what the server showed, failures. */
class HealthCheckTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().bind(InetAddress.getLoopbackAddress()).loginPort(0).shipPort(0).build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private ShipClient client() {
        return ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).timeout(WAIT).build();
    }

    @Test
    void aHealthyServerGivesEveryStageTheShipsTheBlocksAndTheLobbyWithItsMembers() throws Exception {
        try (Session gm = client().connect(new Credentials("gmadmin", "gmadmin123"))) {
            AtomicBoolean openInLobby = new AtomicBoolean();
            CheckResult r = HealthCheck.builder(client(), new Credentials("player1", "player123"))
                    .inLobby(s -> openInLobby.set(s.isOpen())).build().run();

            assertThat(r.ok()).as(r.failure()).isTrue();
            assertThat(openInLobby).as("the in-lobby action runs while the session is in its lobby").isTrue();
            assertThat(r.error()).isEmpty();
            assertThat(r.reason()).isEmpty();
            assertThat(r.failedStage()).isEmpty();
            assertThat(r.server()).isEqualTo("127.0.0.1:" + sandbox.loginPort());
            assertThat(r.flavour().orElseThrow().name()).isEqualTo("tethealla");
            assertThat(r.character()).contains("Player1");
            assertThat(r.guildCard()).isPositive();
            assertThat(r.stages()).extracting(StageTiming::stage).startsWith(Stage.CONNECT).endsWith(Stage.LOBBY);
            assertThat(r.stageReached()).contains(Stage.LOBBY);
            assertThat(r.time(Stage.LOBBY)).isPresent();
            assertThat(r.total()).isGreaterThanOrEqualTo(r.time(Stage.LOBBY).orElseThrow());
            assertThat(r.ships()).extracting(MenuItem::name).containsExactly(sandbox.shipName());
            // the ship list comes before the check's own character is on the ship: the GM only
            assertThat(r.ships().getFirst().players()).contains(1);
            assertThat(r.blocks()).extracting(MenuItem::name).containsExactly("BLOCK01", "BLOCK02");
            assertThat(r.ship().map(MenuItem::name)).contains(sandbox.shipName());
            assertThat(r.block().map(MenuItem::name)).contains("BLOCK01");
            assertThat(r.others()).extracting(Player::name, Player::role).containsExactly(org.assertj.core.groups.Tuple.tuple("GMBot", Player.Role.GM));
            assertThat(r.lobby().orElseThrow().players()).extracting(Player::name).containsExactlyInAnyOrder("Player1", "GMBot");
            assertThat(r.where()).isEqualTo(sandbox.shipName() + " / BLOCK01, lobby 1");
        }
    }

    @Test
    void aRefusedLoginIsAResultWithTheStageAndTheKindOfFailure() {
        CheckResult r = HealthCheck.builder(client(), new Credentials("player1", "wrong-password")).build().run();

        assertThat(r.ok()).isFalse();
        assertThat(r.error()).containsInstanceOf(ShipException.LoginRefused.class);
        assertThat(r.failedStage()).isPresent().isEqualTo(r.error().orElseThrow().stage());
        assertThat(r.reason()).isPresent().hasValueSatisfying(reason -> assertThat(reason).doesNotContain("wrong-password"));
        assertThat(r.failure()).startsWith("at " + r.failedStage().orElseThrow().label() + ": ");
        assertThat(r.stages()).extracting(StageTiming::stage).contains(Stage.CONNECT).doesNotContain(Stage.LOBBY);
        assertThat(r.flavour()).isEmpty();
        assertThat(r.lobby()).isEmpty();
        assertThat(r.others()).isEmpty();
    }

    @Test
    void aServerThatIsNotListeningFailsAtConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ShipClient nowhere = ShipClient.builder().server("127.0.0.1", port).timeout(WAIT).build();
        CheckResult r = HealthCheck.builder(nowhere, new Credentials("player1", "player123")).build().run();

        assertThat(r.ok()).isFalse();
        assertThat(r.error()).containsInstanceOf(ShipException.ConnectFailed.class);
        assertThat(r.failedStage()).contains(Stage.CONNECT);
        assertThat(r.stageReached()).isEmpty();
        assertThat(r.where()).isEqualTo("?");
    }

    @Test
    void runAllLogsInOnceOnEveryBlockOfEveryShipOneAfterTheOther() throws Exception {
        List<CheckResult> seen = new ArrayList<>();
        List<Integer> openDuringOthers = new ArrayList<>();
        List<CheckResult> results = HealthCheck.builder(client().newBuilder().block("2").build(), new Credentials("player1", "player123"))
                .inLobby(s -> openDuringOthers.add(seen.size())).build().runAll(seen::add);

        assertThat(results).isEqualTo(seen);
        assertThat(results).allMatch(CheckResult::ok);
        // the client's own block setting is cleared for the first login, which learns the ship's blocks
        assertThat(results).extracting(r -> r.block().orElseThrow().name()).containsExactly("BLOCK01", "BLOCK02");
        assertThat(openDuringOthers).as("each login's action ran before its result was reported").containsExactly(0, 1);
    }
}
