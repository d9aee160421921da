package dev.shipctl;

import java.util.List;

/**
 * The lobby a session is in: its number (1-based as players say it), the block, and who is there.
 *
 * @param yourClientId this session's slot
 */
public record Lobby(int number, int block, int yourClientId, List<Player> players) {
    public Lobby {
        players = List.copyOf(players);
    }
}
