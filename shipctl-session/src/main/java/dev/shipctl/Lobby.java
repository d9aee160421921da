package dev.shipctl;

import java.util.List;

/**
 * The lobby a session is in: its number (1-based as players say it), the block, and who is there.
 *
 * @param yourClientId this session's slot
 * @param players everyone in the lobby, this session's character included
 */
public record Lobby(int number, int block, int yourClientId, List<Player> players) {
    public Lobby {
        players = List.copyOf(players);
    }

    /** Everyone in the lobby but this session's character. */
    public List<Player> others() {
        return players.stream().filter(p -> p.clientId() != yourClientId).toList();
    }
}
