package dev.shipctl.internal;

import java.time.Duration;

/**
 * A point in time by which a wait must end, on the monotonic {@link System#nanoTime()} clock, or {@link #NONE}.
 * Waits never get the full timeout again: each read is given what is left of the deadline.
 *
 * @param at the {@code nanoTime} value at which the deadline passes
 * @param limit how long the deadline was when it was set, for messages
 * @param whole whether this is the deadline of a whole login rather than of one stage
 */
public record Deadline(long at, Duration limit, boolean whole) {
    /** No deadline: waits end only when the peer answers or closes (a session in a lobby). */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ZERO, false);

    /** A stage's deadline, {@code limit} from now (saturating: a huge limit is the same as none). */
    public static Deadline after(Duration limit) {
        return after(limit, false);
    }

    /** The deadline of a whole login, {@code limit} from now. */
    public static Deadline wholeLogin(Duration limit) {
        return after(limit, true);
    }

    private static Deadline after(Duration limit, boolean whole) {
        long at;
        try {
            at = Math.addExact(System.nanoTime(), saturatedNanos(limit));
        } catch (ArithmeticException e) {
            at = Long.MAX_VALUE - 1;
        }
        return new Deadline(Math.min(at, Long.MAX_VALUE - 1), limit, whole);
    }

    public boolean isNone() {
        return at == Long.MAX_VALUE;
    }

    /** What is left, never negative; {@link Duration#ZERO} when passed. Not meaningful for {@link #NONE}. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, at - System.nanoTime()));
    }

    public boolean passed() {
        return !isNone() && at - System.nanoTime() <= 0;
    }

    /** Milliseconds left, at least 1 unless passed (for socket timeouts, where 0 means forever). */
    public int remainingMillisForSocket() {
        if (isNone()) return 0;
        long ms = (at - System.nanoTime() + 999_999) / 1_000_000;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    /** The earlier of the two. */
    public Deadline earliest(Deadline other) {
        if (isNone()) return other;
        if (other.isNone()) return this;
        return other.at - at < 0 ? other : this;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return Math.max(0, d.toNanos());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
