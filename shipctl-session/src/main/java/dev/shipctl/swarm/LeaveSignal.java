package dev.shipctl.swarm;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The swarm's one-shot "leave now" signal, waited on by many sessions at once.
 *
 * <p>A {@code CountDownLatch} would do the same, but a timed wait that ends by its timeout unlinks itself by
 * walking the latch's whole queue of waiters: with thousands of sessions waiting, every chat interval and every
 * pause of the ramp walked thousands of nodes (a twelfth of the swarm's Java time during a 10,000-session ramp).
 * Here each waiter registers its own thread and unregisters it in constant time; {@link #signal} unparks them all.
 */
final class LeaveSignal {
    private volatile boolean signalled;
    private final AtomicBoolean first = new AtomicBoolean();
    private final Set<Thread> waiters = ConcurrentHashMap.newKeySet();

    /** Signals: every wait ends now and from now on; true the first time. */
    boolean signal() {
        if (!first.compareAndSet(false, true)) return false;
        // a waiter registers before it reads the flag, and this sets the flag before it reads the waiters: each
        // waiter either sees the flag or is unparked
        signalled = true;
        for (Thread t : waiters) LockSupport.unpark(t);
        return true;
    }

    boolean isSignalled() {
        return signalled;
    }

    /** Waits at most {@code nanos} for the signal; true when it came. */
    boolean await(long nanos) throws InterruptedException {
        if (signalled) return true;
        if (nanos <= 0) return false;
        Thread self = Thread.currentThread();
        long deadline = System.nanoTime() + nanos;
        waiters.add(self);
        try {
            while (!signalled) {
                if (Thread.interrupted()) throw new InterruptedException();
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                LockSupport.parkNanos(this, left);
            }
            return true;
        } finally {
            waiters.remove(self);
        }
    }

    /** Waits for the signal, however long. */
    void await() throws InterruptedException {
        Thread self = Thread.currentThread();
        waiters.add(self);
        try {
            while (!signalled) {
                if (Thread.interrupted()) throw new InterruptedException();
                LockSupport.park(this);
            }
        } finally {
            waiters.remove(self);
        }
    }
}
