package dev.shipctl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.Credentials;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the chain carries from one 0x93 to the next, and the stage clock's deadlines. */
class ChainStateTest {
    private static final Credentials BOT = new Credentials("player1", "player123");

    @Test
    void theNext93CarriesWhatTheLatestE6Said() throws Exception {
        ChainState state = new ChainState(BOT);
        ClientLogin first = state.login(0, ClientLogin.NO_SLOT);
        assertThat(first.guildCard()).isZero();
        assertThat(first.clientConfig()).isEqualTo(ClientLogin.versionConfig());

        byte[] config = new byte[0x28];
        config[0] = 7;
        state.accept(new ServerSecurityData(0, ClientLogin.PLAYER_TAG, 42000002, 0x1234, config, 1, 1), Stage.LOGIN);
        ClientLogin next = state.login(4, 2);

        assertThat(next.guildCard()).isEqualTo(42000002);
        assertThat(next.securityToken()).isEqualTo(0x1234);
        assertThat(next.clientConfig()).isEqualTo(config);
        assertThat(next.slot()).isEqualTo(2);
        assertThat(next.phase()).isEqualTo(4);
        assertThat(state.guildCard()).isEqualTo(42000002);
    }

    @Test
    void anE6WithAnErrorCodeIsARefusalNamingTheStage() {
        ChainState state = new ChainState(BOT);
        assertThatThrownBy(() -> state.accept(new ServerSecurityData(3, 0, 0, 0, new byte[0x28], 0, 0), Stage.CHARACTER_SELECT))
                .isInstanceOf(ShipException.LoginRefused.class)
                .satisfies(e -> assertThat(((ShipException) e).stage()).contains(Stage.CHARACTER_SELECT));
        assertThat(state.guildCard()).as("nothing saved").isZero();
    }

    @Test
    void theHardwareIdIsStablePerAccountAndDiffersBetweenAccounts() {
        assertThat(HardwareId.of("player1")).hasSize(8).isEqualTo(HardwareId.of("player1")).isNotEqualTo(HardwareId.of("player2"));
        assertThat(new ChainState(BOT).login(0, 0).hardwareId()).isEqualTo(HardwareId.of("player1"));
    }

    @Test
    void eachStageGetsItsOwnDeadlineButNeverPastTheWholeLogins() {
        StageClock clock = new StageClock(Duration.ofHours(1), Optional.of(Duration.ofMinutes(1)));
        clock.begin(Stage.LOGIN);
        assertThat(clock.deadline().whole()).as("the whole login's minute is earlier than the stage's hour").isTrue();
        StageClock unbounded = new StageClock(Duration.ofSeconds(5), Optional.empty());
        unbounded.begin(Stage.SHIP);
        assertThat(unbounded.deadline().whole()).isFalse();
        assertThat(unbounded.deadline().limit()).isEqualTo(Duration.ofSeconds(5));
        assertThat(unbounded.stage()).isEqualTo(Stage.SHIP);
        assertThat(unbounded.complete("BLOCK01").stage()).isEqualTo(Stage.SHIP);
        assertThat(unbounded.timings()).extracting(t -> t.detail()).containsExactly("BLOCK01");
    }
}
