package dev.shipctl.swarm;

/**
 * The bound on logins in flight: a login takes a slot before it starts and gives it back when it has ended (in a
 * lobby or failed). A ramp asked faster than the server logs in then runs at the server's pace, instead of starting
 * thousands of logins that all wait, and all hold their half-built state, at once. {@link #close} ends every wait.
 */
final class LoginSlots {
    private int size;
    private int largest;
    private int used;
    private int peak;
    private boolean closed;

    LoginSlots(int size) {
        if (size < 1) throw new IllegalArgumentException("at least one login in flight");
        this.size = size;
        this.largest = size;
    }

    /** Takes a slot, waiting for one; false when closed first. */
    synchronized boolean take() throws InterruptedException {
        while (used >= size && !closed) wait();
        if (closed) return false;
        peak = Math.max(peak, ++used);
        return true;
    }

    /** Changes the bound (at least 1); more waiting logins start at once if it grew. */
    synchronized void resize(int newSize) {
        if (newSize < 1) throw new IllegalArgumentException("at least one login in flight");
        if (newSize > size) notifyAll();
        size = newSize;
        largest = Math.max(largest, newSize);
    }

    /** The bound now. */
    synchronized int size() {
        return size;
    }

    /** Gives a slot back. */
    synchronized void give() {
        used--;
        notifyAll();
    }

    /** Ends every wait: {@link #take} returns false from now on. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** The largest bound so far: a derived bound follows the fastest login, and shrinks when logins get faster. */
    synchronized int largest() {
        return largest;
    }

    /** The most slots taken at once so far (never more than {@link #largest}). */
    synchronized int peak() {
        return peak;
    }
}
