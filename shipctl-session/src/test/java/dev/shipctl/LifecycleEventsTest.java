package dev.shipctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.sandbox.SandboxEffect;
import dev.shipctl.testkit.SandboxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lifecycle events in their pairs and order, and every listener off the reader thread: a listener that blocks does
 * not stop the session from reading.
 */
class LifecycleEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Credentials PLAYER = new Credentials("player1", "player123");

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.withDemoAccounts();
    private final BlockingQueue<LifecycleEvent> events = new LinkedBlockingQueue<>();
    private final List<String> threads = new ArrayList<>();

    private ShipClient client() {
        return ShipClient.builder().server("127.0.0.1", SANDBOX.loginPort()).timeout(WAIT).lifecycleListener(e -> {
            synchronized (threads) {
                threads.add(Thread.currentThread().getName());
            }
            events.add(e);
        }).build();
    }

    private LifecycleEvent next() throws InterruptedException {
        LifecycleEvent e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(e).as("a lifecycle event within " + WAIT).isNotNull();
        return e;
    }

    private static String describe(LifecycleEvent e) {
        return switch (e) {
            case LifecycleEvent.StageStarted s -> "started " + s.stage().id();
            case LifecycleEvent.StageEnded s -> "ended " + s.stage().id();
            case LifecycleEvent.StageFailed s -> "failed " + s.stage().id();
            case LifecycleEvent.Connected c -> "connected";
            case LifecycleEvent.Disconnected d -> "disconnected" + (d.cause().isPresent() ? " by " + d.cause().get().getClass().getSimpleName() : "");
            case LifecycleEvent.Reconnecting r -> "reconnecting " + r.attempt();
        };
    }

    private List<String> drain() {
        List<LifecycleEvent> all = new ArrayList<>();
        events.drainTo(all);
        return all.stream().map(LifecycleEventsTest::describe).toList();
    }

    private static final List<String> LOGIN = List.of(
            "started connect", "ended connect", "started login", "ended login", "started character_token", "ended character_token",
            "started character_select", "ended character_select", "started ship_list", "ended ship_list", "started ship", "ended ship",
            "started block", "ended block", "started lobby", "ended lobby", "connected");

    @Test
    void aLoginIsEveryStageStartedAndEndedThenConnectedAndCloseIsDisconnected() throws Exception {
        Session s = client().connect(PLAYER);
        assertThat(drain()).as("all delivered before connect returns, on the caller's thread").containsExactlyElementsOf(LOGIN);
        s.close();

        LifecycleEvent end = next();
        assertThat(end).isInstanceOf(LifecycleEvent.Disconnected.class);
        assertThat(((LifecycleEvent.Disconnected) end).cause()).as("closed by the caller").isEmpty();
        synchronized (threads) {
            assertThat(threads.subList(0, LOGIN.size())).containsOnly(Thread.currentThread().getName());
            assertThat(threads.getLast()).isEqualTo("shipctl-Player1-events");
        }
    }

    @Test
    void aFailedStageEndsTheAttemptWithoutConnected() {
        SANDBOX.sandbox().failAt(dev.shipctl.sandbox.LoginStep.SHIP, SandboxEffect.messageBox("Ship is closed."));
        assertThatThrownBy(() -> client().connect(PLAYER)).isInstanceOf(ShipException.LoginRefused.class);

        List<String> seen = drain();
        assertThat(seen).endsWith("started ship", "failed ship").doesNotContain("connected");
        assertThat(seen.subList(0, seen.size() - 2)).containsExactlyElementsOf(LOGIN.subList(0, 10));
    }

    @Test
    void aReconnectingSessionSaysDisconnectedThenReconnectingThenConnectedAgain() throws Exception {
        ReconnectPolicy quick = ReconnectPolicy.builder().initialDelay(Duration.ofMillis(4)).maxDelay(Duration.ofMillis(16)).build();
        try (Session bot = client().newBuilder().reconnect(quick).build().connect(PLAYER);
             EventStream sessionEvents = bot.events()) {
            assertThat(drain()).containsExactlyElementsOf(LOGIN);
            assertThat(SANDBOX.sandbox().cut(42000002)).isPositive();

            assertThat(describe(next())).isEqualTo("disconnected by ConnectionLost");
            assertThat(describe(next())).isEqualTo("reconnecting 1");
            List<String> again = new ArrayList<>();
            while (again.size() < LOGIN.size()) again.add(describe(next()));
            assertThat(again).containsExactlyElementsOf(LOGIN);
            // Connected comes from the new connection's login; the session is back once it has said Reconnected
            assertThat(sessionEvents.next(SessionEvent.Reconnected.class, WAIT)).isPresent();
            assertThat(bot.isOpen()).isTrue();
        }
        assertThat(describe(next())).isEqualTo("disconnected");
    }

    @Test
    void aListenerSeesOnlyTheEventsItWants() throws Exception {
        BlockingQueue<SessionEvent> chatOnly = new LinkedBlockingQueue<>();
        BlockingQueue<SessionEvent> everything = new LinkedBlockingQueue<>();
        try (Session s = client().connect(PLAYER)) {
            s.addListener(new SessionListener() {
                @Override
                public boolean wants(SessionEvent event) {
                    return event instanceof SessionEvent.Chat;
                }

                @Override
                public void onEvent(SessionEvent event) {
                    chatOnly.add(event);
                }
            });
            s.addListener(everything::add);
            s.chat("/bank").get(); // answered with a text message
            s.chat("hello").get(); // relayed to the lobby, this session too

            List<Class<?>> seen = new ArrayList<>();
            while (!seen.contains(SessionEvent.Chat.class)) {
                SessionEvent e = everything.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(e).as("an event within " + WAIT + " after " + seen).isNotNull();
                seen.add(e.getClass());
            }
            assertThat(seen).contains(SessionEvent.TextMessage.class);
            // one hand-over per event, listeners in order: the first one's chat line came with the other's, and the
            // text message before it never reached it
            assertThat(chatOnly.poll()).isInstanceOf(SessionEvent.Chat.class);
            assertThat(chatOnly).isEmpty();
        }
    }

    @Test
    void aListenerWhoseWantsThrowsGetsTheEventAndTheSessionGoesOn() throws Exception {
        BlockingQueue<SessionEvent> got = new LinkedBlockingQueue<>();
        try (Session s = client().connect(PLAYER)) {
            s.addListener(new SessionListener() {
                @Override
                public boolean wants(SessionEvent event) {
                    throw new IllegalStateException("broken filter");
                }

                @Override
                public void onEvent(SessionEvent event) {
                    got.add(event);
                }
            });
            s.chat("/bank").get();
            SessionEvent e;
            do {
                e = got.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(e).as("the text message within " + WAIT).isNotNull();
            } while (!(e instanceof SessionEvent.TextMessage));
            s.chat("/bank").get(); // the reader survived: it still reads and hands over
            do {
                e = got.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(e).as("the second text message within " + WAIT).isNotNull();
            } while (!(e instanceof SessionEvent.TextMessage));
        }
    }

    @Test
    void aListenerThatBlocksDoesNotStopTheReader() throws Exception {
        CountDownLatch inListener = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> listenerThread = new ArrayList<>();
        try (Session s = client().connect(PLAYER)) {
            s.addListener(e -> {
                if (!(e instanceof SessionEvent.TextMessage)) return;
                listenerThread.add(Thread.currentThread().getName());
                inListener.countDown();
                try {
                    release.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            });
            try {
                s.chat("/bank").get();
                assertThat(inListener.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

                // the listener is stuck; the reader still reads the 0x67 that answers the change
                assertThat(s.changeLobby(5).number()).isEqualTo(5);
            } finally {
                release.countDown();
            }
            assertThat(listenerThread).containsExactly("shipctl-Player1-events");
        }
    }
}
