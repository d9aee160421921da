package dev.shipctl.swarm;

import java.util.Locale;

/** Why the server ended a session the swarm held (the swarm's own logouts are not disconnects). */
public enum DisconnectKind {
    /**
     * The server closed the connection, without a word, while another login from the same source address was
     * under way: what Tethealla does past its connections-per-IP limit (6), closing that address's oldest.
     */
    PER_IP_LIMIT,
    /** Another login of the same account took the session over. */
    TAKEN_OVER,
    /** The server closed the connection otherwise (kick, idle timeout, shutdown, a message box). */
    SERVER_CLOSED,
    /** The connection failed some other way (protocol error, reset). */
    OTHER;

    /** Lower case for JSON and the report ("per_ip_limit"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
