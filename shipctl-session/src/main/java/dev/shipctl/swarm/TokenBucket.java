package dev.shipctl.swarm;


/**
 * The ramp's pace: a token bucket filled at {@code rate} per second, holding at most {@code burst} tokens (it
 * starts full). {@link #take} waits for a token on the stop signal, so a stop ends the wait at once.
 */
final class TokenBucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    TokenBucket(double rate, int burst) {
        if (!(rate > 0)) throw new IllegalArgumentException("the ramp must be positive");
        this.perNano = rate / 1e9;
        this.burst = Math.max(1, burst);
        this.tokens = this.burst;
        this.last = System.nanoTime();
    }

    /** Takes a token, waiting for one; false when {@code stop} opened first. */
    boolean take(LeaveSignal stop) throws InterruptedException {
        while (true) {
            long wait = waitNanos();
            if (wait == 0) return !stop.isSignalled();
            if (stop.await(wait)) return false;
        }
    }

    private synchronized long waitNanos() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
    }
}
