package dev.shipctl.internal;

import dev.shipctl.Credentials;
import dev.shipctl.EventStream;
import dev.shipctl.LifecycleEvent;
import dev.shipctl.Lobby;
import dev.shipctl.LoginPath;
import dev.shipctl.MenuItem;
import dev.shipctl.ReconnectPolicy;
import dev.shipctl.ResumeTicket;
import dev.shipctl.ServerFlavour;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.SessionListener;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import dev.shipctl.protocol.Packet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session that logs in again when its connection drops ({@link ShipClient.Builder#reconnect}). It holds one
 * {@link RealSession} at a time and forwards that connection's events to its own listeners. One virtual thread, the
 * supervisor ({@code shipctl-<character>-reconnect}), does the rest in order: waits for a drop, closes the dropped
 * connection (joining its threads), waits out the policy's delay, logs in, goes back to the lobby it was in, sends
 * {@link SessionEvent.Reconnected}, and only then lets the new connection's events and the held chat lines through.
 * {@link #close()} interrupts it (which aborts a login under way: socket operations of virtual threads are
 * interruptible) and joins it.
 */
public final class ReconnectingSession implements Session {
    private static final Logger log = LoggerFactory.getLogger(ReconnectingSession.class);

    private final ShipClient client;
    private final Credentials credentials;
    private final ReconnectPolicy policy;
    private final Families families;
    private final Lifecycle lifecycle;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<SessionEvent.Disconnected> ended = new CompletableFuture<>();
    private final LinkedBlockingQueue<Drop> drops = new LinkedBlockingQueue<>();
    private final ChatRelay chat = new ChatRelay();
    private volatile Link current;
    private volatile boolean closing;
    private Thread supervisor;
    /** Attempts in a row since the last session that stayed up long enough; supervisor (or first login) only. */
    private int failures;

    /** One connection: the session, the gate its events pass, and when it reached the lobby. */
    private record Link(RealSession session, Gate gate, long upSince) {}

    /** A connection's end, as its reader reported it. */
    private record Drop(Gate gate, ShipException cause) {}

    private ReconnectingSession(ShipClient client, Credentials credentials, Families families) {
        this.client = client;
        this.credentials = credentials;
        this.families = families;
        this.lifecycle = new Lifecycle(client.lifecycleListeners());
        this.policy = client.reconnect().orElseThrow();
        listeners.addAll(client.listeners());
    }

    /** Logs in (retrying if the policy says so) and starts the supervisor. */
    public static Session open(ShipClient client, Credentials credentials, Families families) throws ShipException {
        ReconnectingSession session = new ReconnectingSession(client, credentials, families);
        session.firstLogin();
        session.supervisor = Thread.ofVirtual().name("shipctl-" + session.current.session().characterName() + "-reconnect")
                .unstarted(session::supervise);
        session.supervisor.start();
        return session;
    }

    private void firstLogin() throws ShipException {
        for (int attempt = 1; ; attempt++) {
            try {
                current = login(false);
                chat.resume(current.session()::chat);
                return;
            } catch (ShipException e) {
                if (endsTrying(e) || !policy.retryFirstLogin() || gaveUp(attempt)) throw e;
                Duration delay = policy.delay(++failures);
                reconnecting(attempt + 1, delay, e);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private Link login(boolean hold) throws ShipException {
        Gate gate = new Gate(hold, this::emit, (g, cause) -> drops.add(new Drop(g, cause)));
        // the ticket serves the first login only: later ones take the whole chain (it checks the login server too)
        ShipClient by = current == null ? client : client.newBuilder().resume(null).fastPathOnly(false).build(); // both: first login only
        RealSession session = RealSession.open(by, credentials, List.of(gate), families);
        return new Link(session, gate, System.nanoTime());
    }

    /** Tells the session's listeners, then the client's lifecycle listeners, that attempt {@code attempt} follows. */
    private void reconnecting(int attempt, Duration delay, ShipException cause) {
        Instant now = Instant.now();
        emit(new SessionEvent.Reconnecting(now, attempt, delay, cause));
        lifecycle.emit(new LifecycleEvent.Reconnecting(now, attempt, delay, cause));
    }

    /** A refused login, or a ship or block the server does not list: trying again would not help. */
    private static boolean endsTrying(ShipException e) {
        return e instanceof ShipException.LoginRefused || e instanceof ShipException.NoSuchChoice;
    }

    private boolean gaveUp(int attempt) {
        return policy.maxAttempts().isPresent() && attempt >= policy.maxAttempts().getAsInt();
    }

    // ---- supervisor ---------------------------------------------------------------------------------------

    private void supervise() {
        try {
            while (true) {
                Drop drop = drops.take();
                Link link = current;
                if (drop.gate() != link.gate()) continue;
                retire(link);
                if (closing) return;
                ShipException cause = drop.cause();
                if (cause instanceof ShipException.ConnectionLost lost && link.session().flavour().replacedByAnotherLogin(lost.getMessage())) {
                    ShipException takenOver = new ShipException.TakenOver(lost.stage().orElse(Stage.LOBBY), lost.serverText().orElse(null));
                    end(takenOver, takenOver.getMessage());
                    return;
                }
                if (System.nanoTime() - link.upSince() >= policy.resetAfter().toNanos()) failures = 0;
                if (!reconnect(cause, link.session().lobby().number())) return;
            }
        } catch (InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            log.warn("the reconnect thread failed", e);
            end(new ShipException.ProtocolViolation(Stage.LOBBY, "the reconnect thread failed: " + e, e), "the reconnect thread failed: " + e);
        }
    }

    /** Closes a dropped connection, joining its threads; the line it never took goes back to the front. */
    private void retire(Link link) {
        chat.hold();
        link.session().close();
        chat.reclaim();
    }

    /**
     * Logs in again until it works, the server refuses, the policy gives up or the session is closed.
     *
     * @return whether a new connection is in the lobby
     */
    private boolean reconnect(ShipException cause, int lobby) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Duration delay = policy.delay(++failures);
            log.debug("reconnecting (attempt {}) in {}: {}", attempt, delay, cause.getMessage());
            reconnecting(attempt, delay, cause);
            Thread.sleep(delay);
            if (closing) return false;
            Link link;
            try {
                link = login(true);
            } catch (ShipException e) {
                if (closing) return false;
                if (endsTrying(e)) {
                    end(e, e.getMessage());
                    return false;
                }
                if (gaveUp(attempt)) {
                    end(e, "gave up after " + attempt + (attempt == 1 ? " attempt: " : " attempts: ") + e.getMessage());
                    return false;
                }
                cause = e;
                continue;
            }
            current = link;
            if (closing) {
                link.session().close();
                return false;
            }
            resume(link, lobby, attempt);
            return true;
        }
    }

    /** Goes back to {@code lobby} if the login landed elsewhere, announces the reconnect, then lets events and chat flow. */
    private void resume(Link link, int lobby, int attempt) throws InterruptedException {
        RealSession session = link.session();
        if (session.lobby().number() != lobby) {
            try {
                session.changeLobby(lobby);
                link.gate().forgetLandingChat();
            } catch (ShipException.Unsupported e) {
                log.debug("staying in lobby {}: {}", session.lobby().number(), e.getMessage());
            } catch (ShipException | RuntimeException e) {
                log.info("could not go back to lobby {}; staying in lobby {}: {}", lobby, session.lobby().number(), e.getMessage());
            }
        }
        link.gate().release(() -> new SessionEvent.Reconnected(Instant.now(), attempt, session.lobby()));
        chat.resume(session::chat);
    }

    /** Ends the session for good: fails the held lines, then tells the listeners. */
    private void end(ShipException cause, String reason) {
        SessionEvent.Disconnected event = new SessionEvent.Disconnected(Instant.now(), reason, Optional.ofNullable(cause));
        if (!ended.complete(event)) return;
        chat.end(cause != null ? cause : new IllegalStateException("the session was closed before the line was sent"));
        emit(event);
    }

    private void emit(SessionEvent event) {
        for (SessionListener l : listeners) {
            try {
                if (RealSession.wants(l, event)) l.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("a session listener threw; ignored", e);
            }
        }
    }

    // ---- Session ------------------------------------------------------------------------------------------

    private RealSession session() {
        return current.session();
    }

    /** The connection, if it is up; otherwise why not. */
    private RealSession live() throws ShipException {
        RealSession s = session();
        if (s.isOpen() && !ended.isDone()) return s;
        throw new ShipException.ConnectionLost(Stage.LOBBY, ended.isDone() ? "the session has ended" : "the connection is down; logging in again");
    }

    @Override
    public CompletableFuture<Void> chat(String line) {
        ChatSender.check(flavour(), guildCard(), line);
        return chat.add(line);
    }

    @Override
    public void mail(int toGuildCard, String text) throws ShipException {
        live().mail(toGuildCard, text);
    }

    @Override
    public void send(Packet packet) throws ShipException {
        live().send(packet);
    }

    @Override
    public Lobby changeLobby(int number) throws ShipException, InterruptedException {
        return live().changeLobby(number);
    }

    @Override
    public ServerFlavour flavour() {
        return session().flavour();
    }

    @Override
    public int guildCard() {
        return session().guildCard();
    }

    @Override
    public String characterName() {
        return session().characterName();
    }

    @Override
    public Optional<MenuItem> ship() {
        return session().ship();
    }

    @Override
    public Optional<MenuItem> block() {
        return session().block();
    }

    @Override
    public List<MenuItem> ships() {
        return session().ships();
    }

    @Override
    public List<MenuItem> blocks() {
        return session().blocks();
    }

    /** The lobby of the latest connection; while logging in again, as it was when the connection dropped. */
    @Override
    public Lobby lobby() {
        return session().lobby();
    }

    @Override
    public List<StageTiming> timings() {
        return session().timings();
    }

    @Override
    public LoginPath loginPath() {
        return session().loginPath();
    }

    @Override
    public Optional<ResumeTicket> resumeTicket() {
        return session().resumeTicket();
    }

    @Override
    public EventStream events() {
        return EventStream.subscribe(listeners::add, listeners::remove);
    }

    @Override
    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    @Override
    public boolean isOpen() {
        return !ended.isDone() && session().isOpen();
    }

    @Override
    public Optional<SessionEvent.Disconnected> awaitDisconnect(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(ended.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closing = true;
        Thread s = supervisor;
        if (s != null && s != Thread.currentThread()) {
            s.interrupt();
            try {
                if (!s.join(client.timeout().plusSeconds(2))) log.warn("the reconnect thread did not stop");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        current.session().close();
        end(null, "closed");
    }
}
