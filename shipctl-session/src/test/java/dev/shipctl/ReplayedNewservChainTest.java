package dev.shipctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.NewservReplayPeer.Script;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.captures.Captures.Captured;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Hex;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.packet.character.ClientCharacterSelect;
import dev.shipctl.protocol.packet.character.ClientCreateCharacter;
import dev.shipctl.protocol.packet.login.ClientLogin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The newserv flavour against the bytes a real newserv sent (captures in shipctl-protocol's test resources,
 * captures/connections/newserv/): the session walks the same four connections on one port as the capture tool did, reaches the
 * same lobby, sends byte for byte what the tool sent, and the admin verbs read newserv's real replies.
 */
class ReplayedNewservChainTest {
    static final String SERVER = "newserv";
    private static final Credentials ADMIN = new Credentials("adminbb", "not-checked");
    private static final Credentials PLAYER = new Credentials("playerbb", "not-checked");
    private static final Credentials VICTIM = new Credentials("victimbb", "not-checked");

    /** The first packet of {@code command} the server sent on a captured connection. */
    static Captured first(String stage, int command) {
        return Captures.stage(SERVER, stage).stream().filter(c -> c.sender() == Direction.SERVER && c.command() == command)
                .findFirst().orElseThrow(() -> new AssertionError("no S " + Hex.command(command) + " in " + stage));
    }

    /** login, data-preview, create (when the slot was empty), then the game connection up to {@code gameUntil}. */
    static List<Script> chain(String prefix, String gameUntil) {
        List<Script> plan = new ArrayList<>(List.of(new Script(prefix + "login"), new Script(prefix + "data-preview")));
        if (Captures.stages(SERVER).contains(prefix + "create")) plan.add(new Script(prefix + "create"));
        plan.add(new Script(prefix + "game", gameUntil));
        return plan;
    }

    static String lobbyJoin(String prefix) {
        return first(prefix + "game", 0x67).file();
    }

    private static ShipClient client(NewservReplayPeer peer, int slot) {
        return ShipClient.builder().server("127.0.0.1", peer.port()).slot(slot).timeout(Duration.ofSeconds(5))
                .keepaliveInterval(Duration.ofHours(1)).build();
    }

    /** The slot the capture tool used for a prefix (from its phase-4 0x93). */
    private static int slot(String prefix) throws Exception {
        return ((ClientLogin) Captures.stage(SERVER, prefix + "game").get(1).decode()).slot();
    }

    @Test
    void autoDetectsNewservAndReachesTheCapturedLobby() throws Exception {
        try (NewservReplayPeer peer = new NewservReplayPeer(chain("", lobbyJoin("")))) {
            ShipClient client = client(peer, slot(""));
            // a ticket is never tried on newserv, which checks the password on every 0x93: the replay sees the chain
            MenuItem item = new MenuItem("x", 1, 1, java.util.Optional.empty());
            ResumeTicket ticket = new ResumeTicket("newserv", client.host(), client.port(), ADMIN.username(), client.slot(), 1, 2,
                    new byte[ResumeTicket.CONFIG_SIZE], new ResumeTicket.Hop(item, 1, "127.0.0.1", peer.port()),
                    new ResumeTicket.Hop(item, 1, "127.0.0.1", peer.port()));
            try (Session s = client.newBuilder().resume(ticket).build().connect(ADMIN)) {
                assertThat(s.loginPath().kind()).isEqualTo(LoginPath.Kind.FULL_CHAIN);
                assertThat(s.loginPath().note()).contains("newserv servers have no fast path");
                assertThat(s.resumeTicket()).isEmpty();
                assertThat(s.flavour().name()).isEqualTo("newserv");
                assertThat(Integer.toUnsignedLong(s.guildCard())).isEqualTo(0x00A0A0A0L);
                assertThat(s.lobby().players()).extracting(Player::guildCard).contains(s.guildCard());
                List<Stage> stages = s.timings().stream().map(StageTiming::stage).toList();
                assertThat(stages).containsExactly(Stage.CONNECT, Stage.LOGIN, Stage.CHARACTER_SELECT, Stage.MENU, Stage.LOBBY);
                assertThat(s.timings().getFirst().detail()).isEqualTo("newserv");
                assertThatThrownBy(() -> s.changeLobby(2)).isInstanceOf(ShipException.Unsupported.class).hasMessageContaining("newserv");
            }
            assertSentWhatTheToolSent(peer, "");
        }
    }

