package dev.shipctl.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.Credentials;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.admin.Admin;
import dev.shipctl.sandbox.Account;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.LoginStep;
import dev.shipctl.sandbox.Password;
import dev.shipctl.sandbox.Sandbox;
import dev.shipctl.sandbox.SandboxEffect;
import dev.shipctl.sandbox.SandboxEvent;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Swarms against the sandbox: each behaviour, counts against what the sandbox saw, faults, stops, the per-IP limit. */
class SwarmTest {
    private static final int BOTS = 200;
    private final BlockingQueue<SwarmSnapshot> ticks = new LinkedBlockingQueue<>();
    private Sandbox sandbox;

    private Sandbox start(int accounts, UnaryOperator<Sandbox.Builder> more) throws Exception {
        List<Account> list = new ArrayList<>();
        list.add(new Account("gmadmin", new Password.Plain("gmadmin123"), 42_000_001, true, "GMBot", false));
        for (int i = 0; i < accounts; i++) {
            list.add(new Account("bot%05d".formatted(i), new Password.Plain("pw" + i), 50_000_000 + i, false, "Bot" + i, false));
        }
        sandbox = more.apply(Sandbox.builder().loginPort(0).shipPort(0).blocks(4).maxConnectionsPerIp(100_000)
                .accounts(Accounts.of(list))).build().start();
        return sandbox;
    }

    @AfterEach
    void stop() {
        if (sandbox != null) sandbox.close();
    }

