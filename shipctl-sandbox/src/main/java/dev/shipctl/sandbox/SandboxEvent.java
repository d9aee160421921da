package dev.shipctl.sandbox;

import java.net.InetSocketAddress;

/**
 * Something the sandbox did that a test may wait for ({@link SandboxEvents#await}). Every event names the
 * connection by a sandbox-wide id; guild cards are unsigned 32-bit values kept in an {@code int}.
 */
public sealed interface SandboxEvent {
    /** The connection the event is about. */
    long connection();

    /** A client connected to a port ({@code block} is 0 except on block ports). */
    record Connected(long connection, Role role, int block, InetSocketAddress remote) implements SandboxEvent {}

    /** A 0x93 was accepted at this step (an E6 went out). */
    record LoginAccepted(long connection, LoginStep step, String user, int guildCard) implements SandboxEvent {}

    /** A 0x93 was refused at this step; {@code reason} is the 0x1A text sent, or why the connection was dropped. */
    record LoginRejected(long connection, LoginStep step, String user, String reason) implements SandboxEvent {}

    /** A client entered a lobby (its 0x67 went out). Block and lobby numbers are 1-based as players say them. */
    record ReachedLobby(long connection, int guildCard, String character, int block, int lobby) implements SandboxEvent {}

    /** A client left its lobby (disconnect or lobby change). */
    record LeftLobby(long connection, int guildCard, int block, int lobby) implements SandboxEvent {}

    /** A chat line was relayed to the lobby. */
    record ChatRelayed(long connection, int guildCard, String text) implements SandboxEvent {}

    /** A chat line fell to the one-per-second cooldown and was dropped. */
    record ChatDropped(long connection, int guildCard, String text) implements SandboxEvent {}

    /**
     * A chat command was processed; {@code reply} is the B0 text sent, or empty when nothing was replied (unknown
     * command, missing right, or a command that never replies).
     */
    record CommandHandled(long connection, int guildCard, String command, String reply) implements SandboxEvent {}

    /** An 0xEE announcement went to every connection on the ship. */
    record Announced(long connection, int guildCard, String text) implements SandboxEvent {}

    /** A connection ended; {@code reason} says why (client closed, kicked, idle, hostile input…). */
    record Disconnected(long connection, Role role, int guildCard, String reason) implements SandboxEvent {}
}
