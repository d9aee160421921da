package dev.shipctl.cli.diagnostics;

import dev.shipctl.ReconnectPolicy;
import java.time.Duration;

/**
 * The delays between {@code watch}'s checks after failures: the library's {@link ReconnectPolicy} delays
 * ({@code base·2^n} capped at {@code max}, each drawn between half and all of that), counted here.
 */
final class Backoff {
    private final ReconnectPolicy policy;
    private int failures;

    Backoff(Duration base, Duration max) {
        this.policy = ReconnectPolicy.builder().initialDelay(base).maxDelay(max).build();
    }

    /** The delay before the next attempt; each call doubles the next one, up to the cap. */
    Duration next() {
        return policy.delay(++failures);
    }

    /** Back to the base delay (after a success). */
    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
