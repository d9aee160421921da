package dev.shipctl;

import dev.shipctl.protocol.Packet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A client in a lobby, as {@link ShipClient#connect} leaves it. The session answers the server's pings and sends
 * its own keepalives until {@link #close()}d or disconnected.
 *
 * <p>Threading: every method may be called from any thread. Events are delivered in order on the session's reader
 * thread to {@link SessionListener}s, and are also queued for {@link #events()}.
 */
public interface Session extends AutoCloseable {
    /** The server family this session talks to. */
    ServerFlavor flavor();

    /** This account's guild card number. */
    int guildCard();

    /** The character's name as the server has it. */
    String characterName();

    /** The ship this session is on (Tethealla), if any. */
    Optional<MenuItem> ship();

    /** The block this session is on (Tethealla), if any. */
    Optional<MenuItem> block();

    /** The ships the server listed, with populations where shown. */
    List<MenuItem> ships();

    /** The blocks the ship listed. */
    List<MenuItem> blocks();

    /** The lobby and its members, kept up to date from 0x67/0x68/0x69. */
    Lobby lobby();

    /** The time each stage took on the way to the lobby. */
    List<StageTiming> timings();

    /**
     * Queues a chat line or chat command ({@code "/announce"}, {@code "$ann hi"}). Lines are sent in order, never
     * closer together than the flavour's cooldown, so the server drops none of them.
     *
     * @return completes when the line has been written to the server
     * @throws IllegalArgumentException if the line cannot be carried (too long for the server, control characters)
     */
    CompletableFuture<Void> chat(String line);

    /** Sends simple mail (0x81) to a guild card; on Tethealla in announce mode it becomes the announcement. */
    void mail(int toGuildCard, String text) throws ShipException;

    /** Sends any packet on the lobby connection. */
    void send(Packet packet) throws ShipException;

    /** A new subscription to this session's events from now on. */
    EventStream events();

    void addListener(SessionListener listener);

    void removeListener(SessionListener listener);

    /** Whether the connection is still up. */
    boolean isOpen();

    /**
     * Waits until the session ends (server disconnect or {@link #close()}) or the timeout passes.
     *
     * @return the end event, or empty on timeout
     */
    Optional<SessionEvent.Disconnected> awaitDisconnect(Duration timeout) throws InterruptedException;

    /** Leaves: closes the connection. Idempotent. */
    @Override
    void close();
}
