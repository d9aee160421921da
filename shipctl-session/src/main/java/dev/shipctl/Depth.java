package dev.shipctl;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How far a login goes before it leaves ({@link ShipClient#probe}): each depth includes the ones before it. Only
 * {@link #LOBBY} joins a lobby, so only it is seen by the players there (a join and a leave in lobby 1) and only it
 * learns the lobby's members; the shallower depths learn what the login shows on the way (the ship list with its
 * populations on Tethealla).
 *
 * <p>Per family: Tethealla stops {@link #LOGIN} after the character server's slot answer (E4), {@link #SHIP} after
 * the ship's block list (07) and the block chosen, {@link #BLOCK} after the block sent the character (E7) and asked
 * for the player data (95), before the player data (61) that makes it put the client in a lobby. newserv has no ship
 * or block list: {@link #LOGIN} stops after the data connection's slot preview, {@link #SHIP} and {@link #BLOCK}
 * after the game connection's character (E7) and main menu (07), before "Go to lobby".
 */
public enum Depth {
    /** The login server accepted the account and the character server gave the character slot. */
    LOGIN,
    /** Also the ship list and the ship's block list (newserv: its main menu). */
    SHIP,
    /** Also the block's character data, leaving before the lobby is joined: the deepest no player sees. */
    BLOCK,
    /** Into a lobby, as the game client goes: seen by the players there, and sees them. */
    LOBBY;

    /** The lower-case name for options and JSON ("block"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether players can see a login of this depth (it joins a lobby). */
    public boolean visibleToPlayers() {
        return this == LOBBY;
    }

    /**
     * The depth named {@code text} ("login", "ship", "block" or "lobby", any case).
     *
     * @throws IllegalArgumentException for any other text, with a one-line message naming the depths
     */
    public static Depth parse(String text) {
        for (Depth d : values()) {
            if (d.id().equalsIgnoreCase(text.strip())) return d;
        }
        throw new IllegalArgumentException("unknown depth '" + text + "': expected one of "
                + Arrays.stream(values()).map(Depth::id).collect(Collectors.joining(", ")));
    }
}
