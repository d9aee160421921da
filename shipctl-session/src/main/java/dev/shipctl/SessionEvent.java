package dev.shipctl;

import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened in a session, delivered to {@link SessionListener}s and {@link Session#events()}.
 * All texts have the game's markers and colour escapes removed.
 */
public sealed interface SessionEvent {
    Instant at();

    /** A chat line in the lobby (your own lines come back too). */
    record Chat(Instant at, int guildCard, String name, String text) implements SessionEvent {}

    /** A 0xB0 text message: command replies. */
    record TextMessage(Instant at, String text) implements SessionEvent {}

    /** A 0x01 lobby message box ("You must wait awhile…", "Block is full."). */
    record LobbyMessage(Instant at, String text) implements SessionEvent {}

    /** A 0x1A message box; the server usually disconnects right after it. */
    record MessageBox(Instant at, String text) implements SessionEvent {}

    /** A 0xEE scrolling message: announcements. */
    record Announcement(Instant at, String text) implements SessionEvent {}

    /** Simple mail (0x81) delivered to this character. */
    record Mail(Instant at, int fromGuildCard, String fromName, String text) implements SessionEvent {}

    /** Someone entered the lobby. */
    record PlayerJoined(Instant at, Player player) implements SessionEvent {}

    /** Someone left the lobby. */
    record PlayerLeft(Instant at, Player player) implements SessionEvent {}

    /** The lobby event changed (0xDA). */
    record LobbyEventChanged(Instant at, int event) implements SessionEvent {}

    /**
     * A reconnecting session ({@link ShipClient.Builder#reconnect}) lost its connection or failed to log in again,
     * and makes login attempt {@code attempt} after {@code delay}.
     *
     * @param attempt the attempt about to be made: 1 right after a drop, n + 1 after attempt n failed
     * @param cause why: the drop (attempt 1) or the failure of the previous attempt
     */
    record Reconnecting(Instant at, int attempt, Duration delay, ShipException cause) implements SessionEvent {}

    /**
     * A reconnecting session is in a lobby again: the one it was in when the connection dropped, when the server
     * family supports a lobby change ({@link Session#changeLobby}). Events of the new connection follow it.
     *
     * @param attempt the attempt that succeeded
     * @param lobby the lobby and its members now
     */
    record Reconnected(Instant at, int attempt, Lobby lobby) implements SessionEvent {}

    /**
     * The session has ended, for good: a reconnecting session sends it only when it stops trying. {@code cause} is
     * empty when it was closed by the caller.
     */
    record Disconnected(Instant at, String reason, java.util.Optional<ShipException> cause) implements SessionEvent {}
}
