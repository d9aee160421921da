package dev.shipctl.cli.diagnostics;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When {@code watch --on-change} may run its hook: at most once per minimum interval
 * ({@code --on-change-min-interval}), so a server flapping between up and down does not fire it every round.
 *
 * <p>The first change after a quiet interval runs the hook at once. A change within the interval after a run is
 * held, and later changes are folded into it; at the first round once the interval has passed, the hook runs once,
 * from the state it last reported to the latest state, and is told every state passed through. If the latest state
 * is the one it last reported (the server flapped and came back), it does not run, and the caller says so: no
 * change is dropped silently. Not thread-safe: one watch loop calls it.
 */
final class HookSpacing {
    /** What to do after a round. */
    sealed interface Decision {}

    /** Run the hook for {@code from -> to}; {@code path} is every state from {@code from} to {@code to} (two or more). */
    record Run(String from, String to, List<String> path) implements Decision {
        /** Whether other changes were folded into this run. */
        boolean coalesced() {
            return path.size() > 2;
        }
    }

    /** The change {@code from -> to} is held for {@code remaining} at least; said once, when holding starts. */
    record Hold(String from, String to, Duration remaining) implements Decision {}

    /** The held changes ({@code path}) came back to the state last reported: the hook does not run. */
    record Settled(List<String> path) implements Decision {}

    private final Duration minimum;
    private final InstantSource clock;
    private final List<String> path = new ArrayList<>();
    private String reported;
    private Instant lastRun;

    HookSpacing(Duration minimum, InstantSource clock) {
        this.minimum = minimum;
        this.clock = clock;
    }

    /** Takes the state of a round ({@code up}, {@code down:STAGE}); the first one is the starting point. */
    Optional<Decision> observe(String state) {
        if (reported == null) {
            reported = state;
            return Optional.empty();
        }
        if (path.isEmpty()) {
            if (state.equals(reported)) return Optional.empty();
            path.add(reported);
        }
        boolean holdingStarts = path.size() == 1;
        if (!path.getLast().equals(state)) path.add(state);
        Instant now = clock.instant();
        if (lastRun == null || !now.isBefore(lastRun.plus(minimum))) {
            List<String> seen = List.copyOf(path);
            path.clear();
            if (state.equals(reported)) return Optional.of(new Settled(seen));
            String from = reported;
            reported = state;
            lastRun = now;
            return Optional.of(new Run(from, state, seen));
        }
        return holdingStarts ? Optional.of(new Hold(reported, state, Duration.between(now, lastRun.plus(minimum)))) : Optional.empty();
    }

    /** The changes held and not yet reported (the states passed through), if any: for a last word when watch stops. */
    Optional<List<String>> pending() {
        return path.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(path));
    }
}
