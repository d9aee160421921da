package dev.shipctl.internal;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The chat lines of a {@link ReconnectingSession}: held while no connection may take them, handed to the live one
 * a line at a time (the next when the previous is written), so at most one line is ever inside a connection that
 * drops. That line fails, since it may have reached the server; the held ones go out once, after the reconnect.
 *
 * <p>It relies on {@link RealSession#chat}'s contract that a line failing with {@link IllegalStateException} was never
 * written (the session was closed before sending it): such a line is held again, at the front.
 */
final class ChatRelay {
    private record Line(String text, CompletableFuture<Void> done) {}

    private final ArrayDeque<Line> waiting = new ArrayDeque<>();
    private Function<String, CompletableFuture<Void>> target;
    private Line inFlight;
    private CompletableFuture<Void> inFlightSent;
    private Throwable endedBy;
    private boolean pumping;

    /** Queues a line; it fails at once if the session has ended. */
    synchronized CompletableFuture<Void> add(String text) {
        if (endedBy != null) return CompletableFuture.failedFuture(endedBy);
        Line line = new Line(text, new CompletableFuture<>());
        waiting.add(line);
        pump();
        return line.done();
    }

    /** Lets lines go to a connection's chat (logged in, back in its lobby): {@code session::chat}. */
    synchronized void resume(Function<String, CompletableFuture<Void>> chat) {
        if (endedBy != null) return;
        target = chat;
        pump();
    }

    /** Holds lines from now on: the connection dropped. */
    synchronized void hold() {
        target = null;
    }

    /**
     * Called once the dropped connection's threads have ended: a line handed to it that it never settled was never
     * taken by its chat thread, so it goes first again.
     */
    synchronized void reclaim() {
        if (inFlight != null && !inFlightSent.isDone()) {
            waiting.addFirst(inFlight);
            inFlight = null;
            inFlightSent = null;
        }
    }

    /** Fails every line not yet sent with {@code why}; later lines fail at once. */
    synchronized void end(Throwable why) {
        if (endedBy != null) return;
        endedBy = why;
        target = null;
        reclaim();
        for (Line line : waiting) line.done().completeExceptionally(why);
        waiting.clear();
    }

    private void pump() {
        if (pumping) return; // re-entered from a future that completed at once
        pumping = true;
        try {
            while (inFlight == null && target != null && !waiting.isEmpty()) {
                Line line = waiting.poll();
                CompletableFuture<Void> sent;
                try {
                    sent = target.apply(line.text());
                } catch (RuntimeException e) {
                    line.done().completeExceptionally(e);
                    continue;
                }
                inFlight = line;
                inFlightSent = sent;
                sent.whenComplete((ignored, failure) -> settled(line, failure));
            }
        } finally {
            pumping = false;
        }
    }

    private synchronized void settled(Line line, Throwable failure) {
        if (inFlight != line) return; // reclaimed or ended meanwhile
        inFlight = null;
        inFlightSent = null;
        Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        if (cause == null) {
            line.done().complete(null);
        } else if (cause instanceof IllegalStateException && endedBy == null) {
            waiting.addFirst(line); // never written: that connection is gone; wait for the next
            target = null;
        } else {
            line.done().completeExceptionally(cause);
        }
        pump();
    }
}
