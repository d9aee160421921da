package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.packet.lobby.LobbyPlayer;
import dev.shipctl.protocol.packet.lobby.ServerLobbyAddPlayer;
import dev.shipctl.protocol.packet.lobby.ServerLobbyRemovePlayer;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginChainTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().loginPort(0).localGms(LocalGms.demo()).build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void fullChainReachesALobbyAndOthersSeeJoinAndLeave() throws Exception {
        try (TestClient gm = Chain.lobby(sandbox, "gmadmin", "gmadmin123")) {
            sandbox.events().await(SandboxEvent.ReachedLobby.class, e -> e.guildCard() == 42000001, WAIT);
            TestClient[] out = new TestClient[1];
            Chain player = Chain.toLobby(sandbox, "player1", "player123", out);
            try (TestClient pl = out[0]) {
                assertThat(player.joined.lobby().players()).extracting(LobbyPlayer::name).containsExactly("GMBot", "Player1");
                assertThat(player.joined.lobby().clientId()).isEqualTo(1);
                assertThat(player.character.name()).isEqualTo("Player1");
                assertThat(player.character.guildCard()).isEqualTo(42000002);
                ServerLobbyAddPlayer added = gm.until(ServerLobbyAddPlayer.class);
                assertThat(added.lobby().players().getFirst().guildCard()).isEqualTo(42000002);
                SandboxEvent.ReachedLobby reached = sandbox.events().await(SandboxEvent.ReachedLobby.class, e -> e.guildCard() == 42000002, WAIT);
                assertThat(reached.block()).isEqualTo(1);
                assertThat(reached.lobby()).isEqualTo(1);
            }
            assertThat(gm.until(ServerLobbyRemovePlayer.class).clientId()).isEqualTo(1);
        }
    }

    @Test
    void aSandboxWithAKeyPoolSendsTheSameKeysAgainAndStillLogsIn() throws Exception {
        try (Sandbox pooled = Sandbox.builder().loginPort(0).shipPort(0).keyPool(1).build().start();
             TestClient first = TestClient.connect(pooled.loginPort());
             TestClient second = TestClient.connect(pooled.characterPort())) {
            assertThat(second.init.serverKey()).isEqualTo(first.init.serverKey());
            assertThat(second.init.clientKey()).isEqualTo(first.init.clientKey());
            try (TestClient lobby = Chain.lobby(pooled, "player1", "player123")) {
                assertThat(lobby.init.serverKey()).isEqualTo(first.init.serverKey());
            }
        }
    }

    @Test
    void wrongPasswordGetsTethealllasMessageBoxThenClose() throws Exception {
        try (TestClient c = TestClient.connect(sandbox.loginPort())) {
            c.send(Chain.login(null, "player1", "nope", 0, 0xFF, ClientLogin.versionConfig()));
            List<Packet> got = c.readToEnd();
            assertThat(got).containsExactly(new ServerMessageBox("\tEUsername or password is incorrect."));
        }
        sandbox.events().await(SandboxEvent.LoginRejected.class, e -> e.step() == LoginStep.LOGIN, WAIT);
    }

    @Test
    void unknownUserAndOldClientAreRefused() throws Exception {
        try (TestClient c = TestClient.connect(sandbox.loginPort())) {
            c.send(Chain.login(null, "nobody", "x", 0, 0xFF, ClientLogin.versionConfig()));
            assertThat(c.readToEnd()).containsExactly(new ServerMessageBox("\tEUsername or password is incorrect."));
        }
        try (TestClient c = TestClient.connect(sandbox.loginPort())) {
            c.send(Chain.login(null, "player1", "player123", 0, 0xFF, new byte[0x28]));
            assertThat(c.readToEnd()).containsExactly(new ServerMessageBox(
                    "\tEYour client executable is too old.\nPlease update your client through the patch server."));
        }
    }

    @Test
    void bannedAccountIsRefused() throws Exception {
        sandbox.close();
        Accounts accounts = Accounts.parse("""
                [[accounts]]
                user = "outlaw"
                password = "pw"
                guild_card = 42000099
                character = "Outlaw"
                banned = true
                """, "test");
        sandbox = Sandbox.builder().loginPort(0).accounts(accounts).build().start();
        try (TestClient c = TestClient.connect(sandbox.loginPort())) {
            c.send(Chain.login(null, "outlaw", "pw", 0, 0xFF, ClientLogin.versionConfig()));
            assertThat(c.readToEnd()).containsExactly(new ServerMessageBox("\tEYou are banned from this server."));
        }
    }

    @Test
    void secondLoginKicksTheFirstSessionEverywhere() throws Exception {
        try (TestClient first = Chain.lobby(sandbox, "player1", "player123")) {
            new Chain("player1", "player123").loginPort(sandbox.loginPort());
            List<Packet> got = first.readToEnd();
            assertThat(got).contains(new ServerMessageBox("\tEThis account has just logged on.\n\nYou are now being disconnected."));
        }
    }

    @Test
    void wrongTokenOnShipOrCharacterPortIsASecurityViolation() throws Exception {
        Chain chain = new Chain("player1", "player123");
        int charPort = chain.loginPort(sandbox.loginPort());
        chain.character(charPort);
        try (TestClient c = TestClient.connect(sandbox.shipPort())) {
            Chain.Security s = chain.security;
            c.send(Chain.login(new Chain.Security(s.guildCard(), s.token() + 1, s.config()), "", "", 5, 0, s.config()));
            assertThat(c.readToEnd()).containsExactly(new ServerMessageBox("\tESecurity violation."));
        }
        try (TestClient c = TestClient.connect(sandbox.characterPort())) {
            c.send(Chain.login(chain.security, "player1", "player123", 4, 0, new byte[0x28]));
            assertThat(c.readToEnd()).containsExactly(new ServerMessageBox("\tESecurity violation."));
        }
        try (TestClient c = TestClient.connect(sandbox.characterPort())) {
            // after the slot is stored, anything but phase 4 is a synchronisation error
            c.send(Chain.login(chain.security, "player1", "player123", 0, 0, chain.security.config()));
            assertThat(c.readToEnd()).containsExactly(new ServerMessageBox("\tEClient/Server synchronization error."));
        }
    }

    @Test
    void injectedFailuresPerStage() throws Exception {
        sandbox.failAt(LoginStep.SHIP, new SandboxEffect.MessageBox("Ship is down for maintenance."));
        Chain chain = new Chain("player1", "player123");
        int shipPort = chain.character(chain.loginPort(sandbox.loginPort()));
        try (TestClient c = TestClient.connect(shipPort)) {
            c.send(Chain.login(chain.security, "", "", 5, 0, chain.security.config()));
            assertThat(c.readToEnd()).containsExactly(new ServerMessageBox("\tEShip is down for maintenance."));
        }
        sandbox.failAt(LoginStep.LOGIN, new SandboxEffect.Drop());
        try (TestClient c = TestClient.connect(sandbox.loginPort())) {
            c.send(Chain.login(null, "player1", "player123", 0, 0xFF, ClientLogin.versionConfig()));
            assertThat(c.readToEnd()).isEmpty();
        }
        sandbox.failAt(LoginStep.LOGIN, new SandboxEffect.NeverAnswer());
        try (TestClient c = TestClient.connect(sandbox.loginPort())) {
            c.send(Chain.login(null, "player1", "player123", 0, 0xFF, ClientLogin.versionConfig()));
            sandbox.events().await(SandboxEvent.LoginRejected.class, e -> e.reason().startsWith("no answer"), WAIT);
            assertThat(c.socket.getInputStream().available()).isZero();
        }
        sandbox.clearFailures();
        try (TestClient c = TestClient.connect(sandbox.loginPort())) {
            c.send(Chain.login(null, "player1", "player123", 0, 0xFF, ClientLogin.versionConfig()));
            assertThat(c.next()).isInstanceOf(ServerSecurityData.class);
        }
    }

    @Test
    void unknownCommandOnTheLoginPortDisconnects() throws Exception {
        try (TestClient c = TestClient.connect(sandbox.loginPort())) {
            c.send(new dev.shipctl.protocol.packet.keepalive.ClientPing());
            assertThat(c.readToEnd()).isEmpty();
        }
    }
}
