package dev.shipctl;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When and how often a session logs in again after its connection drops ({@link ShipClient.Builder#reconnect}).
 * Immutable. Delays grow exponentially with jitter: before the n-th attempt in a row the session waits between half
 * and all of {@code min(maxDelay, initialDelay·2^(n-1))} ("equal jitter"), so bots that lost the same server don't
 * come back in step. The count goes back to zero once a session has stayed up for {@link #resetAfter()}, so a
 * server that accepts the login and drops it at once is not hammered.
 *
 * <pre>{@code
 * ShipClient client = ShipClient.builder().server(host, port)
 *         .reconnect(ReconnectPolicy.builder().initialDelay(Duration.ofSeconds(2)).maxAttempts(10).build())
 *         .build();
 * }</pre>
 */
public final class ReconnectPolicy {
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final OptionalInt maxAttempts;
    private final Duration resetAfter;
    private final boolean retryFirstLogin;
    private final RandomGenerator random;

    private ReconnectPolicy(Builder b) {
        this.initialDelay = b.initialDelay;
        this.maxDelay = b.maxDelay;
        this.maxAttempts = b.maxAttempts;
        this.resetAfter = b.resetAfter;
        this.retryFirstLogin = b.retryFirstLogin;
        this.random = b.random;
    }

    /** 1 s doubling up to 2 min, no limit on attempts, reset after 2 s in the lobby, the first login not retried. */
    public static ReconnectPolicy defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder newBuilder() {
        return new Builder(this);
    }

    /**
     * The wait before the {@code n}-th attempt in a row (1-based): a random duration between half and all of
     * {@code min(maxDelay, initialDelay·2^(n-1))}.
     */
    public Duration delay(int n) {
        if (n < 1) throw new IllegalArgumentException("attempts count from 1, not " + n);
        long cap = maxDelay.toNanos();
        long exp = initialDelay.toNanos() << Math.min(n - 1, 40);
        long ceiling = exp <= 0 || exp > cap ? cap : exp;
        long half = ceiling / 2;
        RandomGenerator jitter = random != null ? random : ThreadLocalRandom.current();
        return Duration.ofNanos(half + jitter.nextLong(ceiling - half + 1));
    }

    /** The ceiling of the first delay. */
    public Duration initialDelay() {
        return initialDelay;
    }

    /** The longest delay. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** How many attempts in a row may fail before the session gives up; empty: never gives up. */
    public OptionalInt maxAttempts() {
        return maxAttempts;
    }

    /** How long a session must stay up for the next drop to start again from {@link #initialDelay()}. */
    public Duration resetAfter() {
        return resetAfter;
    }

    /**
     * Whether {@link ShipClient#connect} keeps trying, with the same delays, when the first login fails (other
     * than by a refusal), instead of throwing at once.
     */
    public boolean retryFirstLogin() {
        return retryFirstLogin;
    }

    /** Configures a policy; every setting has the default {@link #defaults()} describes. */
    public static final class Builder {
        private Duration initialDelay = Duration.ofSeconds(1);
        private Duration maxDelay = Duration.ofMinutes(2);
        private OptionalInt maxAttempts = OptionalInt.empty();
        private Duration resetAfter = Duration.ofSeconds(2);
        private boolean retryFirstLogin;
        private RandomGenerator random; // null: ThreadLocalRandom of the calling thread

        private Builder() {}

        private Builder(ReconnectPolicy p) {
            initialDelay = p.initialDelay;
            maxDelay = p.maxDelay;
            maxAttempts = p.maxAttempts;
            resetAfter = p.resetAfter;
            retryFirstLogin = p.retryFirstLogin;
            random = p.random;
        }

        /** The ceiling of the first delay (default 1 s); it doubles with each attempt in a row. */
        public Builder initialDelay(Duration d) {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("the initial reconnect delay must be positive");
            this.initialDelay = d;
            return this;
        }

        /** The longest delay (default 2 min); raised to the initial delay if shorter. */
        public Builder maxDelay(Duration d) {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("the longest reconnect delay must be positive");
            this.maxDelay = d;
            return this;
        }

        /** Gives up after this many failed attempts in a row (default: never). */
        public Builder maxAttempts(int n) {
            if (n < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
            this.maxAttempts = OptionalInt.of(n);
            return this;
        }

        /** How long a session must stay up to reset the delays (default 1 min); zero resets at every login. */
        public Builder resetAfter(Duration d) {
            if (d.isNegative()) throw new IllegalArgumentException("resetAfter must not be negative");
            this.resetAfter = d;
            return this;
        }

        /** Whether a failed first login is retried too (default false: {@link ShipClient#connect} throws). */
        public Builder retryFirstLogin(boolean retry) {
            this.retryFirstLogin = retry;
            return this;
        }

        /** The source of the jitter (default: {@link ThreadLocalRandom}); tests pass a seeded or fixed one. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        public ReconnectPolicy build() {
            if (maxDelay.compareTo(initialDelay) < 0) maxDelay = initialDelay;
            return new ReconnectPolicy(this);
        }
    }
}
