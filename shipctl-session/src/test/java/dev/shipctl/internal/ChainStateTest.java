package dev.shipctl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.Credentials;
import dev.shipctl.MenuItem;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
    void chainsThatSawTheSameListsKeepOneCopyOfThem() {
        List<MenuItem> blocks = new ArrayList<>();
        for (int i = 1; i <= 56; i++) blocks.add(new MenuItem("BLOCK%02d".formatted(i), 2, i, Optional.empty()));
        ChainState first = new ChainState(BOT), second = new ChainState(BOT);
        first.blocks(blocks);
        second.blocks(new ArrayList<>(blocks)); // equal, not the same list: as decoded from another login's 0x07
        assertThat(second.blocks()).isSameAs(first.blocks()).isEqualTo(blocks);

        blocks.set(0, new MenuItem("BLOCK99", 2, 99, Optional.empty())); // the caller's list is copied, not kept
        assertThat(first.blocks().getFirst().name()).isEqualTo("BLOCK01");
        assertThatThrownBy(() -> first.blocks().clear()).isInstanceOf(UnsupportedOperationException.class);

        ChainState third = new ChainState(BOT); // another list: its own copy, and the first chains keep theirs
        third.blocks(blocks);
        assertThat(third.blocks()).isEqualTo(blocks).isNotSameAs(first.blocks());
        assertThat(first.blocks().getFirst().name()).isEqualTo("BLOCK01");

        List<MenuItem> ships = List.of(new MenuItem("Ship01", 1, 1, Optional.of(12)));
        first.ships(ships);
        second.ships(List.copyOf(new ArrayList<>(ships)));
        assertThat(second.ships()).isSameAs(first.ships());
        ChainState fourth = new ChainState(BOT); // a population changed: a list of its own
        fourth.ships(List.of(new MenuItem("Ship01", 1, 1, Optional.of(13))));
        assertThat(fourth.ships()).isNotSameAs(first.ships());
        assertThat(first.ships().getFirst().players()).contains(12);
    }

    @Test
    void theFastPath93CarriesTheTicketAndNoCredentials() {
        byte[] config = new byte[0x28];
        config[0x20] = 9;
        dev.shipctl.MenuItem block = new dev.shipctl.MenuItem("BLOCK01", 1, 0xEF0000FF, Optional.empty());
        dev.shipctl.ResumeTicket ticket = new dev.shipctl.ResumeTicket("tethealla", "127.0.0.1", 12000, "player1", 0,
                42000002, 0x5678, config, new dev.shipctl.ResumeTicket.Hop(block, 1, "127.0.0.1", 5278),
                new dev.shipctl.ResumeTicket.Hop(block, 1, "127.0.0.1", 5279));
        ClientLogin login = ChainState.resuming(BOT, ticket).login(5, 0);
        assertThat(login.username()).isEmpty();
        assertThat(login.password()).isEmpty();
        assertThat(login.guildCard()).isEqualTo(42000002);
        assertThat(login.securityToken()).isEqualTo(0x5678);
        assertThat(login.clientConfig()).isEqualTo(config);
        assertThat(login.hardwareId()).isEqualTo(new ChainState(BOT).login(0, 0).hardwareId());
    }

    @Test
    void tracesSeeNeitherThePasswordNorTheSecurityData() throws Exception {
        ChainState state = new ChainState(BOT);
        byte[] config = new byte[0x28];
        java.util.Arrays.fill(config, (byte) 0x5A);
        state.accept(new ServerSecurityData(0, ClientLogin.PLAYER_TAG, 42000002, 0x1234, config, 1, 1), Stage.LOGIN);
        byte[] sent = dev.shipctl.protocol.registry.Packets.encode(state.login(5, 0));
        byte[] traced = TraceRedaction.client(sent);
        assertThat(java.util.Arrays.copyOfRange(traced, 0x4C, 0x7C)).containsOnly(0);
        assertThat(java.util.Arrays.copyOfRange(traced, 0x18, 0x1C)).containsOnly(0);
        assertThat(java.util.Arrays.copyOfRange(traced, 0x8C, 0xB4)).containsOnly(0);
        assertThat(java.util.Arrays.copyOfRange(traced, 0x1C, 0x23)).isEqualTo("player1".getBytes()); // the rest stays
        assertThat(java.util.Arrays.copyOfRange(sent, 0x18, 0x1C)).containsExactly(0x34, 0x12, 0, 0); // a copy was blanked

        byte[] firstContact = TraceRedaction.client(dev.shipctl.protocol.registry.Packets.encode(new ChainState(BOT).login(0, 0xFF)));
        assertThat(new String(firstContact, 0x8C, 12, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(ClientLogin.VERSION_STRING);

        byte[] e6 = dev.shipctl.protocol.registry.Packets.encode(new ServerSecurityData(0, ClientLogin.PLAYER_TAG, 42000002, 0x1234, config, 1, 1));
        byte[] e6Traced = TraceRedaction.server(e6);
        assertThat(java.util.Arrays.copyOfRange(e6Traced, 0x14, 0x40)).containsOnly(0);
        assertThat(java.util.Arrays.copyOfRange(e6Traced, 0x10, 0x14)).isEqualTo(java.util.Arrays.copyOfRange(e6, 0x10, 0x14));
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
