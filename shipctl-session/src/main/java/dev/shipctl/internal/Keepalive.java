package dev.shipctl.internal;

import dev.shipctl.ShipException;
import dev.shipctl.protocol.packet.keepalive.ClientPing;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session's own keepalive: a 0x1D every interval, scheduled on one timer thread that every session of the JVM
 * shares, so no thread per session waits for it. Stops when stopped or when a send fails (the reader reports the
 * lost connection). In {@code handOff} mode (many sessions) the timer only starts a short virtual thread for each
 * ping, so one session whose socket does not take data never delays another's ping; otherwise the timer thread
 * writes the 8 bytes itself (no virtual thread touches a socket, so a one-shot verb never starts the I/O poller).
 */
final class Keepalive {
    /** The shared timer: one daemon thread, started with the first keepalive of the JVM. */
    private static final class Timer {
        static final ScheduledThreadPoolExecutor SHARED = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                    r -> Thread.ofPlatform().daemon().name("shipctl-keepalive-timer").unstarted(r));
            timer.setRemoveOnCancelPolicy(true); // a closed session's task leaves the queue at once
            return timer;
        }
    }

    private final Connection connection;
    private final long interval;
    private final boolean handOff;
    private final String name;
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile ScheduledFuture<?> task;
    private volatile boolean stopping;

    Keepalive(Connection connection, Duration interval, boolean handOff, String name) {
        this.connection = connection;
        this.interval = interval.toNanos();
        this.handOff = handOff;
        this.name = name;
    }

    void start() {
        if (stopping) return;
        task = Timer.SHARED.scheduleWithFixedDelay(this::due, interval, interval, TimeUnit.NANOSECONDS);
        if (stopping) task.cancel(false); // stopped while being scheduled
    }

    void stop() {
        stopping = true;
        ScheduledFuture<?> t = task;
        if (t != null) t.cancel(false);
    }

    /** Whether a ping is still scheduled: false once stopped or after a failed send. */
    boolean scheduled() {
        ScheduledFuture<?> t = task;
        return t != null && !t.isDone();
    }

    private void due() {
        if (stopping || !sending.compareAndSet(false, true)) return; // the last ping is still being written: skip
        if (handOff) {
            Thread.ofVirtual().name(name).start(this::ping);
        } else {
            ping();
        }
    }

    private void ping() {
        try {
            if (!stopping) connection.send(new ClientPing());
        } catch (ShipException e) {
            stop(); // the reader reports the lost connection
        } finally {
            sending.set(false);
        }
    }
}
