package dev.shipctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.ReplayPeer.Port;
import dev.shipctl.ReplayPeer.Script;
import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.packet.lobby.ClientPlayerData;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerPlayerDataRequest;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.menu.ClientMenuSelect;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client's state machine against the bytes a real Tethealla sent (captures in shipctl-protocol's test
 * resources): the session must walk the same chain the capture tool walked and reach the same lobby.
 */
class ReplayedTetheallaChainTest {
    private static final Credentials GM = new Credentials("gmadmin", "not-checked");

    static Map<Port, List<Script>> fullChain() {
        return Map.of(
                Port.LOGIN, List.of(new Script("login", null)),
                Port.CHARACTER, List.of(new Script("char-1-data", "02-S-E6.hex"), new Script("char-2-select", null),
                        new Script("char-3-ships", null)),
                Port.SHIP, List.of(new Script("ship", null)),
                Port.BLOCK, List.of(new Script("block", "08-S-60.hex")));
    }

    @Test
    void reachesTheCapturedLobby() throws Exception {
        try (ReplayPeer peer = new ReplayPeer(fullChain())) {
            ShipClient client = ShipClient.builder().server("127.0.0.1", peer.port(Port.LOGIN))
                    .timeout(Duration.ofSeconds(5)).build();
            try (Session s = client.connect(GM)) {
                assertThat(s.flavour().name()).isEqualTo("tethealla");
                assertThat(s.guildCard()).isEqualTo(42000001);
                assertThat(s.characterName()).isEqualTo("GMBot");
                assertThat(s.ships()).extracting(MenuItem::name).containsExactly("TestShip");
                assertThat(s.ships().getFirst().players()).contains(0);
                assertThat(s.blocks()).extracting(MenuItem::name).containsExactly("BLOCK01", "BLOCK02");
                assertThat(s.lobby().players()).extracting(Player::name).contains("GMBot");
                assertThat(s.timings()).extracting(StageTiming::stage).containsExactly(Stage.CONNECT, Stage.LOGIN,
                        Stage.CHARACTER_TOKEN, Stage.CHARACTER_SELECT, Stage.SHIP_LIST, Stage.SHIP, Stage.BLOCK, Stage.LOBBY);
            }
            assertClientPacketsMatchTheCapture(peer.received());
        }
    }

    /**
     * Every 0x93 and 0x10 the session sent carries what the capture tool sent at that point; the 0x61 is the genuine
     * client's answer to the captured E7 (the capture holds shipctl's older, shorter 0x61, whose bytes it begins with).
     */
    private static void assertClientPacketsMatchTheCapture(List<Frame> sent) throws Exception {
        List<String> order = List.of("login", "char-1-data", "char-2-select", "char-3-ships", "ship", "block");
        List<ClientLogin> logins = sent.stream().filter(f -> f.command() == 0x93).map(ReplayedTetheallaChainTest::decode)
                .map(ClientLogin.class::cast).toList();
        assertThat(logins).hasSize(order.size());
        for (int i = 0; i < order.size(); i++) {
            ClientLogin expected = (ClientLogin) Captures.packet("tethealla", order.get(i), "01-C-93.hex").decode();
            ClientLogin actual = logins.get(i);
            assertThat(actual.password()).isEqualTo(GM.password());
            assertThat(actual.guildCard()).as("guild card, " + order.get(i)).isEqualTo(expected.guildCard());
            assertThat(actual.securityToken()).as("token, " + order.get(i)).isEqualTo(expected.securityToken());
            assertThat(actual.phase()).as("phase, " + order.get(i)).isEqualTo(expected.phase());
            assertThat(actual.subVersion()).isEqualTo(expected.subVersion());
            assertThat(actual.clientConfig()).as("config, " + order.get(i)).isEqualTo(expected.clientConfig());
        }
        ClientMenuSelect shipChoice = (ClientMenuSelect) decode(sent.stream().filter(f -> f.command() == 0x10).findFirst().orElseThrow());
        ClientMenuSelect expectedShip = (ClientMenuSelect) Captures.packet("tethealla", "char-3-ships", "06-C-10.hex").decode();
        assertThat(shipChoice).isEqualTo(expectedShip);
        ClientPlayerData answer = (ClientPlayerData) decode(sent.stream().filter(f -> f.command() == 0x61).findFirst().orElseThrow());
        ServerFullCharacter e7 = (ServerFullCharacter) Captures.packet("tethealla", "block", "04-S-E7.hex").decode();
        byte[] sentAnswer = Packets.encode(answer);
        assertThat(sentAnswer).isEqualTo(Packets.encode(ClientPlayerData.from(e7))).hasSize(0x830);
        byte[] capturedAnswer = Captures.packet("tethealla", "block", "06-C-61.hex").plain();
        assertThat(Arrays.copyOfRange(sentAnswer, 4, capturedAnswer.length)).isEqualTo(Arrays.copyOfRange(capturedAnswer, 4, capturedAnswer.length));
    }

