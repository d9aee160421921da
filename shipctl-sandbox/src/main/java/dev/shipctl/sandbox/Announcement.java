package dev.shipctl.sandbox;

/**
 * A GM's pending announcement: {@code /announce} or {@code /global} arms it (the same command again cancels), and the
 * GM's next simple mail is sent to the ship as the announcement instead of as mail. Guarded by the server lock.
 */
final class Announcement {
    /** Which command armed it. */
    enum Scope { SHIP, GLOBAL }

    private Scope armed;

    /** Arms {@code scope}, or cancels when one is armed already. Returns whether it is armed now. */
    boolean toggle(Scope scope) {
        if (armed != null) {
            armed = null;
            return false;
        }
        armed = scope;
        return true;
    }

    /** Whether one is armed; spends it. */
    boolean spend() {
        boolean was = armed != null;
        armed = null;
        return was;
    }
}
