package dev.shipctl.check;

import dev.shipctl.Credentials;
import dev.shipctl.Depth;
import dev.shipctl.Lobby;
import dev.shipctl.MenuItem;
import dev.shipctl.Session;
import dev.shipctl.ShallowLogin;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A health check: a login through the chain, as the game client does, timed stage by stage, with what the
 * server showed on the way ({@link CheckResult}); as far as the lobby, or only as far as its {@link Builder#depth}. The session is always closed before {@link #run} returns, so
 * checks never hold a connection (Tethealla allows 6 per IP) or the account (one live login each).
 *
 * <pre>{@code
 * CheckResult r = HealthCheck.builder(client, new Credentials("monitor", password)).build().run();
 * if (!r.ok()) System.err.println("down " + r.failure());
 * }</pre>
 *
 * <p>Immutable and reusable; {@link #run} and {@link #runAll} block the calling thread for the logins.
 */
public final class HealthCheck {
    private final ShipClient client;
    private final Credentials credentials;
    private final Consumer<Session> inLobby;
    private final Depth depth;

    private HealthCheck(Builder b) {
        this.client = b.client;
        this.credentials = b.credentials;
        this.inLobby = b.inLobby;
        this.depth = b.depth;
    }

    /** How far each login of this check goes. */
    public Depth depth() {
        return depth;
    }

    /** A check logging in with {@code client}'s settings (server, ship, block, timeouts) as {@code credentials}. */
    public static Builder builder(ShipClient client, Credentials credentials) {
        return new Builder(client, credentials);
    }

    /**
     * Logs in, notes everything, runs the {@linkplain Builder#inLobby in-lobby action} and leaves. Never throws a
     * {@link ShipException}: a failure is a result.
     */
    public CheckResult run() {
        return run(client);
    }

    /**
     * Every ship and every block: one login each, one after the other, each session closed before the next (the
     * server's limits: 6 connections per IP, one live login per account). The first login (the client's ship and
     * block settings cleared) learns the ships, the first login of each ship its blocks. Stops early only when the
     * first login fails; a ship whose first login fails is skipped.
     *
     * @param each sees every result as it comes
     * @return every result, in the order checked
     */
    public List<CheckResult> runAll(Consumer<? super CheckResult> each) {
        List<CheckResult> results = new ArrayList<>();
        CheckResult first = run(client.newBuilder().ship(null).block(null).build());
        results.add(first);
        each.accept(first);
        if (!first.ok() || first.ships().isEmpty()) return results;
        List<MenuItem> ships = first.ships();
        for (int si = 1; si <= ships.size(); si++) {
            CheckResult shipFirst = first;
            if (si > 1) {
                shipFirst = run(client.newBuilder().ship(String.valueOf(si)).block(null).build());
                results.add(shipFirst);
                each.accept(shipFirst);
                if (!shipFirst.ok()) continue;
            }
            for (int bi = 2; bi <= shipFirst.blocks().size(); bi++) {
                CheckResult r = run(client.newBuilder().ship(String.valueOf(si)).block(String.valueOf(bi)).build());
                results.add(r);
                each.accept(r);
            }
        }
        return results;
    }

    /** {@link #runAll(Consumer)} without watching the results come. */
    public List<CheckResult> runAll() {
        return runAll(r -> {});
    }

    private CheckResult run(ShipClient with) {
        String server = with.host() + ":" + with.port();
        Instant at = Instant.now();
        long start = System.nanoTime();
        if (depth != Depth.LOBBY) return probe(with, server, at, start);
        try (Session s = with.connect(credentials)) {
            Duration total = Duration.ofNanos(System.nanoTime() - start);
            Lobby lobby = s.lobby();
            inLobby.accept(s);
            return new CheckResult(at, server, true, s.timings(), total, Optional.empty(), Optional.empty(),
                    Optional.of(s.flavour()), Integer.toUnsignedLong(s.guildCard()), Optional.of(s.characterName()),
                    s.ships(), s.blocks(), s.ship(), s.block(), Optional.of(lobby), depth);
        } catch (ShipException e) {
            return failed(e, server, at, start);
        }
    }

    /** A check that stops short of the lobby: nobody there sees it, and it sees nobody. */
    private CheckResult probe(ShipClient with, String server, Instant at, long start) {
        try {
            ShallowLogin s = with.probe(credentials, depth);
            Duration total = Duration.ofNanos(System.nanoTime() - start);
            return new CheckResult(at, server, true, s.stages(), total, Optional.empty(), Optional.empty(),
                    Optional.of(s.flavour()), s.guildCard(), s.character(), s.ships(), s.blocks(), s.ship(), s.block(),
                    Optional.empty(), depth);
        } catch (ShipException e) {
            return failed(e, server, at, start);
        }
    }

    private CheckResult failed(ShipException e, String server, Instant at, long start) {
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        Optional<Stage> failed = e.stage().or(() -> Optional.of(Stage.CONNECT));
        return new CheckResult(at, server, false, e.timings(), total, failed, Optional.of(e), Optional.empty(), 0,
                Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), depth);
    }

    /** The options of a check. */
    public static final class Builder {
        private final ShipClient client;
        private final Credentials credentials;
        private Consumer<Session> inLobby = s -> {};
        private Depth depth = Depth.LOBBY;

        private Builder(ShipClient client, Credentials credentials) {
            this.client = Objects.requireNonNull(client, "client");
            this.credentials = Objects.requireNonNull(credentials, "credentials");
        }

        /**
         * Runs {@code action} in every lobby a check reaches, before it leaves (stay a while, walk the lobbies, ask
         * another source while the session is counted). The result's lobby is as the check arrived; a runtime
         * exception from the action propagates, after the session is closed.
         */
        public Builder inLobby(Consumer<Session> action) {
            this.inLobby = Objects.requireNonNull(action);
            return this;
        }

        /**
         * How far each login goes (default {@link Depth#LOBBY}, as the game client). Below the lobby the check is
         * invisible to players, its result has no lobby, and the {@linkplain #inLobby in-lobby action} does not run;
         * {@link Depth#BLOCK} is the deepest such depth, with the ship list's populations where the server shows them.
         */
        public Builder depth(Depth depth) {
            this.depth = Objects.requireNonNull(depth, "depth");
            return this;
        }

        public HealthCheck build() {
            return new HealthCheck(this);
        }
    }
}
