package dev.shipctl;

import dev.shipctl.flavour.NewservFlavour;
import dev.shipctl.internal.ChainRun;
import dev.shipctl.internal.Connection;
import dev.shipctl.internal.LobbyConnection;
import dev.shipctl.flavour.TetheallaFlavour;
import dev.shipctl.protocol.packet.login.ServerInit;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What differs between server families: the way to the lobby, chat rules and the command syntax. One
 * implementation per family; the session calls only this interface.
 */
public interface ServerFlavour {
    /** "tethealla" or "newserv": the name users type in {@code --flavour}. */
    String name();

    /** Whether this family sends such a 0x03 (size and banner identify the family, protocol notes §2.1). */
    boolean recognises(ServerInit init, int size);

    /** The least time between two chat packets so none is dropped by the server's cooldown. */
    Duration chatCooldown();

    /** The largest chat packet (0x06) the server accepts; longer lines are refused before sending. */
    int maxChatPacket();

    /** The character that starts a chat command ("/" on Tethealla, "$" on newserv). */
    char commandPrefix();

    /**
     * Whether a disconnect reason says another login of the same account took the session over (Tethealla allows
     * one session per account and kicks the older one). Reconnecting then would kick the other session in turn.
     */
    default boolean replacedByAnotherLogin(String disconnectReason) {
        return false;
    }

    /**
     * Walks the chain from the connected login port (its 0x03 already read) to a lobby. Implementations live in
     * {@code dev.shipctl.flavour} and use the chain toolkit of {@code dev.shipctl.internal}.
     */
    LobbyConnection login(ChainRun run, Connection loginPort) throws ShipException;

    static ServerFlavour tethealla() {
        return TetheallaFlavour.INSTANCE;
    }

    static ServerFlavour newserv() {
        return NewservFlavour.INSTANCE;
    }

    static List<ServerFlavour> all() {
        return List.of(tethealla(), newserv());
    }

    /** The flavour called {@code name}, case-insensitively. */
    static Optional<ServerFlavour> named(String name) {
        return all().stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The flavour a 0x03 packet identifies; Tethealla when nothing else matches. */
    static ServerFlavour detect(ServerInit init, int size) {
        return all().stream().filter(f -> f.recognises(init, size)).findFirst().orElse(tethealla());
    }
}
