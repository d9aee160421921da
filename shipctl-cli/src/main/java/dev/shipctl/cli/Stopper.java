package dev.shipctl.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Clean stops for long-running commands ({@code listen}, {@code watch}): SIGTERM or Ctrl-C runs a shutdown hook
 * that asks the command to stop (interrupts its thread), then waits for it to close its sessions and servers.
 * Interrupting the command's thread (what tests do) stops it the same way.
 */
final class Stopper implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Thread worker = Thread.currentThread();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean stopping;

    Stopper(String name) {
        hook = new Thread(() -> {
            stopping = true;
            worker.interrupt();
            try {
                finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                // the JVM is going down anyway
            }
        }, name + "-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException e) {
            stopping = true; // already shutting down
        }
    }

    /** Whether a stop was asked for (signal, or this thread interrupted). */
    boolean stopping() {
        return stopping || worker.isInterrupted();
    }

    /** Marks a stop asked for by interrupting the worker (the caller caught the InterruptedException). */
    void interrupted() {
        stopping = true;
    }

    /** Waits up to {@code d}; returns false when a stop was asked for meanwhile. */
    boolean pause(Duration d) {
        if (stopping()) return false;
        try {
            Thread.sleep(d);
            return !stopping();
        } catch (InterruptedException e) {
            stopping = true;
            return false;
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook is running and waits for finished
        }
    }
}
