package dev.shipctl.internal;

import dev.shipctl.Credentials;
import dev.shipctl.Depth;
import dev.shipctl.Durations;
import dev.shipctl.EventStream;
import dev.shipctl.LifecycleEvent;
import dev.shipctl.Lobby;
import dev.shipctl.LoginPath;
import dev.shipctl.MenuItem;
import dev.shipctl.ResumeTicket;
import dev.shipctl.ServerFlavour;
import dev.shipctl.Session;
import dev.shipctl.ShallowLogin;
import dev.shipctl.SessionEvent;
import dev.shipctl.SessionListener;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.Texts;
import dev.shipctl.protocol.packet.chat.ClientSimpleMail;
import dev.shipctl.protocol.packet.chat.ServerBroadcast;
import dev.shipctl.protocol.packet.chat.ServerChat;
import dev.shipctl.protocol.packet.chat.ServerLobbyMessage;
import dev.shipctl.protocol.packet.chat.ServerShipInfo;
import dev.shipctl.protocol.packet.chat.ServerSimpleMail;
import dev.shipctl.protocol.packet.chat.ServerTextMessage;
import dev.shipctl.protocol.packet.chat.SimpleMail;
import dev.shipctl.protocol.packet.lobby.ClientChangeLobby;
import dev.shipctl.protocol.packet.lobby.ClientPlayerData;
import dev.shipctl.protocol.packet.lobby.LobbyPlayer;
import dev.shipctl.protocol.packet.lobby.ServerLobbyAddPlayer;
import dev.shipctl.protocol.packet.lobby.ServerLobbyEvent;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import dev.shipctl.protocol.packet.lobby.ServerLobbyRemovePlayer;
import dev.shipctl.protocol.packet.lobby.ServerPlayerDataRequest;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session in a lobby. One thread for good, {@code shipctl-<character>-reader}: it reads, answers pings and the
 * server's player-data requests, keeps the lobby up to date and hands events over (it never runs listener code);
 * a platform thread, or a virtual one when the client is in {@link ShipClient.Builder#manySessions} mode. Threads
 * only while there is work: the event delivery (listeners, in order, {@code -events}) and the chat writer (lines
 * spaced by the family's cooldown, {@code -chat}). The keepalive (a 0x1D every interval) is a task on one timer
 * shared by every session.
 */
public final class RealSession implements Session {
    private static final Logger log = LoggerFactory.getLogger(RealSession.class);

    /** The lobbies of a block. */
    static final int LOBBIES = 15;

    private final ShipClient client;
    private final Family family;
    private final ServerFlavour flavour;
    private final Lifecycle lifecycle;
    private final Connection connection;
    private final ClientPlayerData playerData; // what a later 0x95 is answered with
    private final String characterName;
    private final int guildCard;
    private final List<StageTiming> timings;
    private final List<MenuItem> ships;
    private final List<MenuItem> blocks;
    private final Optional<MenuItem> ship;
    private final Optional<MenuItem> block;
    private final LoginPath path;
    private final Optional<ResumeTicket> ticket;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<SessionEvent.Disconnected> ended = new CompletableFuture<>();
    private final LobbyState lobby;
    private volatile boolean closing;
    private volatile boolean closedByUser;
    private final Thread reader;
    private final Keepalive keepalive;
    private final EventDelivery events;
    private final ChatSender chat;

    private RealSession(ShipClient client, Family family, Lifecycle lifecycle, ChainState chain, List<StageTiming> timings,
                        LobbyConnection joined, List<SessionListener> listeners, LoginPath path, Optional<ResumeTicket> ticket) {
        this.path = path;
        this.ticket = ticket;
        this.client = client;
        this.family = family;
        this.flavour = family.flavour();
        this.lifecycle = lifecycle;
        this.connection = joined.connection();
        this.playerData = joined.playerData();
        this.characterName = joined.characterName();
        this.guildCard = chain.guildCard();
        this.timings = List.copyOf(timings);
        this.ships = chain.ships();
        this.blocks = chain.blocks();
        this.ship = chain.ship();
        this.block = chain.block();
        this.listeners.addAll(listeners);
        this.lobby = new LobbyState(flavour);
        lobby.joined(joined.joined().lobby());
        connection.deadline(() -> Deadline.NONE);
        String name = "shipctl-" + characterName;
        // by default a platform reader, not a virtual one: a virtual thread blocked on a socket starts the JDK's I/O
        // poller, a thread that stays in native code for good, and the JVM's exit then waits ~300 ms for it (every
        // one-shot verb paid that after its result); this reader ends when the session closes, before the process
        // exits. With many sessions a virtual reader is the
        // cheap one: parked on its socket it holds no carrier, and the poller is started once for all of them
        reader = (client.manySessions() ? Thread.ofVirtual() : Thread.ofPlatform().daemon())
                .name(name + "-reader").unstarted(this::readLoop);
        keepalive = new Keepalive(connection, client.keepaliveInterval(), client.manySessions(), name + "-keepalive");
        events = new EventDelivery(name + "-events");
        chat = new ChatSender(connection, flavour.chatCooldown(), name + "-chat", this::whyEnded);
    }

    /** Logs in through the family's chain (forced, or detected from the 0x03) and starts the session's threads. */
    public static Session open(ShipClient client, Credentials credentials, Families families) throws ShipException {
        return open(client, credentials, client.listeners(), families);
    }

    /** A login as far as {@code depth} (above the lobby) and out again: {@link ShipClient#probe}. */
    public static ShallowLogin probe(ShipClient client, Credentials credentials, Depth depth, Families families)
            throws ShipException {
        return SessionLogin.probe(client, credentials, depth, families, new Lifecycle(client.lifecycleListeners()));
    }

    /** As {@link #open(ShipClient, Credentials, Families)}, with these listeners instead of the client's, from the first event. */
    static RealSession open(ShipClient client, Credentials credentials, List<SessionListener> listeners, Families families)
            throws ShipException {
        Lifecycle lifecycle = new Lifecycle(client.lifecycleListeners());
        return start(client, lifecycle, SessionLogin.arrive(client, credentials, families, lifecycle), listeners);
    }

    /** Makes the session of a login that reached its lobby and starts its threads. */
    private static RealSession start(ShipClient client, Lifecycle lifecycle, SessionLogin.Arrival arrival,
                                     List<SessionListener> listeners) {
        StageClock clock = arrival.clock();
        Optional<ResumeTicket> ticket = arrival.family().loginChain().resumes()
                ? arrival.state().ticket(arrival.family().flavour().name(), client.host(), client.port(), client.slot())
                : Optional.empty();
        RealSession session;
        try {
            session = new RealSession(client, arrival.family(), lifecycle, arrival.state(), clock.timings(), arrival.joined(),
                    listeners, arrival.path(), ticket);
        } catch (RuntimeException e) {
            arrival.joined().connection().close();
            throw e;
        }
        lifecycle.emit(new LifecycleEvent.Connected(Instant.now(), session.flavour, session.characterName(),
                session.lobby(), clock.sinceLoginStarted()));
        session.start();
        return session;
    }

    private void start() {
        reader.start();
        keepalive.start();
    }

    // ---- reader -------------------------------------------------------------------------------------------

    private void readLoop() {
        ShipException failure = null;
        try {
            while (!closing) {
                Packet packet = connection.receive("the next packet", true);
                handle(packet);
            }
        } catch (ShipException e) {
            failure = e;
        } catch (RuntimeException e) {
            log.warn("session reader failed", e);
            failure = new ShipException.ProtocolViolation(Stage.LOBBY, e.toString(), e);
        }
        finish(failure);
    }

    private void handle(Packet packet) throws ShipException {
        Instant now = Instant.now();
        switch (packet) {
            case ServerChat chat -> emit(new SessionEvent.Chat(now, chat.guildCard(), Texts.display(chat.senderName()),
                    Texts.display(chat.message())));
            case ServerTextMessage m -> emit(new SessionEvent.TextMessage(now, Texts.display(m.text())));
            case ServerShipInfo m -> emit(new SessionEvent.TextMessage(now, Texts.display(m.text())));
            case ServerLobbyMessage m -> {
                emit(new SessionEvent.LobbyMessage(now, Texts.display(m.text())));
                lobby.settleChange(new ShipException.NoReply("lobby change refused: " + Texts.display(m.text()).replace('\n', ' ').strip()));
            }
            case ServerMessageBox m -> emit(new SessionEvent.MessageBox(now, Texts.display(m.text())));
            case ServerBroadcast m -> emit(new SessionEvent.Announcement(now, Texts.display(m.text())));
            case ServerSimpleMail m -> emit(new SessionEvent.Mail(now, m.mail().fromGuildCard(),
                    Texts.display(m.mail().fromName()), Texts.display(m.mail().text())));
            case ServerLobbyEvent e -> emit(new SessionEvent.LobbyEventChanged(now, e.event()));
            case ServerLobbyJoin j -> {
                lobby.joined(j.lobby());
                lobby.settleChange(null);
            }
            case ServerLobbyAddPlayer add -> {
                for (LobbyPlayer p : add.lobby().players()) emit(new SessionEvent.PlayerJoined(now, lobby.added(p)));
            }
            case ServerLobbyRemovePlayer remove -> lobby.removed(remove.clientId())
                    .ifPresent(gone -> emit(new SessionEvent.PlayerLeft(now, gone)));
            case ServerPlayerDataRequest ignored -> connection.send(playerData);
            default -> log.trace("ignored {}", packet);
        }
    }

    /** Hands an event to the event thread, for the listeners registered now. */
    private void emit(SessionEvent event) {
        List<SessionListener> targets = new ArrayList<>(2);
        for (SessionListener l : listeners) {
            if (wants(l, event)) targets.add(l);
        }
        if (targets.isEmpty()) return; // nobody to tell: no delivery, no thread
        events.post(() -> {
            for (SessionListener l : targets) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    log.warn("a session listener threw; ignored", e);
                }
            }
        });
    }

    /** Whether {@code l} wants {@code event}; the reader survives a listener whose answer throws (it gets the event). */
    static boolean wants(SessionListener l, SessionEvent event) {
        try {
            return l.wants(event);
        } catch (RuntimeException e) {
            log.warn("a session listener's wants() threw; it gets the event", e);
            return true;
        }
    }

    private void finish(ShipException failure) {
        closing = true;
        connection.close();
        Optional<ShipException> cause = failure == null || closedByUser ? Optional.empty() : Optional.of(failure);
        String reason = cause.map(Throwable::getMessage).orElse("closed");
        SessionEvent.Disconnected event = new SessionEvent.Disconnected(Instant.now(), reason, cause);
        if (ended.complete(event)) {
            Throwable why = failure != null ? failure : new IllegalStateException("session closed");
            lobby.settleChange(why);
            emit(event);
            events.post(() -> lifecycle.emit(new LifecycleEvent.Disconnected(event.at(), cause)));
            events.finish();
            chat.stop(why);
        }
        keepalive.stop();
    }

    /** What a chat line that was never written fails with: the session's error, or that it was closed. */
    private Throwable whyEnded() {
        return ended.getNow(null) instanceof SessionEvent.Disconnected d && d.cause().isPresent()
                ? d.cause().get() : new IllegalStateException("session closed");
    }

    // ---- chat ---------------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> chat(String line) {
        ChatSender.check(flavour, guildCard, line);
        if (!isOpen()) return CompletableFuture.failedFuture(new IllegalStateException("the session is closed"));
        return chat.add(line);
    }

    // ---- the rest of the API ------------------------------------------------------------------------------

    @Override
    public void mail(int toGuildCard, String text) throws ShipException {
        if (text.length() > SimpleMail.MAX_TEXT) {
            throw new IllegalArgumentException("mail text is %d characters; at most %d fit".formatted(text.length(), SimpleMail.MAX_TEXT));
        }
        String date = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm"));
        connection.send(new ClientSimpleMail(new SimpleMail(guildCard, characterName, toGuildCard, date, text)));
    }

    @Override
    public void send(Packet packet) throws ShipException {
        connection.send(packet);
    }

    @Override
    public Lobby changeLobby(int number) throws ShipException, InterruptedException {
        if (number < 1 || number > LOBBIES) throw new IllegalArgumentException("lobbies are numbered 1 to " + LOBBIES);
        ClientChangeLobby request = family.lobbyChange(number).orElseThrow(() -> new ShipException.Unsupported(
                "changing lobbies is not implemented for " + flavour.name() + " servers"));
        Optional<CompletableFuture<Lobby>> pending = lobby.beginChange(number);
        if (pending.isEmpty()) return lobby();
        CompletableFuture<Lobby> answer = pending.get();
        try {
            connection.send(request);
            return answer.get(client.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ShipException.NoReply("no answer to the change to lobby " + number + " within " + Durations.format(client.timeout()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ShipException se) throw se;
            throw (RuntimeException) e.getCause(); // closed meanwhile: IllegalStateException
        } finally {
            lobby.endChange(answer);
        }
    }

    @Override
    public ServerFlavour flavour() {
        return flavour;
    }

    @Override
    public int guildCard() {
        return guildCard;
    }

    @Override
    public String characterName() {
        return characterName;
    }

    @Override
    public Optional<MenuItem> ship() {
        return ship;
    }

    @Override
    public Optional<MenuItem> block() {
        return block;
    }

    @Override
    public List<MenuItem> ships() {
        return ships;
    }

    @Override
    public List<MenuItem> blocks() {
        return blocks;
    }

    @Override
    public Lobby lobby() {
        return lobby.snapshot();
    }

    @Override
    public List<StageTiming> timings() {
        return timings;
    }

    @Override
    public LoginPath loginPath() {
        return path;
    }

    @Override
    public Optional<ResumeTicket> resumeTicket() {
        return ticket;
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
        return !ended.isDone() && connection.isOpen();
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

    /** Ends the session and waits (up to 2 s each) for its threads, the event thread after it delivered the end. */
    @Override
    public void close() {
        if (!ended.isDone()) {
            closedByUser = true;
            closing = true;
            connection.close();
            join(reader);
            finish(null);
        }
        join(reader);
        try {
            chat.join(JOIN);
            events.awaitFinished(JOIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final Duration JOIN = Duration.ofSeconds(2);

    private static void join(Thread thread) {
        if (thread == Thread.currentThread()) return; // closed by a listener or the chat thread's caller
        try {
            thread.join(JOIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
