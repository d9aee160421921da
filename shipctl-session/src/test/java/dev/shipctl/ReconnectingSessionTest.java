package dev.shipctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.sandbox.Sandbox;
import dev.shipctl.sandbox.SandboxEffect;
import dev.shipctl.sandbox.SandboxEvent;
import dev.shipctl.testkit.SandboxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reconnecting sessions against the sandbox: the test cuts the bot's connection ({@link Sandbox#cut}) and holds its
 * logins back ({@link Sandbox#failAt}) to know when it is down; a second player hears what the bot says.
 */
class ReconnectingSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int PLAYER1 = 42000002;
    private static final int LOCAL_GM = 42000003;
    private static final Credentials BOT = new Credentials("player1", "player123");
    private static final Credentials OBSERVER = new Credentials("localgm", "localgm123");
    private static final String BOT_THREADS = "shipctl-Player1-";
    /** The threads of one connection at most: the reader and reconnect for good, chat and events while they have work. */
    private static final List<String> ONE_CONNECTION = List.of(
            "shipctl-Player1-chat", "shipctl-Player1-events", "shipctl-Player1-reader", "shipctl-Player1-reconnect");

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.withDemoAccounts();

    @BeforeEach
    void noThreadsLeft() {
        assertThat(LiveThreads.named(BOT_THREADS)).as("threads left by an earlier test").isEmpty();
    }

    private ShipClient plain() {
        return ShipClient.builder().server("127.0.0.1", SANDBOX.loginPort()).timeout(WAIT).build();
    }

    /** Delays of a few milliseconds: the tests wait on events, never on the delays. */
    private static ReconnectPolicy quick() {
        return ReconnectPolicy.builder().initialDelay(Duration.ofMillis(4)).maxDelay(Duration.ofMillis(16)).build();
    }

    private ShipClient reconnecting(ReconnectPolicy policy) {
        return plain().newBuilder().reconnect(policy).build();
    }

    /** Cuts the bot's connection; its logins fail (the login port drops them) until {@link Sandbox#clearFailures()}. */
    private void cutAndHoldLoginsBack() {
        SANDBOX.sandbox().failAt(dev.shipctl.sandbox.LoginStep.LOGIN, SandboxEffect.drop());
        assertThat(SANDBOX.sandbox().cut(PLAYER1)).isPositive();
    }

    /** The next reconnect event (attempt, success or end), skipping the others. */
    private static SessionEvent nextLifecycle(EventStream events) throws InterruptedException {
        return events.next(e -> e instanceof SessionEvent.Reconnecting || e instanceof SessionEvent.Reconnected
                || e instanceof SessionEvent.Disconnected, WAIT).orElseThrow();
    }

    private static SessionEvent.Reconnecting reconnecting(EventStream events, int attempt) throws InterruptedException {
        SessionEvent e = nextLifecycle(events);
        assertThat(e).isInstanceOf(SessionEvent.Reconnecting.class);
        assertThat(((SessionEvent.Reconnecting) e).attempt()).isEqualTo(attempt);
        return (SessionEvent.Reconnecting) e;
    }

    /** Reconnecting events numbered on from {@code attempt}, then Reconnected with the last number. */
    private static SessionEvent.Reconnected reconnectedAfter(EventStream events, int attempt) throws InterruptedException {
        while (true) {
            SessionEvent e = nextLifecycle(events);
            switch (e) {
                case SessionEvent.Reconnecting r -> {
                    assertThat(r.attempt()).isEqualTo(++attempt);
                    assertThat(r.delay()).isLessThanOrEqualTo(Duration.ofMillis(16));
                }
                case SessionEvent.Reconnected r -> {
                    assertThat(r.attempt()).isEqualTo(attempt);
                    return r;
                }
                default -> throw new AssertionError("expected a reconnect, got " + e);
            }
        }
    }

    private static SessionEvent.Chat nextChatFrom(EventStream events, int guildCard) throws InterruptedException {
        return (SessionEvent.Chat) events.next(e -> e instanceof SessionEvent.Chat c && c.guildCard() == guildCard, WAIT).orElseThrow();
    }

    private static Throwable failure(CompletableFuture<Void> line) {
        assertThat(line).isCompletedExceptionally();
        try {
            line.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static List<SessionEvent> drain(EventStream events) {
        List<SessionEvent> out = new ArrayList<>();
        for (var e = events.poll(); e.isPresent(); e = events.poll()) out.add(e.get());
        return out;
    }

    /** One connection's threads, none twice: a dropped connection left none behind. */
    private static void assertOneConnectionsThreads() {
        assertThat(LiveThreads.named(BOT_THREADS)).doesNotHaveDuplicates().isSubsetOf(ONE_CONNECTION)
                .contains("shipctl-Player1-reader", "shipctl-Player1-reconnect");
    }

    @Test
    void everyCutReconnectsAndEachLineQueuedWhileDownIsSaidOnce() throws Exception {
        try (Session observer = plain().connect(OBSERVER);
             EventStream heard = observer.events();
             Session bot = reconnecting(quick()).connect(BOT);
             EventStream events = bot.events()) {
            assertOneConnectionsThreads();
            for (int cut = 1; cut <= 3; cut++) {
                cutAndHoldLoginsBack();
                SessionEvent.Reconnecting dropped = reconnecting(events, 1);
                assertThat(dropped.cause()).isInstanceOf(ShipException.ConnectionLost.class);
                assertThat(bot.isOpen()).isFalse();
                CompletableFuture<Void> said = bot.chat("line " + cut);
                SessionEvent.Reconnecting failed = reconnecting(events, 2);
                assertThat(failed.cause().stage()).contains(Stage.LOGIN);
                assertThat(said).as("held while every login fails").isNotDone();

                SANDBOX.sandbox().clearFailures();
                SessionEvent.Reconnected back = reconnectedAfter(events, 2);

                assertThat(back.lobby().players()).extracting(Player::name).containsExactlyInAnyOrder("Player1", "LocalGM");
                assertThat(bot.isOpen()).isTrue();
                said.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(nextChatFrom(heard, PLAYER1).text()).isEqualTo("line " + cut);
                observer.chat("heard you, " + cut);
                assertThat(nextChatFrom(events, LOCAL_GM).text()).as("the bot's listeners outlive the cut").isEqualTo("heard you, " + cut);
                assertOneConnectionsThreads(); // the dropped connection's threads are gone
            }
            bot.chat("last").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(nextChatFrom(heard, PLAYER1).text()).as("nothing said twice").isEqualTo("last");
        }
        assertThat(LiveThreads.named(BOT_THREADS)).isEmpty();
    }

    @Test
    void aFirstLoginByTheFastPathOnlyReconnectsByTheWholeChain() throws Exception {
        ResumeTicket ticket;
        try (Session first = plain().connect(BOT)) {
            ticket = first.resumeTicket().orElseThrow();
        }
        try (Session bot = reconnecting(quick()).newBuilder().resume(ticket).fastPathOnly(true).build().connect(BOT);
             EventStream events = bot.events()) {
            assertThat(bot.loginPath()).isEqualTo(LoginPath.FAST);
            assertThat(SANDBOX.sandbox().cut(PLAYER1)).isPositive();
            // back within the wait (a login that insisted on the fast path would retry "no ticket" for ever)
            SessionEvent back = events.next(e -> e instanceof SessionEvent.Reconnected, WAIT).orElseThrow();
            assertThat(((SessionEvent.Reconnected) back).lobby().players()).extracting(Player::name).contains("Player1");
            assertThat(bot.isOpen()).isTrue();
        }
    }

    @Test
    void itGoesBackToTheLobbyItWasIn() throws Exception {
        try (Session observer = plain().connect(OBSERVER);
             EventStream heard = observer.events();
             Session bot = reconnecting(quick()).connect(BOT);
             EventStream events = bot.events()) {
            assertThat(bot.changeLobby(3).number()).isEqualTo(3);
            assertThat(observer.changeLobby(3).players()).extracting(Player::name).contains("Player1");

            cutAndHoldLoginsBack();
            reconnecting(events, 1);
            CompletableFuture<Void> said = bot.chat("back in lobby 3");
            reconnecting(events, 2);
            SANDBOX.sandbox().clearFailures();
            SessionEvent.Reconnected back = reconnectedAfter(events, 2);

            assertThat(back.lobby().number()).isEqualTo(3);
            assertThat(back.lobby().players()).extracting(Player::name).containsExactlyInAnyOrder("Player1", "LocalGM");
            assertThat(bot.lobby().number()).isEqualTo(3);
            said.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(nextChatFrom(heard, PLAYER1).text()).isEqualTo("back in lobby 3");
            assertThat(SANDBOX.sandbox().events().history().stream()
                    .filter(e -> e instanceof SandboxEvent.ReachedLobby r && r.guildCard() == PLAYER1)
                    .map(e -> ((SandboxEvent.ReachedLobby) e).lobby()))
                    .as("login, move, login after the cut (lands in 1), back to 3").containsExactly(1, 3, 1, 3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Username or password is incorrect.", "You are banned from this server."})
    void aRefusedLoginEndsItWithoutAnotherAttempt(String refusal) throws Exception {
        Session bot = reconnecting(quick()).connect(BOT);
        try (EventStream events = bot.events()) {
            SANDBOX.sandbox().failAt(dev.shipctl.sandbox.LoginStep.LOGIN, SandboxEffect.messageBox(refusal));
            assertThat(SANDBOX.sandbox().cut(PLAYER1)).isPositive();
            reconnecting(events, 1);
            CompletableFuture<Void> held = bot.chat("never said");

            SessionEvent end = nextLifecycle(events);

            assertThat(end).isInstanceOf(SessionEvent.Disconnected.class);
            ShipException cause = ((SessionEvent.Disconnected) end).cause().orElseThrow();
            assertThat(cause).isInstanceOf(ShipException.LoginRefused.class).hasMessageContaining(refusal);
            assertThat(failure(held)).isSameAs(cause);
            bot.close();
            assertThat(drain(events)).as("nothing after the end").isEmpty();
        } finally {
            bot.close();
        }
        assertThat(bot.awaitDisconnect(Duration.ZERO).orElseThrow().cause()).containsInstanceOf(ShipException.LoginRefused.class);
        assertThat(SANDBOX.sandbox().events().history()).filteredOn(e -> e instanceof SandboxEvent.LoginRejected r && r.user().equals("player1"))
                .as("one refused attempt").hasSize(1);
        assertThat(LiveThreads.named(BOT_THREADS)).isEmpty();
    }

    @Test
    void anotherLoginOfTheAccountEndsItInsteadOfKickingThatOneBack() throws Exception {
        Session bot = reconnecting(quick()).connect(BOT);
        try (EventStream events = bot.events();
             Session other = plain().connect(BOT)) {
            SessionEvent.Disconnected end = bot.awaitDisconnect(WAIT).orElseThrow();

            assertThat(end.cause()).containsInstanceOf(ShipException.TakenOver.class);
            assertThat(end.reason()).startsWith("another login of the same account took the session over")
                    .contains("This account has just logged on.");
            bot.close();
            assertThat(drain(events)).noneMatch(e -> e instanceof SessionEvent.Reconnecting);
            assertThat(other.isOpen()).isTrue();
        } finally {
            bot.close();
        }
        assertThat(SANDBOX.sandbox().events().history())
                .filteredOn(e -> e instanceof SandboxEvent.LoginAccepted a && a.user().equals("player1")
                        && a.step() == dev.shipctl.sandbox.LoginStep.LOGIN)
                .as("the bot's login and the other one, no third").hasSize(2);
        assertThat(LiveThreads.named(BOT_THREADS)).isEmpty();
    }

    @Test
    @Timeout(60) // without the interrupt, close would wait out the 10-minute login timeout
    void closingWhileDownFailsTheHeldLinesAndStopsTheLoginUnderWay() throws Exception {
        Session bot = reconnecting(quick()).newBuilder().timeout(Duration.ofMinutes(10)).build().connect(BOT);
        CompletableFuture<Void> first, second;
        try (EventStream events = bot.events()) {
            SANDBOX.sandbox().failAt(dev.shipctl.sandbox.LoginStep.LOGIN, SandboxEffect.neverAnswer());
            assertThat(SANDBOX.sandbox().cut(PLAYER1)).isPositive();
            reconnecting(events, 1);
            first = bot.chat("one");
            second = bot.chat("two");
            SANDBOX.sandbox().events().await(SandboxEvent.LoginRejected.class, r -> r.user().equals("player1"), WAIT); // waiting for an answer

            bot.close();

            assertThat(failure(first)).isInstanceOf(IllegalStateException.class);
            assertThat(failure(second)).isInstanceOf(IllegalStateException.class);
            assertThat(failure(bot.chat("three"))).isInstanceOf(IllegalStateException.class);
            assertThat(drain(events)).filteredOn(e -> !(e instanceof SessionEvent.Chat))
                    .singleElement().isInstanceOfSatisfying(SessionEvent.Disconnected.class, d -> assertThat(d.cause()).isEmpty());
        }
        assertThat(LiveThreads.named(BOT_THREADS)).isEmpty();
        assertThat(SANDBOX.sandbox().events().history()).filteredOn(e -> e instanceof SandboxEvent.LoginRejected r && r.user().equals("player1"))
                .hasSize(1);
    }

    @Test
    void itGivesUpAfterTheAttemptsThePolicyAllows() throws Exception {
        Session bot = reconnecting(quick().newBuilder().maxAttempts(2).build()).connect(BOT);
        try (EventStream events = bot.events()) {
            cutAndHoldLoginsBack();
            reconnecting(events, 1);
            CompletableFuture<Void> held = bot.chat("never said");
            reconnecting(events, 2);

            SessionEvent end = nextLifecycle(events);

            assertThat(end).isInstanceOfSatisfying(SessionEvent.Disconnected.class, d -> {
                assertThat(d.reason()).startsWith("gave up after 2 attempts: ");
                assertThat(d.cause()).containsInstanceOf(ShipException.ConnectionLost.class);
                assertThat(failure(held)).isSameAs(d.cause().orElseThrow());
            });
        } finally {
            bot.close();
        }
        assertThat(LiveThreads.named(BOT_THREADS)).isEmpty();
    }

    @Test
    void aLineCaughtInTheDropIsNeverSentTwice() throws Exception {
        try (Session observer = plain().connect(OBSERVER);
             EventStream heard = observer.events();
             Session bot = reconnecting(quick()).connect(BOT);
             EventStream events = bot.events()) {
            CompletableFuture<Void> a = bot.chat("a");
            CompletableFuture<Void> b = bot.chat("b");
            SANDBOX.sandbox().events().await(SandboxEvent.ChatRelayed.class, r -> r.guildCard() == PLAYER1 && r.text().endsWith("a"), WAIT);
            // the server can relay "a" a moment before the chat thread marks it written: wait for that, not an instant
            assertThat(a).succeedsWithin(WAIT);
            assertThat(SANDBOX.sandbox().cut(PLAYER1)).isPositive(); // "b" waits out the chat cooldown, unless this thread was slow

            reconnecting(events, 1);
            reconnectedAfter(events, 1);
            bot.chat("c").get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertThat(b).as("settled when the dropped connection was closed").isDone();
            List<String> said = new ArrayList<>();
            do {
                said.add(nextChatFrom(heard, PLAYER1).text());
            } while (!said.getLast().equals("c"));
            if (b.isCompletedExceptionally()) {
                assertThat(failure(b)).isInstanceOf(ShipException.ConnectionLost.class);
                assertThat(said).containsExactly("a", "c");
            } else {
                assertThat(said).containsExactly("a", "b", "c");
            }
        }
    }

    @Test
    void theFirstLoginIsRetriedOnlyWhenThePolicySaysSo() throws Exception {
        SANDBOX.sandbox().failAt(dev.shipctl.sandbox.LoginStep.LOGIN, SandboxEffect.drop());
        assertThatThrownBy(() -> reconnecting(quick()).connect(BOT)).isInstanceOf(ShipException.ConnectionLost.class);

        BlockingQueue<SessionEvent> seen = new LinkedBlockingQueue<>();
        ShipClient patient = reconnecting(quick().newBuilder().retryFirstLogin(true).build()).newBuilder().listener(seen::add).build();
        try (ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Session> connecting = caller.submit(() -> patient.connect(BOT));
            SessionEvent retry = seen.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(retry).isInstanceOfSatisfying(SessionEvent.Reconnecting.class, r -> {
                assertThat(r.attempt()).isEqualTo(2);
                assertThat(r.cause().stage()).contains(Stage.LOGIN);
            });
            assertThat(connecting).isNotDone();
            SANDBOX.sandbox().clearFailures();
            try (Session bot = connecting.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                assertThat(bot.isOpen()).isTrue();
            }
        }

        SANDBOX.sandbox().failAt(dev.shipctl.sandbox.LoginStep.LOGIN, SandboxEffect.messageBox("Username or password is incorrect."));
        assertThatThrownBy(() -> patient.connect(BOT)).isInstanceOf(ShipException.LoginRefused.class);
        assertThat(LiveThreads.named(BOT_THREADS)).isEmpty();
    }
}
