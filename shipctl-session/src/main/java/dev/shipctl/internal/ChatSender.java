package dev.shipctl.internal;

import dev.shipctl.ServerFlavour;
import dev.shipctl.ShipException;
import dev.shipctl.protocol.packet.chat.ClientChat;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A session's chat lines, written by one virtual thread in order and never closer together than the family's
 * cooldown, so the server drops none of them. Each line's future completes when it is written; a line not written
 * because the session ended fails with why it ended ({@link IllegalStateException} when it was closed).
 */
final class ChatSender {
    private record Pending(String line, CompletableFuture<Void> done) {}

    private final Connection connection;
    private final long cooldown;
    private final Supplier<Throwable> whyEnded;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopping;

    /** @param whyEnded why the session ended, once it has; what lines not written fail with */
    ChatSender(Connection connection, Duration cooldown, String threadName, Supplier<Throwable> whyEnded) {
        this.connection = connection;
        this.cooldown = cooldown.toNanos();
        this.whyEnded = whyEnded;
        this.thread = Thread.ofVirtual().name(threadName).unstarted(this::run);
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

    void start() {
        thread.start();
    }

    CompletableFuture<Void> add(String line) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(line, done));
        return done;
    }

    /** Stops the thread; the lines still queued fail with {@code why}. */
    void stop(Throwable why) {
        stopping = true;
        Pending pending;
        while ((pending = queue.poll()) != null) pending.done().completeExceptionally(why);
        thread.interrupt();
    }

    Thread thread() {
        return thread;
    }

    private void run() {
        long lastSent = 0;
        Pending next = null;
        try {
            while (!stopping) {
                next = queue.take();
                long wait = lastSent == 0 ? 0 : lastSent + cooldown - System.nanoTime();
                if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
                try {
                    connection.send(new ClientChat(0, next.line()));
                    lastSent = System.nanoTime();
                    next.done().complete(null);
                } catch (ShipException e) {
                    next.done().completeExceptionally(e);
                }
            }
        } catch (InterruptedException e) {
            // stopping; a line waiting out the cooldown was not sent
            if (next != null) next.done().completeExceptionally(whyEnded.get());
        }
    }
}