    @Test
    void createsACharacterWhenTheSlotIsEmpty() throws Exception {
        assertThat(Captures.stages(SERVER)).as("the capture of a login into an empty slot").contains("player-create");
        try (NewservReplayPeer peer = new NewservReplayPeer(chain("player-", lobbyJoin("player-")))) {
            try (Session s = client(peer, slot("player-")).connect(PLAYER)) {
                assertThat(s.timings().get(2).detail()).contains("was empty: created");
                assertThat(s.characterName()).isNotBlank();
            }
            assertSentWhatTheToolSent(peer, "player-");
            List<Frame> create = peer.received().get(2).frames();
            assertThat(create).extracting(Frame::command).containsExactly(0x93, 0xE5);
            assertThat(decode(create.get(1))).isInstanceOf(ClientCreateCharacter.class);
        }
    }

    /** Each connection's 0x93s, E3 and E5 and 0x10 equal, byte for byte (password aside), the tool's. */
    private static void assertSentWhatTheToolSent(NewservReplayPeer peer, String prefix) throws Exception {
        List<NewservReplayPeer.Received> got = peer.received();
        for (NewservReplayPeer.Received r : got) {
            List<Captured> captured = Captures.stage(SERVER, r.stage()).stream().filter(c -> c.sender() == Direction.CLIENT).toList();
            assertThat(r.frames().size()).as(r.stage()).isGreaterThanOrEqualTo(1);
            for (int i = 0; i < r.frames().size() && i < captured.size(); i++) {
                byte[] sent = r.frames().get(i).data().clone();
                if (r.frames().get(i).command() == 0x93) {
                    ClientLogin l = (ClientLogin) decode(r.frames().get(i));
                    assertThat(l.password()).isEqualTo("not-checked");
                    System.arraycopy(captured.get(i).plain(), 0x4C, sent, 0x4C, 0x30); // the redacted password
                    // hardware id: the tool's is fixed, shipctl's derives from the username
                    System.arraycopy(captured.get(i).plain(), 0x84, sent, 0x84, 8);
                }
                assertThat(Hex.bytes(sent)).as(r.stage() + " client packet " + i).isEqualTo(Hex.bytes(captured.get(i).plain()));
            }
        }
        assertThat(got.stream().map(NewservReplayPeer.Received::stage).toList()).startsWith(prefix + "login", prefix + "data-preview");
        ClientCharacterSelect preview = (ClientCharacterSelect) decode(got.get(1).frames().get(1));
        assertThat(preview.select()).isFalse();
    }

    @Test
    void wrongPasswordIsRefusedWithE6Error3() throws Exception {
        try (NewservReplayPeer peer = new NewservReplayPeer(List.of(new Script("login-wrong-password")))) {
            assertThatThrownBy(() -> client(peer, 0).connect(PLAYER))
                    .isInstanceOfSatisfying(ShipException.LoginRefused.class, e -> {
                        assertThat(e.serverText()).contains("Incorrect Game ID or Game Password");
                        assertThat(e.stage()).contains(Stage.LOGIN);
                    });
        }
    }

    @Test
    void bannedAccountIsRefusedWithE6Error6() throws Exception {
        try (NewservReplayPeer peer = new NewservReplayPeer(List.of(new Script("login-banned")))) {
            assertThatThrownBy(() -> client(peer, 0).connect(VICTIM))
                    .isInstanceOfSatisfying(ShipException.LoginRefused.class, e -> assertThat(e.serverText()).contains("suspended"));
        }
    }

