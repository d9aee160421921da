package dev.shipctl.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One virtual thread that runs a session's event deliveries in the order they were posted, so the reader never
 * runs listener code: posting never blocks, and a slow listener delays only the deliveries after it.
 */
final class EventThread {
    private static final Logger log = LoggerFactory.getLogger(EventThread.class);
    private static final Runnable END = () -> {};

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    EventThread(String name) {
        thread = Thread.ofVirtual().name(name).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Queues a delivery. */
    void post(Runnable delivery) {
        queue.add(delivery);
    }

    /** Ends the thread once what was posted so far has run; later posts never run. */
    void finish() {
        queue.add(END);
    }

    Thread thread() {
        return thread;
    }

    private void run() {
        while (true) {
            Runnable next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == END) return;
            try {
                next.run();
            } catch (RuntimeException e) {
                log.warn("a session listener threw; ignored", e);
            }
        }
    }

    @Override
    public String toString() {
        return thread.getName() + " (" + queue.size() + " queued)";
    }
}
