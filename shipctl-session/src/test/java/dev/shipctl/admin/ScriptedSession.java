package dev.shipctl.admin;

import dev.shipctl.EventStream;
import dev.shipctl.Lobby;
import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.ServerFlavour;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.SessionListener;
import dev.shipctl.StageTiming;
import dev.shipctl.protocol.Packet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A session of a given family with no server: every chat line and mail is recorded, and the server's answer to a
 * line is what {@code replies} says, delivered to the listeners before {@link #chat} returns.
 */
final class ScriptedSession implements Session {
    static final int GUILD_CARD = 42000001;
    static final String CHARACTER = "GMBot";

    private final ServerFlavour flavour;
    private final Function<String, List<SessionEvent>> replies;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    final List<String> sent = new CopyOnWriteArrayList<>();

    ScriptedSession(String flavour, Function<String, List<SessionEvent>> replies) {
        this.flavour = ServerFlavour.named(flavour).orElseThrow();
        this.replies = replies;
    }

    static SessionEvent text(String text) {
        return new SessionEvent.TextMessage(Instant.now(), text);
    }

    @Override
    public CompletableFuture<Void> chat(String line) {
        sent.add(line);
        replies.apply(line).forEach(e -> listeners.forEach(l -> l.onEvent(e)));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void mail(int toGuildCard, String text) {
        sent.add("mail " + text);
    }

    @Override
    public ServerFlavour flavour() {
        return flavour;
    }

    @Override
    public int guildCard() {
        return GUILD_CARD;
    }

    @Override
    public String characterName() {
        return CHARACTER;
    }

    @Override
    public Optional<MenuItem> ship() {
        return Optional.empty();
    }

    @Override
    public Optional<MenuItem> block() {
        return Optional.empty();
    }

    @Override
    public List<MenuItem> ships() {
        return List.of();
    }

    @Override
    public List<MenuItem> blocks() {
        return List.of();
    }

    @Override
    public Lobby lobby() {
        return new Lobby(1, 1, 0, List.of(new Player(GUILD_CARD, 0, CHARACTER, 0)));
    }

    @Override
    public List<StageTiming> timings() {
        return List.of();
    }

    @Override
    public void send(Packet packet) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Lobby changeLobby(int number) {
        throw new UnsupportedOperationException();
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
        return true;
    }

    @Override
    public Optional<SessionEvent.Disconnected> awaitDisconnect(Duration timeout) {
        return Optional.empty();
    }

    @Override
    public void close() {}
}
