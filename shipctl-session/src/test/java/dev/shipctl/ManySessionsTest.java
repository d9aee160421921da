package dev.shipctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.Direction;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.Sandbox;
import dev.shipctl.sandbox.SandboxEvent;
import dev.shipctl.testkit.SandboxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The threads a session keeps, in {@link ShipClient.Builder#manySessions} mode and by default: one reader while idle
 * (virtual in that mode), chat and event threads only while they have work, keepalives on one shared timer.
 */
class ManySessionsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.withDemoAccounts();

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

    private ShipClient client(boolean many) {
        return ShipClient.builder().server("127.0.0.1", SANDBOX.loginPort()).timeout(WAIT).manySessions(many).build();
    }

    /** Platform threads only: {@link Thread#getAllStackTraces()} leaves virtual ones out. */
    private static List<String> platformThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith(prefix)).sorted().toList();
    }

    @Test
    void anIdleSessionOfManyKeepsOneVirtualReaderChatsAndLeavesNoThreadWhenClosed() throws Exception {
        Session s = client(true).connect(new Credentials("player1", "player123"));
        try {
            assertThat(LiveThreads.named("shipctl-Player1")).containsExactly("shipctl-Player1-reader");
            assertThat(platformThreads("shipctl-Player1")).isEmpty(); // the reader is virtual
            s.chat("hello from many").get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(SANDBOX.sandbox().events().await(SandboxEvent.ChatRelayed.class,
                    e -> e.text().endsWith("hello from many"), WAIT)).isNotNull();
        } finally {
            s.close();
        }
        assertThat(s.awaitDisconnect(WAIT).orElseThrow().cause()).isEmpty();
        assertThat(LiveThreads.named("shipctl-Player1")).isEmpty();
    }

    @Test
    void byDefaultTheReaderIsAPlatformThreadAndTheOnlyOneWhileIdle() throws Exception {
        try (Session s = client(false).connect(new Credentials("player1", "player123"))) {
            assertThat(s.isOpen()).isTrue();
            assertThat(LiveThreads.named("shipctl-Player1")).containsExactly("shipctl-Player1-reader");
            assertThat(platformThreads("shipctl-Player1")).containsExactly("shipctl-Player1-reader");
        }
        assertThat(LiveThreads.named("shipctl-Player1")).isEmpty();
    }

    @Test
    void listenersStillHearEveryEventInOrderWhenDeliveryThreadsComeAndGo() throws Exception {
        try (Session player = client(true).connect(new Credentials("player1", "player123"));
             EventStream events = player.events()) {
            for (int round = 0; round < 3; round++) {
                try (Session gm = client(true).connect(new Credentials("gmadmin", "gmadmin123"))) {
                    assertThat(events.next(SessionEvent.PlayerJoined.class, WAIT).orElseThrow().player().name()).isEqualTo("GMBot");
                    gm.chat("round " + round).get();
                    assertThat(events.next(SessionEvent.Chat.class, WAIT).orElseThrow().text()).isEqualTo("round " + round);
                }
                assertThat(events.next(SessionEvent.PlayerLeft.class, WAIT).orElseThrow().player().name()).isEqualTo("GMBot");
            }
        }
    }

    @Test
    void twoHundredGeneratedAccountsHeldAtOnceKeepOneVirtualThreadEachAndAllCloseCleanly() throws Exception {
        int n = 200;
        SANDBOX.restart(b -> b.accounts(Accounts.generated("bot", n, "pw")).blocks(Sandbox.blocksFor(n))
                .maxConnectionsPerIp(n + 8));
        ShipClient many = client(true);
        AtomicReferenceArray<Session> sessions = new AtomicReferenceArray<>(n);
        AtomicInteger next = new AtomicInteger();
        List<Thread> openers = IntStream.range(0, 8).mapToObj(w -> Thread.ofVirtual().start(() -> {
            for (int i; (i = next.getAndIncrement()) < n; ) {
                try {
                    sessions.set(i, many.newBuilder().block(String.valueOf(1 + i / Sandbox.PLAYERS_PER_BLOCK)).build()
                            .connect(new Credentials(Accounts.generatedUser("bot", i), "pw")));
                } catch (ShipException e) {
                    throw new AssertionError("bot " + i + ": " + e.getMessage(), e);
                }
            }
        })).toList();
        for (Thread t : openers) t.join();
        try {
            for (int i = 0; i < n; i++) assertThat(sessions.get(i)).as("session %d", i).isNotNull().matches(Session::isOpen);
            assertThat(SANDBOX.sandbox().connectionCount()).isEqualTo(n);
            assertThat(LiveThreads.named("shipctl-Bot")).hasSize(n).allMatch(name -> name.endsWith("-reader"));
            assertThat(platformThreads("shipctl-Bot")).isEmpty();
        } finally {
            for (int i = 0; i < n; i++) if (sessions.get(i) != null) sessions.get(i).close();
        }
        assertThat(LiveThreads.named("shipctl-Bot")).isEmpty();
    }

    /** Counts the session's own 0x1D on its block connection. */
    private static final class ClientPings implements TraceListener {
        final Semaphore sent = new Semaphore(0);

        @Override
        public void onPacket(Instant at, String connection, Direction sender, byte[] packet) {
            if ((packet[2] & 0xFF) == 0x1D && connection.startsWith("block") && sender == Direction.CLIENT) sent.release();
        }
    }

    @Test
    void everySessionsKeepaliveIsATaskOnOneSharedTimer() throws Exception {
        // the sandbox on a clock the test moves; it would ping only in the last millisecond before dropping
        SANDBOX.restart(b -> b.clock(now::get).pingInterval(Duration.ofSeconds(180).minusMillis(1))
                .idleTimeout(Duration.ofSeconds(180)).tickInterval(Duration.ofMillis(10)));
        ClientPings first = new ClientPings(), second = new ClientPings();
        ShipClient eager = client(true).newBuilder().keepaliveInterval(Duration.ofMillis(50)).build();
        try (Session a = eager.newBuilder().trace(first).build().connect(new Credentials("player1", "player123"));
             Session b = eager.newBuilder().trace(second).build().connect(new Credentials("gmadmin", "gmadmin123"))) {
            // after each round of both sessions' own 0x1D, 150 s pass on the server: 450 s in all, far past the drop
            for (int i = 0; i < 3; i++) {
                first.sent.drainPermits();
                second.sent.drainPermits();
                assertThat(first.sent.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
                assertThat(second.sent.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
                now.updateAndGet(t -> t.plus(Duration.ofSeconds(150)));
            }
            assertThat(first.sent.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(second.sent.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(a.isOpen()).isTrue();
            assertThat(b.isOpen()).isTrue();
            assertThat(LiveThreads.named("shipctl-keepalive-timer")).hasSize(1);
        }
    }
}
