package dev.shipctl.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.Credentials;
import dev.shipctl.Depth;
import dev.shipctl.EventStream;
import dev.shipctl.MenuItem;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import dev.shipctl.sandbox.Sandbox;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Checks that stop short of the lobby, against the sandbox (Tethealla's chain): their stages, and who sees them. */
class DepthTest {
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

    private CheckResult check(Depth depth) {
        return HealthCheck.builder(client(), new Credentials("player1", "player123")).depth(depth).build().run();
    }

    @ParameterizedTest
    @EnumSource(Depth.class)
    void eachDepthWalksItsStagesAndNoFurther(Depth depth) {
        CheckResult r = check(depth);

        assertThat(r.ok()).as(r.failure()).isTrue();
        assertThat(r.depth()).isEqualTo(depth);
        List<Stage> expected = new ArrayList<>(List.of(Stage.CONNECT, Stage.LOGIN, Stage.CHARACTER_TOKEN, Stage.CHARACTER_SELECT));
        if (depth.compareTo(Depth.SHIP) >= 0) expected.addAll(List.of(Stage.SHIP_LIST, Stage.SHIP));
        if (depth.compareTo(Depth.BLOCK) >= 0) expected.add(Stage.BLOCK);
        if (depth == Depth.LOBBY) expected.add(Stage.LOBBY);
        assertThat(r.stages()).extracting(StageTiming::stage).containsExactlyElementsOf(expected);
        assertThat(r.flavour().orElseThrow().name()).isEqualTo("tethealla");
        assertThat(r.guildCard()).isPositive();
        assertThat(r.lobby().isPresent()).isEqualTo(depth == Depth.LOBBY);
        if (depth == Depth.LOGIN) {
            assertThat(r.ships()).isEmpty();
            assertThat(r.blocks()).isEmpty();
        } else {
            assertThat(r.ships()).extracting(MenuItem::name).containsExactly(sandbox.shipName());
            assertThat(r.blocks()).extracting(MenuItem::name).containsExactly("BLOCK01", "BLOCK02");
            assertThat(r.block().map(MenuItem::name)).contains("BLOCK01");
        }
        if (depth.compareTo(Depth.BLOCK) >= 0) assertThat(r.character()).contains("Player1");
    }

    @Test
    void aBlockCheckIsNotSeenInTheLobbyAndStillCountsTheShip() throws Exception {
        try (Session gm = client().connect(new Credentials("gmadmin", "gmadmin123"));
             EventStream seen = gm.events()) {
            CheckResult invisible = check(Depth.BLOCK);
            assertThat(invisible.ok()).as(invisible.failure()).isTrue();
            assertThat(invisible.lobby()).isEmpty();
            assertThat(invisible.ships().getFirst().players()).as("the ship list's population: the GM").contains(1);

            // a marker the GM does see, after the block check has closed: anything the block check caused comes before it
            CheckResult visible = check(Depth.LOBBY);
            assertThat(visible.ok()).as(visible.failure()).isTrue();
            List<SessionEvent> events = new ArrayList<>();
            while (events.stream().noneMatch(SessionEvent.PlayerLeft.class::isInstance)) {
                events.add(seen.next(WAIT).orElseThrow(() -> new AssertionError("the GM saw no leave: " + events)));
            }
            assertThat(events).filteredOn(SessionEvent.PlayerJoined.class::isInstance)
                    .as("only the lobby check's join, none of the block check's").hasSize(1);
        }
    }

    @Test
    void aProbeToTheLobbyIsRefusedAndABadDepthNameSaysWhichAreKnown() {
        assertThatThrownBy(() -> client().probe(new Credentials("player1", "player123"), Depth.LOBBY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Depth.parse("deep")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown depth 'deep': expected one of login, ship, block, lobby");
        assertThat(Depth.parse(" Block ")).isEqualTo(Depth.BLOCK);
    }

    @Test
    void aFailureBelowTheDepthIsAResultWithItsStage() {
        CheckResult r = HealthCheck.builder(client(), new Credentials("player1", "wrong")).depth(Depth.BLOCK).build().run();

        assertThat(r.ok()).isFalse();
        assertThat(r.depth()).isEqualTo(Depth.BLOCK);
        assertThat(r.error()).containsInstanceOf(ShipException.LoginRefused.class);
        assertThat(r.failedStage()).contains(Stage.LOGIN);
    }
}
