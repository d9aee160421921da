package dev.shipctl.internal;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread that ends reads whose deadline passed ({@link Connection}): a task per connection and
 * deadline, armed when a stage's first read starts and cancelled when the connection closes or stops having a
 * deadline (a session in a lobby). A daemon thread, started on first use: a process that never logs in has none.
 */
final class DeadlineTimer {
    private static final class Holder {
        static final ScheduledThreadPoolExecutor TIMER = create();
    }

    private DeadlineTimer() {
    }

    /** Runs {@code task} in {@code nanos} (at once if not positive) on the timer thread; it must be quick. */
    static Future<?> schedule(Runnable task, long nanos) {
        return Holder.TIMER.schedule(task, Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "shipctl-deadlines");
            t.setDaemon(true);
            return t;
        });
        // a cancelled task leaves the queue at once: the queue holds only the deadlines of logins in progress
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
