package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Sandbox logins under attack (issue 11, finding 5): hashing outside the server lock and bounded, the same hash work
 * for unknown users, per-address failed-login limiting, demo accounts on loopback only, a minimum iteration count.
 */
class LoginSecurityTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final InetAddress OTHER = address("127.0.0.2");
    private static final InetAddress THIRD = address("127.0.0.3");
    /** Runs each task on a thread of its own (the common pool may have a single thread on a small machine). */
    private static final java.util.concurrent.Executor OWN_THREAD = task -> Thread.ofVirtual().start(task);

    /** A cheap stand-in for PBKDF2 that records the iteration count of every derivation it is asked for. */
    static final class CountingKdf implements Kdf {
        final List<Integer> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public byte[] derive(String password, byte[] salt, int iterations, int length) {
            calls.add(iterations);
            return fake(password, salt, length);
        }

        static byte[] fake(String password, byte[] salt, int length) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(password.getBytes(StandardCharsets.UTF_8));
                sha.update(salt);
                return Arrays.copyOf(sha.digest(), length);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }

        /** A hash of {@code password} this KDF accepts, made without counting. */
        static Password.Pbkdf2 hash(String password) {
            byte[] salt = new byte[16];
            salt[0] = 7;
            return new Password.Pbkdf2(Password.Pbkdf2.MIN_ITERATIONS, salt, fake(password, salt, 32));
        }
    }

    private static Accounts aliceHashedBobPlain(Password alice) {
        return Accounts.of(List.of(
                new Account("alice", alice, 43000001, false, "Alice", false),
                new Account("bob", new Password.Plain("bob-pass"), 43000002, false, "Bob", false)));
    }

    /** One 0x93 on the login port from {@code from}: the server's first answer (E6 or 1A). */
    private static Packet attempt(Sandbox sandbox, InetAddress from, String user, String password) throws Exception {
        try (TestClient c = TestClient.connectFrom(from, sandbox.loginPort())) {
            c.send(Chain.login(null, user, password, 0, ClientLogin.NO_SLOT, ClientLogin.versionConfig()));
            return c.next();
        }
    }

    private static ServerMessageBox box(String text) {
        return new ServerMessageBox("\tE" + text);
    }

    @Test
    void unknownUsersCostTheSameHashWorkAsKnownOnes() throws Exception {
        CountingKdf kdf = new CountingKdf();
        try (Sandbox sandbox = Sandbox.builder().loginPort(0).accounts(aliceHashedBobPlain(CountingKdf.hash("alice-pass")))
                .kdf(kdf).build().start()) {
            String[][] attempts = {{"alice", "alice-pass"}, {"alice", "wrong"}, {"bob", "bob-pass"}, {"bob", "wrong"}, {"mallory", "wrong"}};
            for (String[] a : attempts) {
                int before = kdf.calls.size();
                Packet answer = attempt(sandbox, InetAddress.getLoopbackAddress(), a[0], a[1]);
                assertThat(answer).as("%s/%s", a[0], a[1]).isInstanceOf(a[1].equals("wrong") ? ServerMessageBox.class : ServerSecurityData.class);
                assertThat(kdf.calls.subList(before, kdf.calls.size())).as("hash work for %s/%s", a[0], a[1])
                        .containsExactly(Password.Pbkdf2.MIN_ITERATIONS);
            }
        }
    }

    @Test
    void aStalledHashDoesNotHoldTheServerOrOtherLogins() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountingKdf counting = new CountingKdf();
        Kdf kdf = (password, salt, iterations, length) -> {
            if (password.equals("stall")) {
                stalled.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return counting.derive(password, salt, iterations, length);
        };
        try (Sandbox sandbox = Sandbox.builder().loginPort(0).shipPort(0).accounts(aliceHashedBobPlain(CountingKdf.hash("alice-pass")))
                .kdf(kdf).build().start()) {
            CompletableFuture<Packet> attacker = CompletableFuture.supplyAsync(() -> {
                try {
                    return attempt(sandbox, OTHER, "alice", "stall");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, OWN_THREAD);
            assertThat(stalled.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the stalling hash started").isTrue();
            try {
                assertThat(CompletableFuture.supplyAsync(sandbox::connectionCount, OWN_THREAD).get(WAIT.toSeconds(), TimeUnit.SECONDS))
                        .as("the server lock is free while a hash runs").isPositive();
                try (TestClient alice = Chain.lobby(sandbox, "alice", "alice-pass")) {
                    sandbox.events().await(SandboxEvent.ReachedLobby.class, e -> e.guildCard() == 43000001, WAIT);
                }
                assertThat(attacker).as("still hashing").isNotDone();
            } finally {
                release.countDown();
            }
            assertThat(attacker.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(box(Refusals.BAD_LOGIN));
        }
    }

    @Test
    void aLoginCompletesWhileSixteenThreadsSendWrongPasswords() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger guesses = new AtomicInteger();
        Kdf kdf = (password, salt, iterations, length) -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            if (password.equals("guess")) guesses.incrementAndGet();
            try {
                return Kdf.PBKDF2_SHA256.derive(password, salt, iterations, length);
            } finally {
                running.decrementAndGet();
            }
        };
        Accounts accounts = aliceHashedBobPlain(Password.hash("alice-pass")); // real PBKDF2, 600 000 iterations
        try (Sandbox sandbox = Sandbox.builder().loginPort(0).shipPort(0).accounts(accounts).kdf(kdf)
                .loginFailureLimit(1_000_000, Duration.ofMinutes(1), Duration.ofMinutes(1)).build().start()) {
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> flood = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                InetAddress from = i % 2 == 0 ? OTHER : THIRD;
                flood.add(Thread.ofPlatform().name("wrong-passwords-" + i).start(() -> {
                    while (!stop.get()) {
                        try (TestClient c = TestClient.connectFrom(from, sandbox.loginPort())) {
                            c.send(Chain.login(null, "alice", "guess", 0, ClientLogin.NO_SLOT, ClientLogin.versionConfig()));
                            c.readToEnd();
                        } catch (Exception e) {
                            // closed as the 7th connection of its address, or the sandbox is closing: go again
                        }
                    }
                }));
            }
            try {
                int before = guesses.get();
                long start = System.nanoTime();
                try (TestClient alice = Chain.lobby(sandbox, "alice", "alice-pass")) {
                    sandbox.events().await(SandboxEvent.ReachedLobby.class, e -> e.guildCard() == 43000001, WAIT);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(took).as("generous: a few hashes per stage, never the whole queue").isLessThan(Duration.ofSeconds(60));
                assertThat(guesses.get() - before).as("the flood hashed meanwhile").isPositive();
            } finally {
                stop.set(true);
                for (Thread t : flood) t.join(WAIT);
            }
            assertThat(mostAtOnce.get()).as("hashes ran side by side, not one at a time under a lock").isBetween(2, Authenticator.THREADS);
        }
    }

    @Test
    void closingWithLoginsQueuedForAHashLeavesNoThreadBehind() throws Exception {
        CountDownLatch running = new CountDownLatch(Authenticator.THREADS);
        Kdf kdf = (password, salt, iterations, length) -> {
            running.countDown();
            try {
                new CountDownLatch(1).await(); // until the sandbox closes (and interrupts its hash threads)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new byte[length];
        };
        Logger log = (Logger) LoggerFactory.getLogger("dev.shipctl.sandbox");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        List<TestClient> clients = new ArrayList<>();
        try {
            Sandbox sandbox = Sandbox.builder().loginPort(0).accounts(aliceHashedBobPlain(CountingKdf.hash("alice-pass"))).kdf(kdf).build().start();
            for (int i = 0; i <= Authenticator.THREADS; i++) { // one more than there are hash threads: it waits in the queue
                TestClient c = TestClient.connectFrom(address("127.0.0." + (10 + i)), sandbox.loginPort());
                c.send(Chain.login(null, "alice", "guess", 0, ClientLogin.NO_SLOT, ClientLogin.versionConfig()));
                clients.add(c);
            }
            assertThat(running.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> closed = CompletableFuture.runAsync(sandbox::close, OWN_THREAD);
            closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("did not stop"));
        } finally {
            log.detachAppender(logged);
            for (TestClient c : clients) c.close();
        }
    }

    @Test
    void anAddressWithTooManyFailuresIsRefusedUncheckedForTheCooldown() throws Exception {
        CountingKdf kdf = new CountingKdf();
        MutableClock clock = new MutableClock();
        Logger log = (Logger) LoggerFactory.getLogger("dev.shipctl.sandbox");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try (Sandbox sandbox = Sandbox.builder().loginPort(0).accounts(aliceHashedBobPlain(CountingKdf.hash("alice-pass"))).kdf(kdf)
                .clock(clock).loginFailureLimit(3, Duration.ofMinutes(1), Duration.ofMinutes(5)).build().start()) {
            // two failures, then the window passes: they no longer count
            for (int i = 0; i < 2; i++) assertThat(attempt(sandbox, OTHER, "alice", "guess")).isEqualTo(box(Refusals.BAD_LOGIN));
            clock.advance(Duration.ofMinutes(2));
            for (int i = 0; i < 2; i++) assertThat(attempt(sandbox, OTHER, "mallory", "guess")).isEqualTo(box(Refusals.BAD_LOGIN));
            assertThat(attempt(sandbox, OTHER, "alice", "alice-pass")).as("2 failures in the window").isInstanceOf(ServerSecurityData.class);
            assertThat(attempt(sandbox, OTHER, "bob", "guess")).as("the third within a minute").isEqualTo(box(Refusals.BAD_LOGIN));

            int hashed = kdf.calls.size();
            assertThat(attempt(sandbox, OTHER, "alice", "alice-pass")).as("the right password, in the cooldown")
                    .isEqualTo(box(Refusals.TOO_MANY_FAILURES));
            assertThat(attempt(sandbox, OTHER, "alice", "guess")).isEqualTo(box(Refusals.TOO_MANY_FAILURES));
            assertThat(kdf.calls).as("refused unchecked: no hash work").hasSize(hashed);
            assertThat(attempt(sandbox, THIRD, "alice", "alice-pass")).as("other addresses log in").isInstanceOf(ServerSecurityData.class);

            clock.advance(Duration.ofMinutes(5));
            assertThat(attempt(sandbox, OTHER, "alice", "alice-pass")).as("after the cooldown").isInstanceOf(ServerSecurityData.class);
            assertThat(logged.list).filteredOn(e -> e.getFormattedMessage().contains("failed logins from 127.0.0.2")).as("logged once")
                    .singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                    .isEqualTo("3 failed logins from 127.0.0.2 within PT1M: its logins are refused for PT5M");
        } finally {
            log.detachAppender(logged);
        }
    }

    @Test
    void theDemoAccountsAreServedOnLoopbackOnly() throws Exception {
        InetAddress any = InetAddress.getByName("0.0.0.0");
        assertThatThrownBy(() -> Sandbox.builder().bind(any).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo accounts").hasMessageContaining("0.0.0.0");
        assertThatThrownBy(() -> Sandbox.builder().bind(address("192.0.2.1")).accounts(Accounts.demo()).build())
                .isInstanceOf(IllegalStateException.class);
        // built, never started: nothing listens beyond loopback
        Sandbox.builder().bind(any).accounts(aliceHashedBobPlain(CountingKdf.hash("x"))).build().close();
        Sandbox.builder().bind(address("127.0.0.5")).build().close();
    }

    @Test
    void hashesNeedOwaspsIterationCount() {
        assertThat(Password.hash("x").iterations()).isEqualTo(600_000).isEqualTo(Password.Pbkdf2.MIN_ITERATIONS);
        String weak = "pbkdf2-sha256$599999$" + "AAAAAAAAAAAAAAAAAAAAAA==" + "$" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        assertThatThrownBy(() -> Accounts.parse("""
                [[accounts]]
                user = "alice"
                password_hash = "%s"
                guild_card = 1
                """.formatted(weak), "accounts.toml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accounts.toml: account #1 (alice)")
                .hasMessageContaining("599999 PBKDF2 iterations are too few: at least 600000")
                .hasMessageContaining("--hash-password");
        assertThatThrownBy(() -> new Password.Pbkdf2(1, new byte[16], new byte[32])).hasMessageContaining("too few");
    }

    @Test
    void aFileNeverShowsItsPlainTextPasswords() {
        Accounts file = aliceHashedBobPlain(CountingKdf.hash("alice-pass"));
        assertThat(String.join("\n", file.describe(LocalGms.none()))).doesNotContain("bob-pass").contains("(plain text)").contains("(hashed)");
        assertThat(String.join("\n", Accounts.demo().describe(LocalGms.none()))).as("public anyway").contains("gmadmin123");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
