package dev.shipctl.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's event deliveries, run in the order they were posted by a virtual thread that exists only while there
 * is something to deliver: the first post starts it, it ends when the queue is empty, so an idle session keeps no
 * thread. The reader never runs listener code: posting never blocks, and a slow listener delays only the deliveries
 * after it.
 */
final class EventDelivery {
    private static final Logger log = LoggerFactory.getLogger(EventDelivery.class);

    private final String name;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>(4);
    private final CountDownLatch finished = new CountDownLatch(1);
    private boolean running;
    private boolean closed;
    private volatile Thread deliverer;
    private volatile Thread last; // the thread that ran the end

    EventDelivery(String name) {
        this.name = name;
    }

    /** Queues a delivery; ignored once {@link #finish()} was called. */
    void post(Runnable delivery) {
        enqueue(delivery, false);
    }

    /** Ends delivery once what was posted so far has run; later posts never run. */
    void finish() {
        enqueue(() -> {
            last = Thread.currentThread();
            finished.countDown();
        }, true);
    }

    private void enqueue(Runnable delivery, boolean last) {
        synchronized (this) {
            if (closed) return;
            queue.add(delivery);
            closed = last;
            if (running) return;
            running = true;
        }
        Thread.ofVirtual().name(name).start(this::drain);
    }

    /**
     * Waits until what was posted before {@link #finish()} has run; false if that took longer than {@code timeout}.
     * Returns at once on the delivering thread itself (a listener that closes the session).
     */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        if (Thread.currentThread() == deliverer) return finished.getCount() == 0;
        if (!finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) return false;
        last.join(timeout); // it has nothing left to run: it ends at once
        return true;
    }

    private void drain() {
        deliverer = Thread.currentThread();
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    deliverer = null;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                log.warn("a session listener threw; ignored", e);
            }
        }
    }

    @Override
    public synchronized String toString() {
        return name + " (" + queue.size() + " queued" + (running ? ", delivering" : "") + ")";
    }
}
