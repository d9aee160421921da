package dev.shipctl;

import java.time.Duration;

/** Formats durations the way shipctl prints them: "850 ms", "3.2 s", "4 min". */
public final class Durations {
    private Durations() {}

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms < 60_000) return ms % 1000 == 0 ? ms / 1000 + " s" : "%.1f s".formatted(ms / 1000.0);
        return ms % 60_000 == 0 ? ms / 60_000 + " min" : "%.1f min".formatted(ms / 60_000.0);
    }

    /** Milliseconds with one decimal, for tables of stage times. */
    public static String millis(Duration d) {
        return "%.1f ms".formatted(d.toNanos() / 1e6);
    }
}
