package dev.shipctl;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A subscription to a session's events from the moment it was taken: a queue the caller reads at its own pace.
 * Close it when done so the session stops filling it.
 */
public final class EventStream implements AutoCloseable, SessionListener {
    private final BlockingQueue<SessionEvent> queue = new LinkedBlockingQueue<>();
    private Runnable unsubscribe = () -> {};

    private EventStream() {}

    /** A stream registered with {@code add}; closing it calls {@code remove}. For session implementations. */
    public static EventStream subscribe(Consumer<SessionListener> add, Consumer<SessionListener> remove) {
        EventStream stream = new EventStream();
        stream.unsubscribe = () -> remove.accept(stream);
        add.accept(stream);
        return stream;
    }

    @Override
    public void onEvent(SessionEvent event) {
        queue.add(event);
    }

    /** The next event, waiting up to {@code timeout}. */
    public Optional<SessionEvent> next(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** The next event matching {@code filter}, skipping others, waiting up to {@code timeout} in all. */
    public Optional<SessionEvent> next(Predicate<SessionEvent> filter, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.empty();
            SessionEvent e = queue.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) return Optional.empty();
            if (filter.test(e)) return Optional.of(e);
        }
    }

    /** The next event of a type, skipping others. */
    public <E extends SessionEvent> Optional<E> next(Class<E> type, Duration timeout) throws InterruptedException {
        return next(type::isInstance, timeout).map(type::cast);
    }

    /** An event already queued, without waiting. */
    public Optional<SessionEvent> poll() {
        return Optional.ofNullable(queue.poll());
    }

    @Override
    public void close() {
        unsubscribe.run();
    }
}