    /**
     * A block may ask for the player data again (0x95) while the session sits in the lobby: the answer is the 0x61
     * the session sent when it entered, built from the character it received then.
     */
    @Test
    void answersALaterPlayerDataRequestWithTheSame0x61() throws Exception {
        Map<Port, List<Script>> plan = new java.util.HashMap<>(fullChain());
        plan.put(Port.BLOCK, List.of(new Script("block", "08-S-60.hex", List.of(Packets.encode(new ServerPlayerDataRequest())))));
        try (ReplayPeer peer = new ReplayPeer(plan)) {
            ShipClient client = ShipClient.builder().server("127.0.0.1", peer.port(Port.LOGIN))
                    .timeout(Duration.ofSeconds(5)).build();
            try (Session s = client.connect(GM)) {
                Frame first = peer.next(0x61, Duration.ofSeconds(5));
                Frame again = peer.next(0x61, Duration.ofSeconds(5));
                assertThat(again).as("the answer to the later 0x95").isNotNull();
                assertThat(again.data()).isEqualTo(first.data()).hasSize(0x830);
                assertThat(s.characterName()).isEqualTo("GMBot");
            }
        }
    }

    @Test
    void wrongPasswordIsRefusedWithTheServersWords() throws Exception {
        try (ReplayPeer peer = new ReplayPeer(Map.of(Port.LOGIN, List.of(new Script("login-wrong-password", null))))) {
            ShipClient client = ShipClient.builder().server("127.0.0.1", peer.port(Port.LOGIN)).build();
            assertThatThrownBy(() -> client.connect(GM))
                    .isInstanceOfSatisfying(ShipException.LoginRefused.class, e -> {
                        assertThat(e.serverText()).isEqualTo("Username or password is incorrect.");
                        assertThat(e.stage()).contains(Stage.LOGIN);
                        assertThat(e.timings()).extracting(StageTiming::stage).containsExactly(Stage.CONNECT);
                    })
                    .hasMessageNotContaining(GM.password());
        }
    }

    @Test
    void aServerThatStopsAnsweringTimesOutNamingTheStage() throws Exception {
        // the ship's script ends after 0x93: the block list never comes
        Map<Port, List<Script>> plan = new java.util.HashMap<>(fullChain());
        plan.put(Port.SHIP, List.of(new Script("ship", "01-C-93.hex")));
        try (ReplayPeer peer = new ReplayPeer(plan)) {
            ShipClient client = ShipClient.builder().server("127.0.0.1", peer.port(Port.LOGIN))
                    .timeout(Duration.ofSeconds(2)).build();
            assertThatThrownBy(() -> client.connect(GM))
                    .isInstanceOfSatisfying(ShipException.StageTimeout.class, e -> assertThat(e.stage()).contains(Stage.SHIP))
                    .hasMessageContaining("E6 on the ship");
        }
    }

    private static Object decode(Frame f) {
        try {
            return Packets.decode(Direction.CLIENT, f);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
