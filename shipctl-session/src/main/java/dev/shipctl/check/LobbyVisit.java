package dev.shipctl.check;

import dev.shipctl.Lobby;
import dev.shipctl.Player;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one lobby looked like when a session was in it.
 *
 * @param ship the ship's name ("" when the family has no ship list)
 * @param block the block's name ("" when the family has no block list)
 * @param lobby the lobby, with its members (each with their role) and the visiting character's slot
 * @param at when it was seen
 */
public record LobbyVisit(String ship, String block, Lobby lobby, Instant at) {
    public LobbyVisit {
        Objects.requireNonNull(ship, "ship");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(lobby, "lobby");
        Objects.requireNonNull(at, "at");
    }

    /** Everyone there but the visiting character. */
    public List<Player> others() {
        return lobby.others();
    }
}
