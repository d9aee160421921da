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
 * <p>A client built with {@link ShipClient.Builder#reconnect} returns a session that logs in again when its
 * connection drops: the same object, listeners and {@link #events()} streams carry on, and the getters describe
 * the latest connection. It reports each attempt as {@link SessionEvent.Reconnecting} and each success as
 * {@link SessionEvent.Reconnected}, and ends ({@link SessionEvent.Disconnected}) only when closed, when the server
 * refuses the login, when another login of the account takes the session over, or when the policy gives up.
 *
 * <p>Threading: every method may be called from any thread. Events are delivered in order to
 * {@link SessionListener}s on the session's event thread, never on the reader (a reconnecting session's own events
 * on its reconnect thread), and are also queued for {@link #events()}.
 */
public interface Session extends AutoCloseable {
    /** The server family this session talks to. */
    ServerFlavour flavour();

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

    /** Which way this session came to its lobby: the whole chain or the fast path ({@link ResumeTicket}). */
    default LoginPath loginPath() {
        return LoginPath.FULL;
    }

    /**
     * What lets the next login of this account go straight to this block ({@link ShipClient.Builder#resume}), or
     * empty when the server family has no such path (newserv checks the password on every connection). It is a
     * credential: keep it private.
     */
    default Optional<ResumeTicket> resumeTicket() {
        return Optional.empty();
    }

    /**
     * Queues a chat line or chat command ({@code "/announce"}, {@code "$ann hi"}). Lines are sent in order, never
     * closer together than the flavour's cooldown, so the server drops none of them.
     *
     * <p>A reconnecting session keeps lines queued while it is logging in again and sends each of them once, after
     * the reconnect. A line is never sent twice: one being written when the connection drops fails with
     * {@link ShipException.ConnectionLost} (it may or may not have reached the server), and lines still queued when
     * the session ends fail with why it ended ({@link IllegalStateException} when it was closed).
     *
     * @return completes when the line has been written to the server
     * @throws IllegalArgumentException if the line cannot be carried (too long for the server, control characters)
     */
    CompletableFuture<Void> chat(String line);

    /** Sends simple mail (0x81) to a guild card; on Tethealla in announce mode it becomes the announcement. */
    void mail(int toGuildCard, String text) throws ShipException;

    /** Sends any packet on the lobby connection. */
    void send(Packet packet) throws ShipException;

    /**
     * Moves to another lobby of the block and waits until the server has placed the session there.
     *
     * @param number the lobby, 1-based as players number them (1..15)
     * @return the lobby joined, with its members
     * @throws ShipException.Unsupported the library knows no lobby change for this server family (newserv, for now)
     * @throws ShipException.NoReply the server refused ("Lobby is full!", at most one change a second) or did not
     *     answer within the client's timeout
     * @throws ShipException.ConnectionLost the connection is down
     * @throws IllegalArgumentException the number is not 1..15
     * @throws IllegalStateException another lobby change is under way
     */
    Lobby changeLobby(int number) throws ShipException, InterruptedException;

    /** A new subscription to this session's events from now on. */
    EventStream events();

    void addListener(SessionListener listener);

    void removeListener(SessionListener listener);

    /** Whether the connection is up now (a reconnecting session is not open while it logs in again). */
    boolean isOpen();

    /**
     * Waits until the session ends (server disconnect or {@link #close()}; for a reconnecting session, only the end
     * that stops it trying) or the timeout passes.
     *
     * @return the end event, or empty on timeout
     */
    Optional<SessionEvent.Disconnected> awaitDisconnect(Duration timeout) throws InterruptedException;

    /**
     * Leaves: closes the connection and stops the session's threads (a reconnecting session also stops trying,
     * aborting a login under way). Returns when they have ended. Idempotent.
     */
    @Override
    void close();
}