    @Test
    void adminVerbsReadNewservsRealReplies() throws Exception {
        Duration wait = Duration.ofSeconds(3);
        try (NewservReplayPeer peer = new NewservReplayPeer(chain("", null))) {
            try (Session s = client(peer, slot("")).connect(ADMIN)) {
                Admin admin = Admin.of(s);
                AdminResult named = admin.announce("hello from shipctl", false, wait);
                assertThat(named.outcome()).isEqualTo(AdminResult.Outcome.DONE);
                assertThat(named.replies()).extracting(AdminResult.Exchange::label).contains("EE");
                assertThat(admin.announce("anonymous hello", false, true, false, wait).outcome()).isEqualTo(AdminResult.Outcome.DONE);
                assertThat(admin.announce("mail hello", false, false, true, wait).outcome()).isEqualTo(AdminResult.Outcome.DONE);
                AdminResult li = admin.command("$li", Duration.ofMillis(600));
                assertThat(li.outcome()).isEqualTo(AdminResult.Outcome.REPLIED);
                assertThat(li.replies()).extracting(AdminResult.Exchange::label).containsOnly("B0");
                assertThat(admin.event(2, wait).outcome()).isEqualTo(AdminResult.Outcome.DONE);
                assertThatThrownBy(() -> admin.command("$nosuchcommand", Duration.ofMillis(600)))
                        .isInstanceOf(ShipException.NoReply.class).hasMessageContaining("Unknown command");
                int player = ((ClientLogin) Captures.stage(SERVER, "player-game").get(1).decode()).guildCard();
                AdminResult kick = admin.kick(player, wait);
                assertThat(kick.outcome()).isEqualTo(AdminResult.Outcome.DONE);
                assertThat(kick.summary()).contains("kicked");
                int victim = ((ClientLogin) Captures.stage(SERVER, "victim-game").get(1).decode()).guildCard();
                AdminResult ban = admin.banFor(victim, Duration.ofMinutes(1), wait);
                assertThat(ban.outcome()).isEqualTo(AdminResult.Outcome.DONE);
            }
            // the session sent exactly what the tool sent on the game connection, its answer to newserv's 1D included
            NewservReplayPeer.Received game = peer.received().getLast();
            List<Captured> captured = Captures.stage(SERVER, "game").stream().filter(c -> c.sender() == Direction.CLIENT).toList();
            assertThat(game.frames()).hasSizeGreaterThanOrEqualTo(captured.size());
            for (int i = 1; i < captured.size(); i++) {
                assertThat(Hex.bytes(game.frames().get(i).data())).as("game client packet " + i).isEqualTo(Hex.bytes(captured.get(i).plain()));
            }
        }
    }

    @Test
    void refusalsExit7TheIdlePingIsAnsweredAndAKickEndsTheSession() throws Exception {
        Duration wait = Duration.ofSeconds(3);
        List<Script> plan = new ArrayList<>(chain("player-", null));
        plan.set(plan.size() - 1, new Script("player-game", null, first("player-game", 0x1D).file()));
        try (NewservReplayPeer peer = new NewservReplayPeer(plan)) {
            Session s = client(peer, slot("player-")).connect(PLAYER);
            try (s) {
                Admin admin = Admin.of(s);
                assertThatThrownBy(() -> admin.announce("not allowed", false, wait))
                        .isInstanceOf(ShipException.NoReply.class).hasMessageContaining("You do not have permission to run this command.");
                int adminGc = ((ClientLogin) Captures.stage(SERVER, "game").get(1).decode()).guildCard();
                assertThatThrownBy(() -> admin.command("$kick " + Integer.toUnsignedString(adminGc), Duration.ofMillis(600)))
                        .isInstanceOf(ShipException.NoReply.class).hasMessageContaining("permission");
                // then newserv's idle 1D (30 s later on the real server; answered by the session on its own), and the admin's $kick
                peer.release();
                SessionEvent.Disconnected end = s.awaitDisconnect(Duration.ofSeconds(5)).orElseThrow();
                assertThat(end.reason()).contains("kicked");
            }
            List<Frame> sent = peer.received().getLast().frames();
            assertThat(sent).extracting(Frame::command).contains(0x1D);
            Frame ping = sent.stream().filter(f -> f.command() == 0x1D).findFirst().orElseThrow();
            assertThat(ping.size()).isEqualTo(8);
        }
    }

    private static Object decode(Frame f) throws Exception {
        return Packets.decode(Direction.CLIENT, f);
    }
}
