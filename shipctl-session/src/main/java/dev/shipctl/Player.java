package dev.shipctl;

import java.util.Objects;

/**
 * A player as the lobby shows them.
 *
 * @param clientId the slot in the lobby (0..11)
 * @param nameColor the name colour the server gave them, which on Tethealla marks GMs and local GMs
 * @param role what the server family shows of their standing ({@link ServerFlavour#roleOf}); {@link Role#PLAYER}
 *     when the family shows none
 */
public record Player(int guildCard, int clientId, String name, int nameColor, Role role) {
    public Player {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** A player whose role is not known or not shown: {@link Role#PLAYER}. */
    public Player(int guildCard, int clientId, String name, int nameColor) {
        this(guildCard, clientId, name, nameColor, Role.PLAYER);
    }

    /** What a client can tell of someone's standing on the server, from the lobby alone. */
    public enum Role {
        /** Anyone not shown as a GM. */
        PLAYER("player"),
        /** A GM of one ship (Tethealla's local GMs, from the ship's list). */
        LOCAL_GM("local_gm"),
        /** A GM of the whole server. */
        GM("gm");

        private final String id;

        Role(String id) {
            this.id = id;
        }

        /** "player", "local_gm" or "gm": the name in JSON output. */
        public String id() {
            return id;
        }
    }
}
