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

    /**
     * Whether {@link #onEvent} should see {@code event}: all events unless a listener says otherwise. A session hands
     * over an event only to the listeners that want it, and costs nothing for an event none wants (no delivery, no
     * event thread started): a bot among thousands that only counts announcements need not pay for every player who
     * walks into its lobby. Called where the event happens (the session's reader, or a reconnecting session's own
     * thread): it must be quick and must not block. If it throws, the listener gets the event.
     */
    default boolean wants(SessionEvent event) {
        return true;
    }
}
