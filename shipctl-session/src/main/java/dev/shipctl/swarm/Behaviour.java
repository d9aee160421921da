package dev.shipctl.swarm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What each session of a swarm does while it is held in its lobby. */
public enum Behaviour {
    /** Nothing but answering the server's pings (the session does that itself). */
    IDLE,
    /** Says a short line now and then, well within the server's chat cooldown. */
    CHAT,
    /** Moves to another lobby of its block now and then, no faster than the flavour's lobby change cooldown. */
    LOBBY_HOP,
    /** Counts the announcements (0xEE) it receives. */
    ANNOUNCE_LISTEN;

    /** The name on the command line and in reports ("lobby-hop"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The behaviour of that {@link #id()}, if any. */
    public static Optional<Behaviour> byId(String id) {
        return Arrays.stream(values()).filter(b -> b.id().equals(id)).findFirst();
    }
}