    private ShipClient client() {
        return ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).timeout(Duration.ofSeconds(20)).build();
    }

    private static List<Credentials> bots(int n) {
        List<Credentials> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(new Credentials("bot%05d".formatted(i), "pw" + i));
        return list;
    }

    private long sandboxSaw(Class<? extends SandboxEvent> type) {
        return sandbox.events().history().stream().filter(type::isInstance).count();
    }

    @Test
    void twoHundredIdleSessionsAreHeldAndEveryOneLogsOutAsTheSandboxSaw() throws Exception {
        start(BOTS, b -> b);
        List<SwarmSnapshot> heard = new ArrayList<>();
        Swarm swarm = Swarm.builder(client(), bots(BOTS)).ramp(400).duration(Duration.ofSeconds(1)).blocks(2)
                .onSnapshot(s -> { synchronized (heard) { heard.add(s); } }).label("t").build();
        SwarmReport r = swarm.run();

        assertThat(r.loggedIn()).isEqualTo(BOTS);
        assertThat(r.failed()).isZero();
        assertThat(r.heldPeak()).isEqualTo(BOTS);
        assertThat(r.heldAtEnd()).isEqualTo(BOTS);
        assertThat(r.loggedOut()).isEqualTo(BOTS);
        assertThat(r.stopped()).isFalse();
        assertThat(sandboxSaw(SandboxEvent.ReachedLobby.class)).as("lobbies the sandbox saw reached").isEqualTo(r.loggedIn());
        assertThat(r.latencies().get(Swarm.TOTAL).count()).isEqualTo(BOTS);
        assertThat(r.latencies().get("lobby").count()).isEqualTo(BOTS);
        assertThat(r.latencies().get(Swarm.TOTAL).percentile(99)).isPositive();
        assertThat(r.loginsPerSecond()).isPositive();
        assertThat(r.errors()).isEmpty();
        assertThat(r.disconnects()).isEmpty();
        assertThat(r.timeline()).isNotEmpty().last().extracting(SwarmSnapshot::phase).isEqualTo(SwarmSnapshot.Phase.DONE);
        assertThat(heard).isNotEmpty();
        awaitNoBlockConnections();
    }

    @Test
    void sessionsThatNameNoBlockGoOnToTheNextWhenOneIsFullAsAPlayerWould() throws Exception {
        start(BOTS, b -> b);
        Swarm swarm = Swarm.builder(client(), bots(BOTS)).ramp(100_000).burst(BOTS).maxInFlight(1)
                .duration(Duration.ofMinutes(1)).build();
        CompletableFuture<SwarmReport> run = inBackground(swarm);
        until(() -> swarm.snapshot().held() >= BOTS);
        // one more while they are held: its ship stage names the block it skipped
        try (Session late = client().connect(new Credentials("gmadmin", "gmadmin123"))) {
            assertThat(late.timings()).filteredOn(t -> t.stage() == dev.shipctl.Stage.SHIP)
                    .singleElement().extracting(dev.shipctl.StageTiming::detail).isEqualTo("BLOCK02 (BLOCK01 full)");
        }
        swarm.stop();
        SwarmReport r = run.get(60, TimeUnit.SECONDS);

        assertThat(r.loggedIn()).isEqualTo(BOTS);
        assertThat(r.errors()).isEmpty();
        assertThat(sandbox.events().history()).filteredOn(SandboxEvent.ReachedLobby.class::isInstance)
                .map(e -> ((SandboxEvent.ReachedLobby) e).block())
                .containsOnly(1, 2).filteredOn(b -> b == 2).hasSize(BOTS - Sandbox.PLAYERS_PER_BLOCK + 1);
    }

    @Test
    void anOverDrivenRampNeverHasMoreLoginsInFlightThanItsBoundAsTheSandboxSawThem() throws Exception {
        start(BOTS, b -> b);
        int bound = 3;
        // a ramp no server keeps up with, and a burst as large as the swarm: without the bound every login would
        // start at once
        SwarmReport r = Swarm.builder(client(), bots(BOTS)).ramp(100_000).burst(BOTS).maxInFlight(bound).blocks(2)
                .duration(Duration.ZERO).build().run();

        assertThat(r.loggedIn()).isEqualTo(BOTS);
        assertThat(r.errors()).isEmpty();
        // the sandbox's view: a login is in flight from its accepted 0x93 on the login port to its lobby, a span
        // inside the one the swarm's slot covers (taken before the connect, given back after the lobby)
        int inFlight = 0, most = 0;
        for (SandboxEvent e : sandbox.events().history()) {
            if (e instanceof SandboxEvent.LoginAccepted a && a.step() == LoginStep.LOGIN) most = Math.max(most, ++inFlight);
            if (e instanceof SandboxEvent.ReachedLobby) inFlight--;
        }
        assertThat(inFlight).as("every login reached its lobby").isZero();
        assertThat(most).as("logins in flight at once, as the sandbox saw them").isPositive().isLessThanOrEqualTo(bound);
    }

    @Test
    void withoutABoundGivenTheRampStartsWhatTwiceTheFastestLoginTakesAtLeastSixteen() {
        assertThat(Swarm.derivedInFlight(1000, Duration.ofMillis(3).toNanos())).as("loopback: a few ms a login").isEqualTo(16);
        assertThat(Swarm.derivedInFlight(100, Duration.ofMillis(750).toNanos())).as("far away: most of a second").isEqualTo(150);
        assertThat(Swarm.derivedInFlight(20_000, Duration.ofMillis(2).toNanos())).isEqualTo(80);
    }

    @Test
    void theDerivedBoundWaitsOutTheWarmUpOfSixteenLoginsAndASecond() {
        long second = Duration.ofSeconds(1).toNanos();
        assertThat(Swarm.warmedUp(1, 0)).as("the first login, slow from the warm-up").isFalse();
        assertThat(Swarm.warmedUp(15, 5 * second)).as("fewer than 16 ended").isFalse();
        assertThat(Swarm.warmedUp(500, second / 2)).as("within the ramp's first second").isFalse();
        assertThat(Swarm.warmedUp(16, second)).isTrue();
    }

    private void awaitNoBlockConnections() throws InterruptedException {
        // every logout closes its block connection: the sandbox ends with none open
        until(() -> sandbox.connectionCount() == 0);
    }

    @Test
    void aFullBlockRefusesTheSessionsBeyondItsLobbiesAtTheShipAndTheReportCountsThem() throws Exception {
        start(BOTS, b -> b);
        // every session to the block the client names (1), one login at a time (two choosing the block at once may
        // both pass its count, in Tethealla too): the 181st and later choose a block of 180 players
        ShipClient blockOne = ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).block("1").timeout(Duration.ofSeconds(20)).build();
        SwarmReport r = Swarm.builder(blockOne, bots(BOTS)).ramp(100_000).burst(BOTS).maxInFlight(1)
                .duration(Duration.ZERO).build().run();
        assertThat(r.loggedIn()).isEqualTo(Sandbox.PLAYERS_PER_BLOCK);
        assertThat(r.failed()).isEqualTo(BOTS - Sandbox.PLAYERS_PER_BLOCK);
        // refused at the ship with Tethealla's "Block is full.", not left waiting for a lobby until the deadline
        assertThat(r.errors()).containsExactly(Map.entry("ship/LoginRefused", (long) (BOTS - Sandbox.PLAYERS_PER_BLOCK)));
        assertThat(r.errorExamples()).containsOnlyKeys("ship/LoginRefused");
        assertThat(r.errorExamples().get("ship/LoginRefused")).contains("Block is full.");
        assertThat(sandboxSaw(SandboxEvent.ReachedLobby.class)).isEqualTo(Sandbox.PLAYERS_PER_BLOCK);
    }

    @Test
    void chattingSessionsSayLinesTheSandboxRelays() throws Exception {
        start(20, b -> b);
        SwarmReport r = Swarm.builder(client(), bots(20)).ramp(200).duration(Duration.ofSeconds(3))
                .behaviour(Behaviour.CHAT).actionInterval(Duration.ofSeconds(2)).build().run();

        assertThat(r.loggedIn()).isEqualTo(20);
        long relayed = sandboxSaw(SandboxEvent.ChatRelayed.class);
        assertThat(r.actions().get("chat_lines")).isPositive().isEqualTo(relayed);
        assertThat(sandboxSaw(SandboxEvent.ChatDropped.class)).as("no line falls to the cooldown").isZero();
    }

    @Test
    void hoppingSessionsChangeLobbiesAsTheSandboxSaw() throws Exception {
        start(10, b -> b);
        SwarmReport r = Swarm.builder(client(), bots(10)).ramp(200).duration(Duration.ofSeconds(4))
                .behaviour(Behaviour.LOBBY_HOP).actionInterval(Duration.ofMillis(1500)).build().run();

        long changes = r.actions().get("lobby_changes");
        assertThat(changes).isPositive();
        assertThat(r.errors()).isEmpty();
        // each change is one more lobby reached than the logins
        assertThat(sandboxSaw(SandboxEvent.ReachedLobby.class)).isEqualTo(r.loggedIn() + changes);
    }

    @Test
    void listeningSessionsCountTheAnnouncementsTheyHear() throws Exception {
        start(20, b -> b);
        Swarm swarm = Swarm.builder(client(), bots(20)).ramp(200).duration(Duration.ofMinutes(1))
                .behaviour(Behaviour.ANNOUNCE_LISTEN).onSnapshot(ticks::offer).build();
        CompletableFuture<SwarmReport> run = inBackground(swarm);
        until(() -> swarm.snapshot().held() >= 20);
        try (Session gm = client().connect(new Credentials("gmadmin", "gmadmin123"))) {
            Admin.of(gm).announce("Restart soon", false, Duration.ofSeconds(10));
            sandbox.events().await(SandboxEvent.Announced.class, e -> true, Duration.ofSeconds(10));
            // the announcement reaches every bot; wait until they have all counted it, then leave
            until(() -> swarm.actionCount("announcements_heard") >= 20);
        }
        swarm.stop();
        SwarmReport r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.actions().get("announcements_heard")).isEqualTo(20);
        assertThat(r.stopped()).isTrue();
        assertThat(r.loggedOut()).isEqualTo(20);
    }

    /** Waits, tick by tick of the swarm's snapshots, until {@code condition} holds (at most a minute). */
    private void until(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && System.nanoTime() < until) ticks.poll(1, TimeUnit.SECONDS);
        assertThat(condition.getAsBoolean()).as("condition reached within a minute").isTrue();
    }

    private static CompletableFuture<SwarmReport> inBackground(Swarm swarm) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return swarm.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aSandboxThatDropsSomeLoginsIsCountedByTypeAndStage() throws Exception {
        start(30, b -> b);
        sandbox.failAt(LoginStep.SHIP, SandboxEffect.messageBox("Ship is full."));
        SwarmReport r = Swarm.builder(client(), bots(30)).ramp(300).duration(Duration.ZERO).build().run();

        assertThat(r.loggedIn()).isZero();
        assertThat(r.failed()).isEqualTo(30);
        assertThat(r.errors()).containsEntry("ship/LoginRefused", 30L);
        assertThat(sandboxSaw(SandboxEvent.LoginRejected.class)).isEqualTo(30);
    }

    @Test
    void aServerThatCutsHeldSessionsIsReportedAsItsOwnDisconnects() throws Exception {
        start(10, b -> b);
        Swarm swarm = Swarm.builder(client(), bots(10)).ramp(100).duration(Duration.ofMinutes(1)).onSnapshot(ticks::offer).build();
        CompletableFuture<SwarmReport> run = inBackground(swarm);
        until(() -> swarm.snapshot().held() >= 10);
        for (int i = 0; i < 3; i++) sandbox.cut(50_000_000 + i);
        until(() -> swarm.snapshot().disconnects() >= 3);
        swarm.stop();
        SwarmReport r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.disconnects()).containsEntry("server_closed", 3L);
        assertThat(r.loggedOut()).isEqualTo(7);
        assertThat(r.heldAtEnd()).isEqualTo(7);
    }

    @Test
    void aStopDuringTheRampOpensNoMoreAndLogsOutEverySessionItOpened() throws Exception {
        start(BOTS, b -> b);
        Swarm swarm = Swarm.builder(client(), bots(BOTS)).ramp(20).blocks(2).duration(Duration.ofMinutes(1)).onSnapshot(ticks::offer).build();
        CompletableFuture<SwarmReport> run = inBackground(swarm);
        until(() -> swarm.snapshot().held() >= 5);
        swarm.stop();
        SwarmReport r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.stopped()).isTrue();
        assertThat(r.attempted()).isLessThan(BOTS);
        assertThat(r.loggedOut()).isEqualTo(r.loggedIn()).isEqualTo(sandboxSaw(SandboxEvent.ReachedLobby.class));
        awaitNoBlockConnections();
    }

    @Test
    void pastSixConnectionsPerAddressTheServerClosesTheOldestAndTheReportSaysSo() throws Exception {
        start(12, b -> b.maxConnectionsPerIp(6));
        SwarmReport r = Swarm.builder(client(), bots(12)).ramp(50).duration(Duration.ZERO).build().run();
        assertThat(r.disconnects().getOrDefault("per_ip_limit", 0L)).isPositive();
    }

    @Test
    void sourceAddressesSpreadSessionsBeyondThePerAddressLimit() throws Exception {
        start(12, b -> b.maxConnectionsPerIp(6));
        List<InetAddress> sources = List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3"),
                InetAddress.getByName("127.0.0.4"), InetAddress.getByName("127.0.0.5"));
        SwarmReport r = Swarm.builder(client(), bots(12)).ramp(50).duration(Duration.ZERO).sources(sources).build().run();
        assertThat(r.disconnects()).isEmpty();
        assertThat(r.loggedIn()).isEqualTo(12);
        assertThat(sandbox.events().history().stream().filter(SandboxEvent.Connected.class::isInstance)
                .map(e -> ((SandboxEvent.Connected) e).remote().getAddress().getHostAddress()).distinct())
                .containsExactlyInAnyOrder("127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5");
    }

    @Test
    void mergedReportsAddCountsAndHistograms() throws Exception {
        start(30, b -> b);
        List<Credentials> all = bots(30);
        List<SwarmReport> shards = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            shards.add(Swarm.builder(client(), all.subList(s * 10, s * 10 + 10)).ramp(100).duration(Duration.ZERO).build().run());
        }
        SwarmReport merged = SwarmReport.merge(shards);
        assertThat(merged.loggedIn()).isEqualTo(30);
        assertThat(merged.loggedOut()).isEqualTo(30);
        assertThat(merged.latencies().get(Swarm.TOTAL).count()).isEqualTo(30);
        // the shards' bounds on logins in flight, and their peaks, add up: they ran side by side
        assertThat(shards).allSatisfy(s -> assertThat(s.peakInFlight()).isBetween(1, s.maxInFlight()));
        assertThat(merged.maxInFlight()).isEqualTo(shards.stream().mapToInt(SwarmReport::maxInFlight).sum());
        assertThat(merged.peakInFlight()).isEqualTo(shards.stream().mapToInt(SwarmReport::peakInFlight).sum());
        LatencyHistogram decoded = LatencyHistogram.decode(shards.get(0).latencies().get(Swarm.TOTAL).encoded());
        assertThat(decoded.count()).isEqualTo(10);
        assertThat(decoded.max()).isEqualTo(shards.get(0).latencies().get(Swarm.TOTAL).max());
    }
}
