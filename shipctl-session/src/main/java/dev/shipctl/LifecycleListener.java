package dev.shipctl;

/**
 * Receives a client's {@link LifecycleEvent}s, in order, never on a session's reader thread: stage events and
 * {@link LifecycleEvent.Connected} on the thread that logs in (the caller of {@link ShipClient#connect}, or a
 * reconnecting session's reconnect thread), {@link LifecycleEvent.Disconnected} on the session's event thread,
 * {@link LifecycleEvent.Reconnecting} on the reconnect thread. A listener slows the login or the delivery of later
 * events while it runs, never the reading of packets: keep it fast. What it throws is logged and ignored.
 */
@FunctionalInterface
public interface LifecycleListener {
    void onEvent(LifecycleEvent event);
}
