package dev.shipctl.cli;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: {@code base·2^n}, capped at {@code max}, each delay drawn between half and all of
 * that ("equal jitter"), so many clients that lost the same server don't come back in step.
 */
final class Backoff {
    private final Duration base;
    private final Duration max;
    private int failures;

    Backoff(Duration base, Duration max) {
        this.base = base;
        this.max = max.compareTo(base) < 0 ? base : max;
    }

    /** The delay before the next attempt; each call doubles the next one, up to the cap. */
    Duration next() {
        long cap = max.toMillis();
        long exp = base.toMillis() << Math.min(failures, 30);
        long ceiling = exp <= 0 || exp > cap ? cap : exp;
        failures++;
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    /** Back to the base delay (after a success). */
    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
