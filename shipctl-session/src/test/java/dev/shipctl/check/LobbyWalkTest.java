package dev.shipctl.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.shipctl.Credentials;
import dev.shipctl.Lobby;
import dev.shipctl.Player;
import dev.shipctl.ServerFlavour;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.sandbox.LocalGms;
import dev.shipctl.sandbox.Sandbox;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Walking the lobbies of a block: who is where, with their roles, as the library sees it. */
class LobbyWalkTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().bind(InetAddress.getLoopbackAddress()).loginPort(0).shipPort(0).localGms(LocalGms.demo())
                .build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Session login(String user, String password) throws Exception {
        return ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).block("1").timeout(WAIT).build()
                .connect(new Credentials(user, password));
    }

    @Test
    void aWalkSeesEachLobbyOfTheRangeWithItsMembersAndTheirRoles() throws Exception {
        try (Session gm = login("gmadmin", "gmadmin123");
             Session localGm = login("localgm", "localgm123")) {
            assertThat(gm.changeLobby(2).number()).isEqualTo(2);
            try (Session walker = login("player1", "player123")) {
                LobbyWalk.Result walk = LobbyWalk.walk(walker, 1, 3);

                assertThat(walk.notes()).isEmpty();
                assertThat(walk.visits()).extracting(v -> v.lobby().number()).containsExactly(1, 2, 3);
                assertThat(walk.visits()).allSatisfy(v -> {
                    assertThat(v.ship()).isEqualTo(sandbox.shipName());
                    assertThat(v.block()).isEqualTo("BLOCK01");
                });
                assertThat(walk.visits().get(0).others()).extracting(Player::name, Player::role)
                        .containsExactly(tuple("LocalGM", Player.Role.LOCAL_GM));
                assertThat(walk.visits().get(1).others()).extracting(Player::name, Player::role)
                        .containsExactly(tuple("GMBot", Player.Role.GM));
                assertThat(walk.visits().get(2).others()).isEmpty();
                assertThat(walk.visits().get(2).lobby().players()).extracting(Player::name, Player::role)
                        .containsExactly(tuple("Player1", Player.Role.PLAYER));
                assertThat(walker.lobby().number()).as("the walk stays in the last lobby").isEqualTo(3);
            }
        }
    }

    @Test
    void aFamilyThatChangesNoLobbiesIsSeenInItsLobbyOnlyWithANote() throws Exception {
        ServerFlavour newserv = ServerFlavour.named("newserv").orElseThrow();
        assertThat(newserv.changesLobbies()).isFalse();
        Lobby lobby = new Lobby(4, 1, 0, List.of(new Player(1, 0, "Me", 0), new Player(2, 1, "Other", 0)));
        Session session = stub(newserv, lobby);

        LobbyWalk.Result walk = LobbyWalk.walk(session, 1, 15);

        assertThat(walk.visits()).singleElement().satisfies(v -> {
            assertThat(v.lobby()).isEqualTo(lobby);
            assertThat(v.others()).extracting(Player::name).containsExactly("Other");
            assertThat(v.ship()).isEmpty();
        });
        assertThat(walk.notes()).singleElement().asString().contains("newserv", "lobby 4");
    }

    @Test
    void aRangeOutsideTheBlocksLobbiesIsRefusedBeforeAnyChange() {
        Session session = stub(ServerFlavour.named("tethealla").orElseThrow(), new Lobby(1, 1, 0, List.of()));
        assertThatThrownBy(() -> LobbyWalk.walk(session, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LobbyWalk.walk(session, 3, 16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LobbyWalk.walk(session, 5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tetheallaShowsGmsByNameColourAndNewservShowsNone() {
        ServerFlavour tethealla = ServerFlavour.named("tethealla").orElseThrow();
        assertThat(tethealla.roleOf(0xFF1D94F7)).isEqualTo(Player.Role.GM);
        assertThat(tethealla.roleOf(0xFFB0CEDE)).isEqualTo(Player.Role.LOCAL_GM);
        assertThat(tethealla.roleOf(0xFFFFFFFF)).isEqualTo(Player.Role.PLAYER);
        assertThat(tethealla.changesLobbies()).isTrue();
        assertThat(ServerFlavour.named("newserv").orElseThrow().roleOf(0xFF1D94F7)).isEqualTo(Player.Role.PLAYER);
    }

    /** A session that knows its flavour, lobby and place only; any other call fails the test. */
    private static Session stub(ServerFlavour flavour, Lobby lobby) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "flavour" -> flavour;
                    case "lobby" -> lobby;
                    case "ship", "block" -> Optional.empty();
                    case "isOpen" -> true;
                    default -> throw new AssertionError("the walk should not call " + method.getName());
                });
    }
}
