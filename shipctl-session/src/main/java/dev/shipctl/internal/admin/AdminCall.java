package dev.shipctl.internal.admin;

import dev.shipctl.EventStream;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipException;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.admin.AdminResult.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One admin operation: its event subscription (taken before anything is sent, so no reply is missed) and its
 * transcript of lines sent and replies received. Close it when the operation ends.
 */
public final class AdminCall implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AdminCall.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final Session session;
    private final AdminDialect dialect;
    private final String verb;
    private final Integer target;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private long lastSentNanos = startNanos;
    private final List<Exchange> transcript = new ArrayList<>();
    private final List<SessionEvent> receivedEvents = new ArrayList<>();
    private final EventStream events;

    /** @param target the guild card acted on, or {@code null} */
    public AdminCall(Session session, AdminDialect dialect, String verb, Integer target) {
        this.session = session;
        this.dialect = dialect;
        this.verb = verb;
        this.target = target;
        this.events = session.events();
    }

    private Exchange exchange(Exchange.Direction direction, String label, String text) {
        long now = System.nanoTime();
        long since = direction == Exchange.Direction.SENT ? startNanos : lastSentNanos;
        if (direction == Exchange.Direction.SENT) lastSentNanos = now;
        return new Exchange(start.plusNanos(now - startNanos), Duration.ofNanos(now - since), direction, label, text);
    }

    /** Queues a chat line and waits until it is written (after the cooldown, if any). */
    public void chat(String line) throws ShipException, InterruptedException {
        dialect.checkCommand(line);
        try {
            session.chat(line).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ShipException s) throw s;
            throw new ShipException.ConnectionLost(null, "the session ended before " + line + " was sent");
        } catch (TimeoutException e) {
            throw new ShipException.NoReply("could not send " + line + " within " + Replies.seconds(WRITE_TIMEOUT));
        }
        log.debug("{}: sent {}", verb, line);
        transcript.add(exchange(Exchange.Direction.SENT, "chat", line));
    }

    /** Sends the simple mail that carries an announcement, to this account's own guild card. */
    public void mail(String text) throws ShipException {
        session.mail(session.guildCard(), text);
        transcript.add(exchange(Exchange.Direction.SENT, "mail", text));
    }

    /**
     * Records every reply until one matches or {@code wait} passes. The session ending is a match only when
     * {@code match} accepts it; otherwise it ends the wait with the session's error.
     */
    public Optional<SessionEvent> await(Predicate<SessionEvent> match, Duration wait) throws ShipException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.empty();
            Optional<SessionEvent> next = events.next(Duration.ofNanos(left));
            if (next.isEmpty()) return Optional.empty();
            SessionEvent e = next.get();
            Optional<String> label = Replies.label(e);
            if (label.isEmpty()) continue;
            transcript.add(exchange(Exchange.Direction.RECEIVED, label.get(), Replies.textOf(e)));
            receivedEvents.add(e);
            if (match.test(e)) return next;
            if (e instanceof SessionEvent.Disconnected d) {
                throw d.cause().orElseGet(() -> new ShipException.ConnectionLost(null, "the session was closed"));
            }
        }
    }

    /** The replies received so far, as events. */
    public List<SessionEvent> received() {
        return List.copyOf(receivedEvents);
    }

    public int replyCount() {
        return (int) transcript.stream().filter(x -> x.direction() == Exchange.Direction.RECEIVED).count();
    }

    public AdminResult result(AdminResult.Outcome outcome, String summary) {
        return new AdminResult(verb, Optional.ofNullable(target), outcome, summary, transcript);
    }

    @Override
    public void close() {
        events.close();
    }
}
