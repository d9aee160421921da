package dev.shipctl;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The life of a client's connections, for metrics, traces and progress displays: paired events, delivered to the
 * {@link LifecycleListener}s of {@link ShipClient.Builder#lifecycleListener}. For each login attempt:
 *
 * <pre>
 * StageStarted(CONNECT) StageEnded(CONNECT) StageStarted(LOGIN) … StageEnded(LOBBY) Connected … Disconnected
 *                                          StageStarted(SHIP)  StageFailed(SHIP)      (a failed attempt: no Connected)
 * </pre>
 *
 * Every {@link StageStarted} is followed by a {@link StageEnded} or a {@link StageFailed} of the same stage before
 * the next stage starts; every {@link Connected} (the session reached a lobby) by one {@link Disconnected} (that
 * connection ended). A reconnecting session ({@link ShipClient.Builder#reconnect}) sends {@link Reconnecting}
 * before each attempt, after the {@link Disconnected} of the connection it lost; the new connection's
 * {@link Connected} comes before the session's {@link SessionEvent.Reconnected}, which it sends once back in its
 * lobby.
 */
public sealed interface LifecycleEvent {
    Instant at();

    /** A stage of the login began. */
    record StageStarted(Instant at, Stage stage) implements LifecycleEvent {}

    /** A stage of the login ended; {@code detail} is what it found, as {@link StageTiming#detail()}. */
    record StageEnded(Instant at, Stage stage, Duration elapsed, String detail) implements LifecycleEvent {}

    /** A stage of the login failed: the login attempt ends with {@code cause}. */
    record StageFailed(Instant at, Stage stage, Duration elapsed, ShipException cause) implements LifecycleEvent {}

    /**
     * A connection reached a lobby: the session is usable.
     *
     * @param login how long the whole login took
     */
    record Connected(Instant at, ServerFlavour flavour, String character, Lobby lobby, Duration login) implements LifecycleEvent {}

    /** A connection that had reached a lobby ended; {@code cause} is empty when the caller closed the session. */
    record Disconnected(Instant at, Optional<ShipException> cause) implements LifecycleEvent {}

    /** A reconnecting session makes login attempt {@code attempt} after {@code delay}, as {@link SessionEvent.Reconnecting}. */
    record Reconnecting(Instant at, int attempt, Duration delay, ShipException cause) implements LifecycleEvent {}
}
