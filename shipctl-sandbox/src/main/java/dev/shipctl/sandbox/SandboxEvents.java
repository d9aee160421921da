package dev.shipctl.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The sandbox's event log: every {@link SandboxEvent} in order, listeners, and a blocking {@link #await} so tests
 * wait for "client X reached a lobby" instead of sleeping. Thread-safe.
 */
public final class SandboxEvents {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<SandboxEvent> history = new ArrayList<>();
    private final List<Consumer<? super SandboxEvent>> listeners = new CopyOnWriteArrayList<>();

    SandboxEvents() {}

    void publish(SandboxEvent event) {
        lock.lock();
        try {
            history.add(event);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Consumer<? super SandboxEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException ignored) {
                // a failing listener must not stop the server
            }
        }
    }

    /** Calls {@code listener} for every later event, on the thread that caused it; it must not block. */
    public void listen(Consumer<? super SandboxEvent> listener) {
        listeners.add(listener);
    }

    /** Every event so far, oldest first. */
    public List<SandboxEvent> history() {
        lock.lock();
        try {
            return List.copyOf(history);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The first event of type {@code type} matching {@code condition}, past or future, waiting up to
     * {@code timeout} for it.
     *
     * @throws TimeoutException no such event arrived in time
     */
    public <E extends SandboxEvent> E await(Class<E> type, Predicate<? super E> condition, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            int seen = 0;
            while (true) {
                for (; seen < history.size(); seen++) {
                    if (type.isInstance(history.get(seen)) && condition.test(type.cast(history.get(seen)))) {
                        return type.cast(history.get(seen));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new TimeoutException("no " + type.getSimpleName() + " matching the condition within " + timeout);
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The first event of type {@code type} matching {@code condition} so far, without waiting. */
    public <E extends SandboxEvent> Optional<E> find(Class<E> type, Predicate<? super E> condition) {
        return history().stream().filter(type::isInstance).map(type::cast).filter(condition).findFirst();
    }
}
