package dev.shipctl;

/**
 * Receives a session's events on the session's reader thread, in order. Listeners must be fast, must not throw
 * and must not call blocking session methods; hand work to another thread if needed.
 */
@FunctionalInterface
public interface SessionListener {
    void onEvent(SessionEvent event);
}
