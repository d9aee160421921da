package dev.shipctl.sandbox;

import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.packet.keepalive.ServerPing;
import java.time.Duration;
import java.time.Instant;

/**
 * Tethealla's clocks on a connection, checked at every tick: a first 0x93 within the login timeout; on the ship
 * side, a 0x1D ping after the ping interval without one from the client, and a drop after the idle timeout.
 */
final class Timeouts {
    private final Duration loginTimeout;
    private final Duration pingInterval;
    private final Duration idleTimeout;

    Timeouts(Settings settings) {
        this.loginTimeout = settings.loginTimeout();
        this.pingInterval = settings.pingInterval();
        this.idleTimeout = settings.idleTimeout();
    }

    /** Under the server lock. */
    void check(Connection c, Instant now) {
        if (c.closing()) return;
        if (!c.sentLogin && !Duration.between(c.connectedAt, now).minus(loginTimeout).isNegative()) {
            Server.LOG.info("{} dropped: no login within {}", c, loginTimeout);
            c.drop("no login within " + loginTimeout);
            return;
        }
        if (!c.role.shipSide()) return;
        Duration idle = Duration.between(c.lastClientPing, now);
        if (idle.compareTo(idleTimeout) >= 0) {
            Server.LOG.info("{} dropped: no 0x1D for {}", c, idle);
            c.drop("idle: no 0x1D for " + idle);
        } else if (idle.compareTo(pingInterval) >= 0) {
            c.send(Packets.encode(new ServerPing()));
        }
    }
}
