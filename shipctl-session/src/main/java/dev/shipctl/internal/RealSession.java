package dev.shipctl.internal;

import dev.shipctl.Credentials;
import dev.shipctl.EventStream;
import dev.shipctl.Lobby;
import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.ServerFlavour;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.SessionListener;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.packet.Texts;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.chat.ClientSimpleMail;
import dev.shipctl.protocol.packet.chat.ServerBroadcast;
import dev.shipctl.protocol.packet.chat.ServerChat;
import dev.shipctl.protocol.packet.chat.ServerLobbyMessage;
import dev.shipctl.protocol.packet.chat.ServerShipInfo;
import dev.shipctl.protocol.packet.chat.ServerSimpleMail;
import dev.shipctl.protocol.packet.chat.ServerTextMessage;
import dev.shipctl.protocol.packet.chat.SimpleMail;
import dev.shipctl.protocol.packet.keepalive.ClientPing;
import dev.shipctl.protocol.packet.lobby.ClientChangeLobby;
import dev.shipctl.protocol.packet.lobby.ClientPlayerData;
import dev.shipctl.protocol.packet.lobby.LobbyJoin;
import dev.shipctl.protocol.packet.lobby.LobbyPlayer;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The session in a lobby. Three virtual threads: the reader (reads, answers pings, updates the lobby, dispatches
 * events; never runs blocking user code other than listeners), the chat sender (spaces chat lines by the flavour's
 * cooldown) and the keepalive (a 0x1D every interval).
 */
public final class RealSession implements Session {
    private static final Logger log = LoggerFactory.getLogger(RealSession.class);

    /** The lobbies of a block. */
    static final int LOBBIES = 15;

    private final ShipClient client;
    private final Family family;
    private final ServerFlavour flavour;
    private final Connection connection;
    private final ServerFullCharacter character;
    private final int guildCard;
    private final List<StageTiming> timings;
    private final List<MenuItem> ships;
    private final List<MenuItem> blocks;
    private final Optional<MenuItem> ship;
    private final Optional<MenuItem> block;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<SessionEvent.Disconnected> ended = new CompletableFuture<>();
    private final LinkedBlockingQueue<PendingChat> chatQueue = new LinkedBlockingQueue<>();
    private final Object lobbyLock = new Object();
    private volatile boolean closing;
    private volatile boolean closedByUser;
    private int lobbyNumber;
    private int blockNumber;
    private int yourClientId;
    private final Map<Integer, Player> players = new LinkedHashMap<>();
    private CompletableFuture<Lobby> lobbyChange; // under lobbyLock
    private final Thread reader;
    private final Thread chatSender;
    private final Thread keepalive;

    private record PendingChat(String line, CompletableFuture<Void> done) {}

    private RealSession(ShipClient client, Family family, ChainState chain, List<StageTiming> timings,
                        LobbyConnection lobby, List<SessionListener> listeners) {
        this.client = client;
        this.family = family;
        this.flavour = family.flavour();
        this.connection = lobby.connection();
        this.character = lobby.character();
        this.guildCard = chain.guildCard();
        this.timings = List.copyOf(timings);
        this.ships = chain.ships();
        this.blocks = chain.blocks();
        this.ship = chain.ship();
        this.block = chain.block();
        this.listeners.addAll(listeners);
        applyJoin(lobby.joined().lobby());
        connection.deadline(() -> Deadline.NONE);
        String name = "shipctl-" + character.name();
        reader = Thread.ofVirtual().name(name + "-reader").unstarted(this::readLoop);
        chatSender = Thread.ofVirtual().name(name + "-chat").unstarted(this::chatLoop);
        keepalive = Thread.ofVirtual().name(name + "-keepalive").unstarted(this::keepaliveLoop);
    }

    /** Logs in through the family's chain (forced, or detected from the 0x03) and starts the session's threads. */
    public static Session open(ShipClient client, Credentials credentials, Families families) throws ShipException {
        return open(client, credentials, client.listeners(), families);
    }

