package dev.shipctl.cli.community.status;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the status server says about one server: its state and since when, the last check, the players per ship
 * and the stage latencies. Texts the server sent (ship names) are kept as sent, control characters replaced; each
 * format escapes them. No account name is kept.
 *
 * @param name the server's name (a profile's name, or host:port)
 * @param address host:port checked; shown only when the admin opts in
 * @param state up, down, or not checked yet
 * @param since when the current state began (the first check that found it); empty before the first check
 * @param lastCheck when the last check started; empty before the first check
 * @param checkTime how long the last check took, to its depth or its failure
 * @param depth how far the check goes (login, ship, block, lobby)
 * @param failedStage the stage the last check failed at, when down
 * @param flavour the server family (tethealla, newserv), once a check has seen it
 * @param ships the ship list with populations, as the last check saw it (empty when down)
 * @param stages each stage the last check completed, with its time, in order
 */
public record ServerStatus(String name, String address, State state, Optional<Instant> since, Optional<Instant> lastCheck,
                           Duration checkTime, String depth, Optional<String> failedStage, Optional<String> flavour,
                           List<Ship> ships, Map<String, Duration> stages) {

    /** A server's health as the last check found it. */
    public enum State {
        /** Not checked yet. */
        PENDING,
        /** The last check went as deep as asked. */
        UP,
        /** The last check failed. */
        DOWN;

        /** "pending", "up", "down". */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One ship of the ship list.
     *
     * @param name the ship's name as the server sent it (control characters replaced)
     * @param players its population, when the server shows one
     */
    public record Ship(String name, Optional<Integer> players) {
        public Ship {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(players, "players");
        }
    }

    public ServerStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
        ships = List.copyOf(ships);
        stages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stages));
    }

    /** A server named but not checked yet. */
    static ServerStatus pending(String name, String address) {
        return new ServerStatus(name, address, State.PENDING, Optional.empty(), Optional.empty(), Duration.ZERO, "",
                Optional.empty(), Optional.empty(), List.of(), Map.of());
    }

    /** Whether the last check found the server up. */
    public boolean up() {
        return state == State.UP;
    }

    /**
     * The players online: the sum of the ships' populations; 0 when down; empty when up but the server shows no
     * population (newserv before the lobby) or not checked yet.
     */
    public Optional<Integer> players() {
        if (state == State.DOWN) return Optional.of(0);
        List<Integer> known = ships.stream().flatMap(s -> s.players().stream()).toList();
        return known.isEmpty() ? Optional.empty() : Optional.of(known.stream().mapToInt(Integer::intValue).sum());
    }

    /** The badge's and the page's short word: "12 online", "up" (no population shown), "down", "checking". */
    public String summary() {
        return switch (state) {
            case PENDING -> "checking";
            case DOWN -> "down";
            case UP -> players().map(n -> n + " online").orElse("up");
        };
    }
}
