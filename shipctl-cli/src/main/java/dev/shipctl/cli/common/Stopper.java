package dev.shipctl.cli.common;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Clean stops for long-running commands ({@code listen}, {@code watch}, {@code sandbox}): SIGTERM or Ctrl-C runs a
 * shutdown hook that asks the command to stop (interrupts its thread), waits for it to close its sessions and
 * servers, then ends the process with exit code 0 — a requested stop is a success, so systemd does not mark it
 * failed (the JVM's own exit status after a signal would be 143 or 130). A command that does not finish within
 * the grace period keeps the signal's status. Interrupting the command's thread (what tests do) stops it the same
 * way, without ending the process.
 */
public final class Stopper implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Thread worker = Thread.currentThread();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final int stoppedStatus;
    private volatile boolean stopping;

    /** A stopper whose process ends with exit code 0 after a signal. */
    public Stopper(String name) {
        this(name, ExitCodes.OK);
    }

    /**
     * A stopper whose process ends with {@code stoppedStatus} after a signal: for a command that a stop leaves
     * undone (a countdown cancelled before zero), so that {@code shipctl ... && restart} does not go on.
     */
    public Stopper(String name, int stoppedStatus) {
        this.stoppedStatus = stoppedStatus;
        hook = new Thread(() -> {
            worker.interrupt(); // before the flag: a worker that sees the flag has its interrupt to clear (pause)
            stopping = true;
            try {
                if (finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(stoppedStatus);
                }
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
    public boolean stopping() {
        return stopping || worker.isInterrupted();
    }

    /** Marks a stop asked for by interrupting the worker (the caller caught the InterruptedException). */
    public void interrupted() {
        stopping = true;
    }

    /** Waits up to {@code d}; returns false when a stop was asked for meanwhile. */
    public boolean pause(Duration d) {
        if (stopping()) {
            stopping = true;
            Thread.interrupted(); // consumed here, so that closing sessions and servers afterwards is not cut short
            return false;
        }
        try {
            Thread.sleep(d);
            return !stopping();
        } catch (InterruptedException e) {
            stopping = true;
            return false;
        }
    }

    /** Waits until a stop is asked for. */
    public void awaitStop() {
        while (pause(Duration.ofDays(1))) {
            // until stopped
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