    /** As {@link #open(ShipClient, Credentials, Families)}, with these listeners instead of the client's, from the first event. */
    static RealSession open(ShipClient client, Credentials credentials, List<SessionListener> listeners, Families families)
            throws ShipException {
        Family forced = client.flavour().map(families::of).orElse(null);
        StageClock clock = new StageClock(client.timeout(), client.deadline());
        ChainState state = new ChainState(credentials);
        Wire wire = new Wire(client, clock);
        try {
            clock.begin(Stage.CONNECT);
            Family family;
            LobbyConnection lobby;
            try (Connection login = wire.open("login", client.host(), client.port())) {
                family = forced != null ? forced : families.detect(login.init(), login.initSize());
                String banner = login.init().banner();
                clock.complete(family.flavour().name() + (banner.isEmpty() ? "" : " (" + banner + ")"));
                lobby = family.loginChain().walk(new ChainRun(client, state, clock, wire), login);
            }
            RealSession session;
            try {
                session = new RealSession(client, family, state, clock.timings(), lobby, listeners);
            } catch (RuntimeException e) {
                lobby.connection().close();
                throw e;
            }
            session.start();
            return session;
        } catch (ShipException e) {
            throw e.withTimings(clock.timings());
        }
    }

    private void start() {
        reader.start();
        chatSender.start();
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
                answerLobbyChange(null, new ShipException.NoReply("lobby change refused: " + Texts.display(m.text()).replace('\n', ' ').strip()));
            }
            case ServerMessageBox m -> emit(new SessionEvent.MessageBox(now, Texts.display(m.text())));
            case ServerBroadcast m -> emit(new SessionEvent.Announcement(now, Texts.display(m.text())));
            case ServerSimpleMail m -> emit(new SessionEvent.Mail(now, m.mail().fromGuildCard(),
                    Texts.display(m.mail().fromName()), Texts.display(m.mail().text())));
            case ServerLobbyEvent e -> emit(new SessionEvent.LobbyEventChanged(now, e.event()));
            case ServerLobbyJoin j -> {
                applyJoin(j.lobby());
                answerLobbyChange(lobby(), null);
            }
            case ServerLobbyAddPlayer add -> {
                for (LobbyPlayer p : add.lobby().players()) {
                    Player player = toPlayer(p);
                    synchronized (lobbyLock) {
                        players.put(player.clientId(), player);
                    }
                    emit(new SessionEvent.PlayerJoined(now, player));
                }
            }
            case ServerLobbyRemovePlayer remove -> {
                Player gone;
                synchronized (lobbyLock) {
                    gone = players.remove(remove.clientId());
                }
                if (gone != null) emit(new SessionEvent.PlayerLeft(now, gone));
            }
            case ServerPlayerDataRequest ignored -> connection.send(ClientPlayerData.from(character));
            default -> log.trace("ignored {}", packet);
        }
    }

    private void applyJoin(LobbyJoin join) {
        synchronized (lobbyLock) {
            lobbyNumber = join.lobbyNumber() + 1;
            blockNumber = join.blockNumber();
            yourClientId = join.clientId();
            players.clear();
            for (LobbyPlayer p : join.players()) players.put(p.clientId(), toPlayer(p));
        }
    }

    private static Player toPlayer(LobbyPlayer p) {
        return new Player(p.guildCard(), p.clientId(), Texts.display(p.name()), p.nameColor());
    }

    private void emit(SessionEvent event) {
        for (SessionListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("a session listener threw; ignored", e);
            }
        }
    }

    private void finish(ShipException failure) {
        closing = true;
        connection.close();
        String reason;
        Optional<ShipException> cause;
        if (failure == null || closedByUser) {
            reason = "closed";
            cause = Optional.empty();
        } else {
            reason = failure.getMessage();
            cause = Optional.of(failure);
        }
        SessionEvent.Disconnected event = new SessionEvent.Disconnected(Instant.now(), reason, cause);
        if (ended.complete(event)) {
            answerLobbyChange(null, failure != null ? failure : new IllegalStateException("session closed"));
            emit(event);
            PendingChat pending;
            while ((pending = chatQueue.poll()) != null) {
                pending.done().completeExceptionally(failure != null ? failure : new IllegalStateException("session closed"));
            }
        }
        chatSender.interrupt();
        keepalive.interrupt();
    }

    // ---- chat ---------------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Void> chat(String line) {
        checkChat(flavour, guildCard, line);
        if (!isOpen()) return CompletableFuture.failedFuture(new IllegalStateException("the session is closed"));
        CompletableFuture<Void> done = new CompletableFuture<>();
        chatQueue.add(new PendingChat(line, done));
        return done;
    }

    static void checkChat(ServerFlavour flavour, int guildCard, String line) {
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

    private void chatLoop() {
        long lastSent = 0;
        long cooldown = flavour.chatCooldown().toNanos();
        PendingChat next = null;
        try {
            while (!closing) {
                next = chatQueue.take();
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
            // closing; a line waiting out the cooldown was not sent
            if (next != null) next.done().completeExceptionally(ended.getNow(null) instanceof SessionEvent.Disconnected d
                    && d.cause().isPresent() ? d.cause().get() : new IllegalStateException("session closed"));
        }
    }

    // ---- keepalive ----------------------------------------------------------------------------------------

    private void keepaliveLoop() {
        long interval = client.keepaliveInterval().toNanos();
        try {
            while (!closing) {
                TimeUnit.NANOSECONDS.sleep(interval);
                if (closing) break;
                connection.send(new ClientPing());
            }
        } catch (InterruptedException | ShipException e) {
            // closing, or the reader reports the lost connection
        }
    }

    // ---- the rest of the API ------------------------------------------------------------------------------

    @Override
    public void mail(int toGuildCard, String text) throws ShipException {
        if (text.length() > SimpleMail.MAX_TEXT) {
            throw new IllegalArgumentException("mail text is %d characters; at most %d fit".formatted(text.length(), SimpleMail.MAX_TEXT));
        }
        String date = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm"));
        connection.send(new ClientSimpleMail(new SimpleMail(guildCard, character.name(), toGuildCard, date, text)));
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
        CompletableFuture<Lobby> answer = new CompletableFuture<>();
        synchronized (lobbyLock) {
            if (lobbyNumber == number) return lobby();
            if (lobbyChange != null) throw new IllegalStateException("another lobby change is under way");
            lobbyChange = answer;
        }
        try {
            connection.send(request);
            return answer.get(client.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ShipException.NoReply("no answer to the change to lobby " + number + " within " + dev.shipctl.Durations.format(client.timeout()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ShipException se) throw se;
            throw (RuntimeException) e.getCause(); // closed meanwhile: IllegalStateException
        } finally {
            synchronized (lobbyLock) {
                if (lobbyChange == answer) lobbyChange = null;
            }
        }
    }

    /** Settles a lobby change under way, if any: the lobby joined, or why not. */
    private void answerLobbyChange(Lobby joined, Throwable failure) {
        CompletableFuture<Lobby> answer;
        synchronized (lobbyLock) {
            answer = lobbyChange;
            lobbyChange = null;
        }
        if (answer == null) return;
        if (failure == null) {
            answer.complete(joined);
        } else {
            answer.completeExceptionally(failure);
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
        return character.name();
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
        synchronized (lobbyLock) {
            return new Lobby(lobbyNumber, blockNumber, yourClientId, List.copyOf(players.values()));
        }
    }

    @Override
    public List<StageTiming> timings() {
        return timings;
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
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (!ended.isDone()) {
            closedByUser = true;
            closing = true;
            connection.close();
            join(reader);
            finish(null);
        }
        for (Thread t : List.of(reader, chatSender, keepalive)) join(t);
    }

    private static void join(Thread thread) {
        if (thread == Thread.currentThread()) return; // closed by a listener or the chat thread's caller
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
