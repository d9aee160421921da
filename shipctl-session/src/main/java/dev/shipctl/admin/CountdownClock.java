package dev.shipctl.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The time a {@link Countdown} (or a script's {@code wait}) goes by: what time it is, and a way to wait until a
 * moment. {@link #system()} is the real one; tests inject one they move themselves, so that a countdown of ten
 * minutes runs in no time and its spacing can be checked exactly.
 */
public interface CountdownClock {
    /** The current moment. */
    Instant now();

    /** The time zone for wall-clock times ("at 22:00"). */
    ZoneId zone();

    /**
     * Returns at {@code deadline} or later (at once if it has passed).
     *
     * @throws InterruptedException the thread was interrupted while waiting (a cancel)
     */
    void sleepUntil(Instant deadline) throws InterruptedException;

    /** The system's clock and time zone, waiting with {@link Thread#sleep}. */
    static CountdownClock system() {
        return SystemClock.INSTANCE;
    }

    /** {@link #system()}. */
    enum SystemClock implements CountdownClock {
        INSTANCE;

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public ZoneId zone() {
            return ZoneId.systemDefault();
        }

        @Override
        public void sleepUntil(Instant deadline) throws InterruptedException {
            for (Duration left; !(left = Duration.between(Instant.now(), deadline)).isNegative() && !left.isZero(); ) {
                Thread.sleep(left); // loops: a sleep may end early, and the wall clock may be set back meanwhile
            }
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }
}
