package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.chat.ClientSimpleMail;
import dev.shipctl.protocol.packet.chat.ServerBroadcast;
import dev.shipctl.protocol.packet.chat.ServerChat;
import dev.shipctl.protocol.packet.chat.ServerTextMessage;
import dev.shipctl.protocol.packet.chat.SimpleMail;
import dev.shipctl.protocol.packet.keepalive.ClientPing;
import dev.shipctl.protocol.packet.lobby.ServerLobbyAddPlayer;
import dev.shipctl.protocol.packet.lobby.ServerLobbyEvent;
import dev.shipctl.protocol.packet.lobby.ServerLobbyRemovePlayer;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat, cooldown, keepalive and GM commands, with a clock the test moves (no sleeps). */
class LobbyBehaviourTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration SECOND = Duration.ofSeconds(1);
    private final MutableClock clock = new MutableClock();
    @TempDir
    Path dir;
    private Path localGmsFile;
    private Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        localGmsFile = dir.resolve("localgms.ini");
        Files.writeString(localGmsFile, "[localgms]\n42000003,1\n[gmrights]\n1,32767\n");
        sandbox = Sandbox.builder().loginPort(0).localGms(LocalGms.load(localGmsFile)).clock(clock)
                .tickInterval(Duration.ofMillis(10)).build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private ServerTextMessage command(TestClient c, String text) throws Exception {
        clock.advance(SECOND);
        c.send(new ClientChat(0, text));
        return c.until(ServerTextMessage.class);
    }

    /** Sends a command that gets no reply and waits until the sandbox has processed it. */
    private void silent(TestClient c, String text) throws Exception {
        clock.advance(SECOND);
        int before = handled(text);
        c.send(new ClientChat(0, text));
        sandbox.events().await(SandboxEvent.CommandHandled.class, e -> e.command().equals(text) && handled(text) > before, WAIT);
    }

    private int handled(String text) {
        return (int) sandbox.events().history().stream()
                .filter(e -> e instanceof SandboxEvent.CommandHandled h && h.command().equals(text)).count();
    }

    @Test
    void cutClosesAClientsConnectionsWithoutAWordAndTheLobbySeesItLeave() throws Exception {
        try (TestClient gm = Chain.lobby(sandbox, "gmadmin", "gmadmin123");
             TestClient pl = Chain.lobby(sandbox, "player1", "player123")) {
            gm.until(ServerLobbyAddPlayer.class);

            assertThat(sandbox.cut(42000002)).isPositive(); // the block connection, and any earlier one not yet seen closed

            assertThat(pl.readToEnd()).noneMatch(p -> p instanceof ServerMessageBox);
            assertThat(gm.until(ServerLobbyRemovePlayer.class)).isNotNull();
            sandbox.events().await(SandboxEvent.Disconnected.class, d -> d.guildCard() == 42000002 && d.reason().startsWith("cut"), WAIT);
            assertThat(sandbox.cut(42000002)).isZero();
        }
    }

    @Test
    void chatIsRelayedToTheLobbyAndTheCooldownDropsExtrasSilently() throws Exception {
        try (TestClient gm = Chain.lobby(sandbox, "gmadmin", "gmadmin123");
             TestClient pl = Chain.lobby(sandbox, "player1", "player123")) {
            gm.until(ServerLobbyAddPlayer.class);
            clock.advance(SECOND);
            pl.send(new ClientChat(0, "one"));
            pl.send(new ClientChat(0, "two"));      // same second: dropped
            sandbox.events().await(SandboxEvent.ChatDropped.class, e -> e.text().endsWith("two"), WAIT);
            clock.advance(SECOND);
            pl.send(new ClientChat(0, "three"));
            ServerChat first = gm.until(ServerChat.class);
            assertThat(first.senderName()).isEqualTo("Player1");
            assertThat(first.message()).isEqualTo("one");
            assertThat(first.guildCard()).isEqualTo(42000002);
            assertThat(gm.until(ServerChat.class).message()).isEqualTo("three");
            // the sender gets its own lines too
            assertThat(pl.until(ServerChat.class).message()).isEqualTo("one");
            assertThat(pl.until(ServerChat.class).message()).isEqualTo("three");
        }
    }

    @Test
    void announceThenMailIsBroadcastToEveryone() throws Exception {
        try (TestClient gm = Chain.lobby(sandbox, "gmadmin", "gmadmin123");
             TestClient pl = Chain.lobby(sandbox, "player1", "player123")) {
            assertThat(command(gm, "/announce").text()).isEqualTo("\tEAnnounce by\nsending a\nmail.");
            gm.send(new ClientSimpleMail(new SimpleMail(42000001, "GMBot", 0, "", "Hello $C6all")));
            assertThat(gm.until(ServerBroadcast.class).text()).isEqualTo("[GM]GMBot: Hello \tC6all");
            assertThat(pl.until(ServerBroadcast.class).text()).isEqualTo("[GM]GMBot: Hello \tC6all");
            // the mode reset: the next /announce turns it on again rather than cancelling
            assertThat(command(gm, "/announce").text()).isEqualTo("\tEAnnounce by\nsending a\nmail.");
            assertThat(command(gm, "/announce").text()).isEqualTo("\tEAnnounce\ncancelled.");
            assertThat(command(gm, "/global").text()).isEqualTo("\tEGlobal announce\nby sending\na mail.");
            assertThat(command(gm, "/global").text()).isEqualTo("\tEAnnounce\ncancelled.");
        }
    }

    @Test
    void refusedAndUnknownCommandsGetNoReply() throws Exception {
        try (TestClient pl = Chain.lobby(sandbox, "player1", "player123")) {
            silent(pl, "/announce");  // no right
            silent(pl, "/nosuchcommand");
            // a later command that is answered: its reply must be the first thing to arrive
            assertThat(command(pl, "/bank").text()).isEqualTo("\tEBank: Common");
            assertThat(command(pl, "/bank").text()).isEqualTo("\tEBank: Character");
            assertThat(sandbox.events().history()).filteredOn(SandboxEvent.CommandHandled.class::isInstance)
                    .map(e -> ((SandboxEvent.CommandHandled) e).reply())
                    .containsExactly("", "", "Bank: Common", "Bank: Character");
        }
    }

    @Test
    void banTogglesWithTethealllasTexts() throws Exception {
        TestClient[] out = new TestClient[1];
        try (TestClient gm = Chain.lobby(sandbox, "gmadmin", "gmadmin123")) {
            Chain player = Chain.toLobby(sandbox, "player1", "player123", out);
            try (TestClient pl = out[0]) {
                assertThat(command(gm, "/ban").text()).isEqualTo("\tENeed a guild card # to ban.");
                assertThat(command(gm, "/ban 42000001").text()).isEqualTo("\tEYou may not ban this user.");
                assertThat(command(gm, "/ban 42000002").text()).isEqualTo("\tEUser has been banned.");
                assertThat(pl.readToEnd()).contains(new ServerMessageBox("\tEYou've been banned by a GM."));
            }
            // the ban holds on the ship port, with a valid token
            try (TestClient again = TestClient.connect(sandbox.shipPort())) {
                again.send(Chain.login(player.security, "", "", 5, 0, player.security.config()));
                assertThat(again.readToEnd()).containsExactly(new ServerMessageBox("\tEYou are banned from this ship."));
            }
            assertThat(command(gm, "/ban 42000002").text()).isEqualTo("\tEBan removed.");
            // offline target and no record: no reply (checked by the answered command after it)
            silent(gm, "/ban 42000002");
            assertThat(command(gm, "/ipban").text()).isEqualTo("\tENeed a guild card # to IP ban.");
        }
    }

    @Test
    void dcAndEventAndStfu() throws Exception {
        try (TestClient gm = Chain.lobby(sandbox, "gmadmin", "gmadmin123");
             TestClient pl = Chain.lobby(sandbox, "player1", "player123")) {
            assertThat(command(gm, "/dc").text()).isEqualTo("\tENeed a guild card # to disconnect.");
            assertThat(command(gm, "/stfu 42000002").text()).isEqualTo("\tEUser has been silenced.");
            assertThat(pl.until(ServerTextMessage.class).text()).isEqualTo("\tEYou've been silenced.");
            assertThat(command(gm, "/stfu 42000002").text()).isEqualTo("\tEUser is now allowed to speak.");
            silent(gm, "/event 3");
            assertThat(pl.until(ServerLobbyEvent.class).event()).isEqualTo(3);
            assertThat(gm.until(ServerLobbyEvent.class).event()).isEqualTo(3);
            silent(gm, "/dc 42000002");
            assertThat(pl.readToEnd()).contains(new ServerMessageBox("\tEYou've been disconnected by a GM."));
        }
    }

    @Test
    void localGmReloadOnlyAppends() throws Exception {
        Files.writeString(localGmsFile, "[localgms]\n[gmrights]\n1,32767\n");
        sandbox.close();
        sandbox = Sandbox.builder().loginPort(0).localGms(LocalGms.load(localGmsFile)).clock(clock)
                .tickInterval(Duration.ofMillis(10)).build().start();
        try (TestClient gm = Chain.lobby(sandbox, "gmadmin", "gmadmin123");
             TestClient lg = Chain.lobby(sandbox, "localgm", "localgm123")) {
            silent(lg, "/updatelocalgms");   // not a local GM yet: no reply
            assertThat(command(lg, "/bank").text()).isEqualTo("\tEBank: Common");
            Files.writeString(localGmsFile, "[localgms]\n42000003,1\n[gmrights]\n1,32767\n");
            assertThat(command(gm, "/updatelocalgms").text()).isEqualTo("\tELocal GM file reloaded.");
            assertThat(sandbox.localGmRights(42000003)).isEqualTo(32767);
            assertThat(command(lg, "/updatelocalgms").text()).isEqualTo("\tELocal GM file reloaded.");
            // removing the GM from the file does not take the rights away (Tethealla appends only)
            Files.writeString(localGmsFile, "[localgms]\n[gmrights]\n");
            assertThat(command(lg, "/updatelocalgms").text()).isEqualTo("\tELocal GM file reloaded.");
            assertThat(sandbox.localGmRights(42000003)).isEqualTo(32767);
            // a local GM cannot disconnect a global GM
            assertThat(command(lg, "/dc 42000001").text()).isEqualTo("\tEYou may not disconnect this user.");
        }
    }

    @Test
    void idleClientIsDroppedWhilePingingClientStays() throws Exception {
        try (TestClient idle = Chain.lobby(sandbox, "gmadmin", "gmadmin123");
             TestClient alive = Chain.lobby(sandbox, "player1", "player123")) {
            clock.advance(Duration.ofSeconds(61));
            // both get 1D once 60 s passed without a client 1D
            untilPing(alive);
            untilPing(idle);
            alive.send(new ClientPing());
            assertThat(command(alive, "/bank").text()).isEqualTo("\tEBank: Common"); // the 1D was processed
            clock.advance(Duration.ofSeconds(119));              // idle: 181 s, alive: 120 s
            SandboxEvent.Disconnected gone = sandbox.events().await(SandboxEvent.Disconnected.class,
                    e -> e.guildCard() == 42000001 && e.role() == Role.BLOCK, WAIT);
            assertThat(gone.reason()).startsWith("idle");
            assertThat(idle.readToEnd()).isEmpty();
            alive.send(new ClientPing());
            assertThat(command(alive, "/bank").text()).isEqualTo("\tEBank: Character");
        }
    }

    private static void untilPing(TestClient c) throws Exception {
        while (true) {
            dev.shipctl.protocol.frame.Frame f = c.nextFrame();
            assertThat(f).isNotNull();
            if (f.command() == 0x1D) return;
        }
    }

    @Test
    void chatOutsideALobbyOrOversizedIsIgnored() throws Exception {
        try (TestClient pl = Chain.lobby(sandbox, "player1", "player123")) {
            clock.advance(SECOND);
            pl.send(new ClientChat(0, "x".repeat(130)));    // size above 0x100: ignored, no cooldown used
            pl.send(new ClientChat(0, "/bank"));
            Packet reply = pl.until(ServerTextMessage.class);
            assertThat(reply).isEqualTo(new ServerTextMessage("\tEBank: Common"));
        }
    }
}
