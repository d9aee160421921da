package dev.shipctl.sandbox;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-address failed-login limiting, as fail2ban does it for sshd: after {@link Limit#failures} wrong user names or
 * passwords from one address within {@link Limit#window}, that address's logins are refused, unchecked (no hash
 * work), for {@link Limit#cooldown}; then counting starts again. A successful login does not clear the count (it
 * would let a player with an account of their own keep guessing another). Thread-safe; every call is short.
 */
final class FailedLogins {
    /**
     * When an address is cut off.
     *
     * @param failures failed logins that start a cooldown (the last one included)
     * @param window   how far back failures count
     * @param cooldown how long logins from the address are then refused
     */
    record Limit(int failures, Duration window, Duration cooldown) {
        /** fail2ban's defaults: 5 failures within 10 minutes, refused for 10 minutes. */
        static final Limit DEFAULT = new Limit(5, Duration.ofMinutes(10), Duration.ofMinutes(10));

        Limit {
            Objects.requireNonNull(window);
            Objects.requireNonNull(cooldown);
            if (failures < 1) throw new IllegalArgumentException("failures must be at least 1");
            if (!window.isPositive() || !cooldown.isPositive()) throw new IllegalArgumentException("window and cooldown must be positive");
        }
    }

    private final Limit limit;
    private final Map<InetAddress, Deque<Instant>> failures = new HashMap<>();
    private final Map<InetAddress, Instant> refusedUntil = new HashMap<>();

    FailedLogins(Limit limit) {
        this.limit = limit;
    }

    Limit limit() {
        return limit;
    }

    /** Whether logins from {@code address} are refused at {@code now}. */
    synchronized boolean refusing(InetAddress address, Instant now) {
        Instant until = refusedUntil.get(address);
        if (until == null) return false;
        if (now.isBefore(until)) return true;
        refusedUntil.remove(address);
        return false;
    }

    /** Counts one failed login; true when it starts a cooldown for {@code address} (log that, once). */
    synchronized boolean failed(InetAddress address, Instant now) {
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        recent.addLast(now);
        Instant since = now.minus(limit.window());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(since)) recent.removeFirst();
        if (recent.size() < limit.failures()) return false;
        failures.remove(address);
        refusedUntil.put(address, now.plus(limit.cooldown()));
        return true;
    }

    /** Forgets failures older than the window and cooldowns that are over (called every tick, so memory stays bounded). */
    synchronized void prune(Instant now) {
        Instant since = now.minus(limit.window());
        failures.values().forEach(d -> {
            while (!d.isEmpty() && !d.peekFirst().isAfter(since)) d.removeFirst();
        });
        failures.values().removeIf(Deque::isEmpty);
        refusedUntil.values().removeIf(until -> !now.isBefore(until));
    }
}
