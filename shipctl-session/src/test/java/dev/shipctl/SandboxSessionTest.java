package dev.shipctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.sandbox.Sandbox;
import dev.shipctl.sandbox.SandboxEvent;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session against the sandbox on loopback: lobby life after login (events, keepalive, chat spacing, close). */
class SandboxSessionTest {
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
            assertThat(sandbox.events().find(SandboxEvent.ChatDropped.class, e -> true)).isEmpty();
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

    private void restartWithFastKeepalive(Duration pingInterval) throws Exception {
        sandbox.close();
        sandbox = Sandbox.builder().bind(InetAddress.getLoopbackAddress()).loginPort(0).shipPort(0)
                .pingInterval(pingInterval).idleTimeout(Duration.ofMillis(600)).tickInterval(Duration.ofMillis(50))
                .build().start();
    }

    @Test
    void answeringTheServersPingsKeepsAnIdleSession() throws Exception {
        restartWithFastKeepalive(Duration.ofMillis(200));
        PingCounter pings = new PingCounter();
        ShipClient idle = client().newBuilder().keepaliveInterval(Duration.ofHours(1)).trace(pings).build();
        try (Session s = idle.connect(new Credentials("player1", "player123"))) {
            // the server pings after 200 ms of silence and would drop at 600 ms; every ping is answered
            assertThat(pings.serverPings.tryAcquire(5, WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
            assertThat(pings.clientPings.tryAcquire(5, WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
            assertThat(s.isOpen()).isTrue();
            assertStillAnswered(s);
        }
    }

    @Test
    void ownKeepalivesKeepASessionWithAServerThatNeverPings() throws Exception {
        restartWithFastKeepalive(Duration.ofMillis(590));
        PingCounter pings = new PingCounter();
        ShipClient eager = client().newBuilder().keepaliveInterval(Duration.ofMillis(50)).trace(pings).build();
        try (Session s = eager.connect(new Credentials("player1", "player123"))) {
            // 30 keepalives at 50 ms span far more than the 600 ms idle timeout; the server would only ping in the
            // last 10 ms before dropping, so it is the session's own 0x1D that keeps it
            assertThat(pings.clientPings.tryAcquire(30, WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();
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
    void closingEndsTheSessionWithoutACause() throws Exception {
        Session s = client().connect(new Credentials("player1", "player123"));
        s.close();
        SessionEvent.Disconnected end = s.awaitDisconnect(WAIT).orElseThrow();
        assertThat(end.cause()).isEmpty();
        assertThat(s.isOpen()).isFalse();
        assertThat(s.chat("/bank")).isCompletedExceptionally();
    }
}
