package dev.shipctl.internal;

import dev.shipctl.ServerFlavour;
import dev.shipctl.ShipException;
import dev.shipctl.protocol.packet.chat.ClientChat;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A session's chat lines, written in order and never closer together than the family's cooldown, so the server
 * drops none of them. A virtual thread writes them while there are lines to write and ends when the queue is empty,
 * so a session that is not chatting keeps no thread. Each line's future completes when it is written; a line not
 * written because the session ended fails with why it ended ({@link IllegalStateException} when it was closed).
 */
final class ChatSender {
    private record Pending(String line, CompletableFuture<Void> done) {}

    private final Connection connection;
    private final long cooldown;
    private final String name;
    private final Supplier<Throwable> whyEnded;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>(2);
    private Thread writer; // while lines are being written; guarded by this
    private boolean stopped; // guarded by this
    private long lastSent; // touched by one writer at a time, handed over under the lock

    /** @param whyEnded why the session ended, once it has; what lines not written fail with */
    ChatSender(Connection connection, Duration cooldown, String threadName, Supplier<Throwable> whyEnded) {
        this.connection = connection;
        this.cooldown = cooldown.toNanos();
        this.name = threadName;
        this.whyEnded = whyEnded;
    }

    /**
     * Checks that the family can carry {@code line} in a chat packet.
     *
     * @throws IllegalArgumentException empty, a control or surrogate character, or too long for the server
     */
    static void check(ServerFlavour flavour, int guildCard, String line) {
        if (line.isEmpty()) throw new IllegalArgumentException("the chat line is empty");
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                throw new IllegalArgumentException("the chat line contains a character the server cannot carry (U+%04X at %d)".formatted((int) c, i + 1));
            }
        }
        int size = new ClientChat(guildCard, line).encodedSize();
        if (size > flavour.maxChatPacket()) {
            int max = (flavour.maxChatPacket() - 0x10 - 6) / 2;
            throw new IllegalArgumentException("the chat line is %d characters; %s accepts at most %d".formatted(line.length(), flavour.name(), max));
        }
    }

    /** Queues a line; the writer starts if it is not running. */
    CompletableFuture<Void> add(String line) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread start;
        synchronized (this) {
            if (stopped) return CompletableFuture.failedFuture(whyEnded.get());
            queue.add(new Pending(line, done));
            if (writer != null) return done;
            writer = start = Thread.ofVirtual().name(name).unstarted(this::drain);
        }
        start.start();
        return done;
    }

    /** Stops writing; the lines still queued, and one waiting out the cooldown, fail with {@code why}. */
    void stop(Throwable why) {
        Thread running;
        synchronized (this) {
            stopped = true;
            Pending pending;
            while ((pending = queue.poll()) != null) pending.done().completeExceptionally(why);
            running = writer;
        }
        if (running != null) running.interrupt();
    }

    /** Waits up to {@code timeout} for the writer to end, if one is running (and it is not the caller). */
    void join(Duration timeout) throws InterruptedException {
        Thread running;
        synchronized (this) {
            running = writer;
        }
        if (running != null && running != Thread.currentThread()) running.join(timeout);
    }

    private void drain() {
        while (true) {
            Pending next;
            synchronized (this) {
                next = stopped ? null : queue.poll();
                if (next == null) {
                    writer = null;
                    return;
                }
            }
            long wait = lastSent == 0 ? 0 : lastSent + cooldown - System.nanoTime();
            try {
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                // stopping; the line waiting out the cooldown was not sent
                next.done().completeExceptionally(whyEnded.get());
                synchronized (this) {
                    writer = null;
                }
                return;
            }
            try {
                connection.send(new ClientChat(0, next.line()));
                lastSent = System.nanoTime();
                next.done().complete(null);
            } catch (ShipException e) {
                next.done().completeExceptionally(e);
            }
        }
    }
}
