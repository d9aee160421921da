package dev.shipctl.cli;

import dev.shipctl.Credentials;
import dev.shipctl.Lobby;
import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One health check: a login through the whole chain, as the game client does, timed stage by stage, with what the
 * server showed on the way (ship populations from A0, the block list, the members of the lobby joined). Used by
 * {@code check}, {@code watch} and {@code bench}. The session is always closed before {@link #run} returns, so
 * checks never hold a connection (Tethealla allows 6 per IP) or the account (one live login each).
 */
final class HealthCheck {
    private HealthCheck() {}

    /** What one login found. */
    record Result(
            Instant at,
            String server,
            boolean ok,
            List<StageTiming> stages,
            Duration total,
            Optional<Stage> failedStage,
            Optional<String> error,
            int exitCode,
            Optional<String> flavour,
            long guildCard,
            Optional<String> character,
            List<MenuItem> ships,
            List<MenuItem> blocks,
            Optional<MenuItem> ship,
            Optional<MenuItem> block,
            Optional<Lobby> lobby) {

        /** "TestShip / BLOCK01, lobby 1", or what is known of it. */
        String where() {
            String s = ship.map(MenuItem::name).orElse("?") + block.map(b -> " / " + b.name()).orElse("");
            return lobby.map(l -> s + ", lobby " + l.number()).orElse(s);
        }

        /** "at ship: timed out …": the failed stage and the reason, for one-line reports. */
        String failure() {
            return "at " + failedStage.map(Stage::label).orElse("?") + ": " + error.orElse("?");
        }

        /** Everyone in the lobby joined except the checking character. */
        List<Player> others() {
            return lobby.map(l -> l.players().stream().filter(p -> p.clientId() != l.yourClientId()).toList()).orElse(List.of());
        }

        /** The stage time of {@code stage}, if it completed. */
        Optional<Duration> time(Stage stage) {
            return stages.stream().filter(t -> t.stage() == stage).map(StageTiming::elapsed).findFirst();
        }

        /** The result as JSON ({@code check --json}, {@code watch --json}); built by {@link CheckJson}. */
        ObjectNode toJson() {
            return CheckJson.result(this);
        }
    }

    /**
     * Logs in with {@code client}, notes everything, runs {@code inLobby} (e.g. stay a while) and leaves.
     * Never throws a {@link ShipException}: a failure is a result.
     */
    static Result run(ShipClient client, Credentials credentials, Consumer<Session> inLobby) {
        String server = client.host() + ":" + client.port();
        Instant at = Instant.now();
        long start = System.nanoTime();
        try (Session s = client.connect(credentials)) {
            Duration total = Duration.ofNanos(System.nanoTime() - start);
            Lobby lobby = s.lobby();
            inLobby.accept(s);
            return new Result(at, server, true, s.timings(), total, Optional.empty(), Optional.empty(), ExitCodes.OK,
                    Optional.of(s.flavour().name()), Integer.toUnsignedLong(s.guildCard()), Optional.of(s.characterName()),
                    s.ships(), s.blocks(), s.ship(), s.block(), Optional.of(lobby));
        } catch (ShipException e) {
            Duration total = Duration.ofNanos(System.nanoTime() - start);
            Optional<Stage> failed = e.stage().or(() -> Optional.of(Stage.CONNECT));
            return new Result(at, server, false, e.timings(), total, failed, Optional.of(e.reason()), ExitCodes.of(e),
                    Optional.empty(), 0, Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    static Result run(ShipClient client, Credentials credentials) {
        return run(client, credentials, s -> {});
    }

    /**
     * Every ship and every block: one login each, one after the other, each session closed before the next (the
     * server's limits: 6 connections per IP, one live login per account). The first login of a ship learns its
     * blocks. {@code each} sees every result as it comes.
     */
    static List<Result> all(ShipClient client, Credentials credentials, Consumer<Result> each) {
        return all(client, credentials, s -> {}, each);
    }

    /** As {@link #all(ShipClient, Credentials, Consumer)}, running {@code inLobby} in every lobby reached. */
    static List<Result> all(ShipClient client, Credentials credentials, Consumer<Session> inLobby, Consumer<Result> each) {
        List<Result> results = new ArrayList<>();
        Result first = run(client.newBuilder().ship(null).block(null).build(), credentials, inLobby);
        results.add(first);
        each.accept(first);
        if (!first.ok() || first.ships().isEmpty()) return results;
        List<MenuItem> ships = first.ships();
        for (int si = 1; si <= ships.size(); si++) {
            Result shipFirst;
            if (si == 1) {
                shipFirst = first;
            } else {
                shipFirst = run(client.newBuilder().ship(String.valueOf(si)).block(null).build(), credentials, inLobby);
                results.add(shipFirst);
                each.accept(shipFirst);
                if (!shipFirst.ok()) continue;
            }
            for (int bi = 2; bi <= shipFirst.blocks().size(); bi++) {
                Result r = run(client.newBuilder().ship(String.valueOf(si)).block(String.valueOf(bi)).build(), credentials, inLobby);
                results.add(r);
                each.accept(r);
            }
        }
        return results;
    }

    /** The stage timings as a JSON array; built by {@link CheckJson}. */
    static ArrayNode stages(List<StageTiming> timings) {
        return CheckJson.stages(timings);
    }
}
