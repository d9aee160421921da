package dev.shipctl.check;

import dev.shipctl.MenuItem;
import dev.shipctl.Session;
import dev.shipctl.ShipException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is in which lobby of a block, as a client can see it: the lobby the session is in, then each lobby of a range
 * in turn ({@link Session#changeLobby}), no faster than the family's {@linkplain
 * dev.shipctl.ServerFlavour#lobbyChangeCooldown() lobby change cooldown}. The walking character takes a slot in each
 * lobby it visits; {@link LobbyVisit#others()} leaves it out.
 *
 * <p>What goes wrong on the way is a note, not an error: a lobby the server refuses ("Lobby is full!") or does not
 * answer for is skipped; a family that {@linkplain dev.shipctl.ServerFlavour#changesLobbies() changes no lobbies}
 * is seen in its lobby only; a connection that drops ends the walk.
 */
public final class LobbyWalk {
    /** The lobbies of a block players can choose from, numbered 1 to {@value}. */
    public static final int LOBBIES = 15;

    private LobbyWalk() {}

    /**
     * What one walk saw.
     *
     * @param visits the lobbies seen, the one the session was in first
     * @param notes one line for each lobby that could not be seen, and why
     */
    public record Result(List<LobbyVisit> visits, List<String> notes) {
        public Result {
            visits = List.copyOf(visits);
            notes = List.copyOf(notes);
        }
    }

    /** The lobby {@code session} is in now, without moving. */
    public static LobbyVisit here(Session session) {
        return new LobbyVisit(shipName(session), blockName(session), session.lobby(), Instant.now());
    }

    /**
     * Sees the lobby {@code session} is in, then visits lobbies {@code from} to {@code to} (1-based, skipping the one
     * it started in) and stays in the last one reached.
     *
     * @throws IllegalArgumentException the range is not within 1..{@value #LOBBIES} or is empty
     * @throws InterruptedException interrupted while pacing or waiting for the server; nothing of the walk is kept
     */
    public static Result walk(Session session, int from, int to) throws InterruptedException {
        if (from < 1 || to > LOBBIES || from > to) {
            throw new IllegalArgumentException("lobbies are numbered 1 to " + LOBBIES + ", not " + from + "-" + to);
        }
        List<LobbyVisit> visits = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        LobbyVisit start = here(session);
        visits.add(start);
        String where = where(start.ship(), start.block());
        var flavour = session.flavour();
        if (!flavour.changesLobbies()) {
            notes.add("lobby changes are not implemented for " + flavour.name() + " servers; seen lobby "
                    + start.lobby().number() + " only");
            return new Result(visits, notes);
        }
        Duration cooldown = flavour.lobbyChangeCooldown().orElseThrow();
        for (int n = from; n <= to; n++) {
            if (n == start.lobby().number()) continue;
            Thread.sleep(cooldown); // the server's limit on lobby changes, not a wait for an answer
            try {
                visits.add(new LobbyVisit(start.ship(), start.block(), session.changeLobby(n), Instant.now()));
            } catch (ShipException.ConnectionLost e) {
                notes.add(about(where) + "the server closed the session while changing lobbies (" + e.reason() + ")");
                break;
            } catch (ShipException e) {
                notes.add(where(where, "lobby " + n) + ": " + e.reason());
            } catch (IllegalStateException e) {
                notes.add(about(where) + "the session ended while changing lobbies");
                break;
            }
            if (!session.isOpen()) {
                notes.add(about(where) + "the server closed the session while changing lobbies");
                break;
            }
        }
        return new Result(visits, notes);
    }

    private static String shipName(Session s) {
        return s.ship().map(MenuItem::name).orElse("");
    }

    private static String blockName(Session s) {
        return s.block().map(MenuItem::name).orElse("");
    }

    private static String about(String where) {
        return where.isEmpty() ? "" : where + ": ";
    }

    private static String where(String... parts) {
        return String.join(" / ", java.util.Arrays.stream(parts).filter(p -> !p.isBlank()).toList());
    }
}
