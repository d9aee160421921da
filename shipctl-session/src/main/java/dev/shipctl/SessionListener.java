package dev.shipctl;

/**
 * Receives a session's events, in order, on the session's event thread ({@code shipctl-<character>-events}; a
 * reconnecting session's own events on its reconnect thread), never on the reader: the reader only reads, answers
 * the server's pings and keeps the lobby up to date, then hands each event over. A slow listener delays the events
 * after it, not the session; it may call the session's methods (even blocking ones such as
 * {@link Session#changeLobby} or {@link Session#close}). What it throws is logged and ignored.
 *
 * <p>For what happens to the connection (stages of the login, connected, disconnected, reconnecting), see
 * {@link LifecycleListener}.
 */
@FunctionalInterface
public interface SessionListener {
    void onEvent(SessionEvent event);
}
