package dev.shipctl.sandbox;

/**
 * Tethealla's one-action-per-clock-second limit (chat, simple mail, lobby changes): an action is allowed unless
 * one was allowed earlier in the same second. Guarded by the server lock.
 */
final class OncePerSecond {
    private long lastSecond = -1;

    /** Whether an action at {@code second} is allowed; if it is, it counts. */
    boolean allow(long second) {
        if (lastSecond >= 0 && second - lastSecond < 1) return false;
        lastSecond = second;
        return true;
    }
}
