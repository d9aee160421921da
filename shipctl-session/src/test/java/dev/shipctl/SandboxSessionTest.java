package dev.shipctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.sandbox.SandboxEvent;
import dev.shipctl.testkit.SandboxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session against the sandbox on loopback: lobby life after login (events, keepalive, chat spacing, close). */
class SandboxSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.withDemoAccounts();

    private ShipClient client() {
        return ShipClient.builder().server("127.0.0.1", SANDBOX.loginPort()).timeout(WAIT).build();
    }

    @Test
    void playersSeeEachOtherJoinChatAndLeave() throws Exception {
        try (Session player = client().connect(new Credentials("player1", "player123"));
             EventStream events = player.events()) {
            try (Session gm = client().connect(new Credentials("gmadmin", "gmadmin123"))) {
                SessionEvent.PlayerJoined joined = events.next(SessionEvent.PlayerJoined.class, WAIT).orElseThrow();
                assertThat(joined.player().name()).isEqualTo("GMBot");
                assertThat(player.lobby().players()).extracting(Player::name).containsExactlyInAnyOrder("Player1", "GMBot");
                gm.chat("hello from the GM").get();
                SessionEvent.Chat chat = events.next(SessionEvent.Chat.class, WAIT).orElseThrow();
                assertThat(chat.name()).isEqualTo("GMBot");
                assertThat(chat.text()).isEqualTo("hello from the GM");
                assertThat(chat.guildCard()).isEqualTo(42000001);
            }
            SessionEvent.PlayerLeft left = events.next(SessionEvent.PlayerLeft.class, WAIT).orElseThrow();
            assertThat(left.player().name()).isEqualTo("GMBot");
            assertThat(player.lobby().players()).extracting(Player::name).containsExactly("Player1");
        }
    }

    @Test
    void chatLinesAreSpacedSoTheCooldownDropsNone() throws Exception {
        try (Session player = client().connect(new Credentials("player1", "player123"));
             EventStream events = player.events()) {
            player.chat("/bank");
            player.chat("/bank");
            player.chat("/bank").get();
            // three toggles, three answers: none fell to Tethealla's one-per-second rule
            String first = events.next(SessionEvent.TextMessage.class, WAIT).orElseThrow().text();
            String second = events.next(SessionEvent.TextMessage.class, WAIT).orElseThrow().text();
            String third = events.next(SessionEvent.TextMessage.class, WAIT).orElseThrow().text();
            assertThat(first).startsWith("Bank: ");
            assertThat(second).startsWith("Bank: ").isNotEqualTo(first);
            assertThat(third).isEqualTo(first);
            assertThat(SANDBOX.sandbox().events().find(SandboxEvent.ChatDropped.class, e -> true)).isEmpty();
        }
    }

    /** Counts 0x1D packets per direction. */
    private static final class PingCounter implements TraceListener {
        final java.util.concurrent.Semaphore clientPings = new java.util.concurrent.Semaphore(0);
        final java.util.concurrent.Semaphore serverPings = new java.util.concurrent.Semaphore(0);

        @Override
        public void onPacket(java.time.Instant at, String connection, dev.shipctl.protocol.Direction sender, byte[] packet) {
            if ((packet[2] & 0xFF) != 0x1D || !connection.startsWith("block")) return;
            if (sender == dev.shipctl.protocol.Direction.SERVER) {
                serverPings.release();
            } else {
                clientPings.release();
            }
        }
    }

    /** The sandbox on a clock the test moves, so keepalive deadlines pass without waiting for them. */
    private void restartOnTestClock(Duration pingInterval, Duration idleTimeout) throws Exception {
        SANDBOX.restart(b -> b.clock(now::get).pingInterval(pingInterval).idleTimeout(idleTimeout).tickInterval(Duration.ofMillis(10)));
    }

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    private void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Test
    void answeringTheServersPingsKeepsAnIdleSession() throws Exception {
        restartOnTestClock(Duration.ofSeconds(60), Duration.ofSeconds(180)); // Tethealla's timings
        PingCounter pings = new PingCounter();
        ShipClient idle = client().newBuilder().keepaliveInterval(Duration.ofHours(1)).trace(pings).build();
        try (Session s = idle.connect(new Credentials("player1", "player123"))) {
            // 60 s of silence: the server pings (on every tick until an answer arrives), the session answers
            advance(Duration.ofSeconds(60));
            assertThat(pings.serverPings.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(pings.clientPings.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            // a reply to chat sent after the first answer: that answer was handled, no ping was sent after it,
            // and every ping sent before it has arrived; wait until each is answered and the answers handled
            assertStillAnswered(s);
            int sent = pings.serverPings.drainPermits() + 1;
            assertThat(pings.clientPings.tryAcquire(sent - 1, WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            advance(Duration.ofSeconds(1)); // the chat cooldown counts clock seconds
            assertStillAnswered(s);
            // 170 s more: 231 s after login, past the 180 s drop; the server's next tick pings again only because
            // the answers counted (without them it would drop the session)
            advance(Duration.ofSeconds(170));
            assertThat(pings.serverPings.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(s.isOpen()).isTrue();
            assertStillAnswered(s);
        }
    }

    @Test
    void ownKeepalivesKeepASessionWithAServerThatNeverPings() throws Exception {
        // the server would ping only in the last millisecond before dropping
        restartOnTestClock(Duration.ofSeconds(180).minusMillis(1), Duration.ofSeconds(180));
        PingCounter pings = new PingCounter();
        ShipClient eager = client().newBuilder().keepaliveInterval(Duration.ofMillis(50)).trace(pings).build();
        try (Session s = eager.connect(new Credentials("player1", "player123"))) {
            // after each of the session's own 0x1D, 150 s pass on the server: 450 s in all, far past the drop
            for (int i = 0; i < 3; i++) {
                pings.clientPings.drainPermits();
                assertThat(pings.clientPings.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
                advance(Duration.ofSeconds(150));
            }
            assertThat(pings.clientPings.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(pings.serverPings.availablePermits()).isZero();
            assertStillAnswered(s);
        }
    }

    private static void assertStillAnswered(Session s) throws Exception {
        try (EventStream events = s.events()) {
            s.chat("/bank").get();
            assertThat(events.next(SessionEvent.TextMessage.class, WAIT)).isPresent();
        }
    }

    @Test
    void changingLobbiesMovesTheSessionAndARefusalIsNoReply() throws Exception {
        restartOnTestClock(Duration.ofSeconds(60), Duration.ofSeconds(180));
        try (Session s = client().connect(new Credentials("player1", "player123"))) {
            assertThat(s.changeLobby(5).number()).isEqualTo(5);
            assertThat(s.lobby().number()).isEqualTo(5);
            assertThat(s.changeLobby(5).number()).as("already there").isEqualTo(5);
            assertThatThrownBy(() -> s.changeLobby(6)).as("a second change in the same clock second")
                    .isInstanceOf(ShipException.NoReply.class).hasMessageContaining("You must wait");
            assertThat(s.lobby().number()).isEqualTo(5);
            advance(Duration.ofSeconds(1));
            assertThat(s.changeLobby(6).number()).isEqualTo(6);
            assertThatThrownBy(() -> s.changeLobby(16)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SANDBOX.sandbox().events().history().stream()
                .filter(e -> e instanceof SandboxEvent.ReachedLobby r && r.guildCard() == 42000002)
                .map(e -> ((SandboxEvent.ReachedLobby) e).lobby())).containsExactly(1, 5, 6);
    }

    @Test
    void aSecondLoginKicksTheFirstWithTheServersWords() throws Exception {
        Session first = client().connect(new Credentials("player1", "player123"));
        try (Session second = client().connect(new Credentials("player1", "player123"))) {
            SessionEvent.Disconnected end = first.awaitDisconnect(WAIT).orElseThrow();
            assertThat(end.reason()).contains("This account has just logged on.");
            assertThat(second.isOpen()).isTrue();
        } finally {
            first.close();
        }
    }

    @Test
    void aWrongKeyTableIsNamedAsTheLikelyCause() throws Exception {
        int[] p = new int[18];
        int[] s = new int[1024];
        for (int i = 0; i < s.length; i++) s[i] = i * 0x01010101;
        ShipClient wrongKeys = client().newBuilder().timeout(Duration.ofSeconds(1))
                .keyTable(new KeyTable("other", p, s, KeyTable.Subtype.STANDARD)).build();
        assertThatThrownBy(() -> wrongKeys.connect(new Credentials("player1", "player123")))
                .isInstanceOf(ShipException.class)
                .hasMessageContaining("wrong key table");
    }

    @Test
    void aShipTheServerDoesNotListIsNoSuchChoiceNotARefusal() {
        assertThatThrownBy(() -> client().newBuilder().ship("Atlantis").build().connect(new Credentials("player1", "player123")))
                .isInstanceOf(ShipException.NoSuchChoice.class)
                .hasMessageContaining("no ship called 'Atlantis'").hasMessageContaining(SANDBOX.sandbox().shipName())
                .satisfies(e -> assertThat(((ShipException) e).stage()).contains(Stage.SHIP_LIST));
    }

    @Test
    void closingEndsTheSessionWithoutACause() throws Exception {
        Session s = client().connect(new Credentials("player1", "player123"));
        s.close();
        SessionEvent.Disconnected end = s.awaitDisconnect(WAIT).orElseThrow();
        assertThat(end.cause()).isEmpty();
        assertThat(s.isOpen()).isFalse();
        assertThat(s.chat("/bank")).isCompletedExceptionally();
    }
}
