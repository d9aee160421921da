package dev.shipctl.internal;

import dev.shipctl.ServerFlavour;
import dev.shipctl.protocol.packet.lobby.ClientChangeLobby;
import java.util.Optional;

/**
 * The 0x84 lobby change each server family understands (protocol notes §3.6). Only Tethealla's is known to work:
 * newserv's ({@code 0x33000033}, lobby ids from its 0x83) is known from its source alone, so it is not offered yet.
 */
final class LobbyMenu {
    /** The lobbies of a block. */
    static final int LOBBIES = 15;
    /** The menu id of Tethealla's 0x83 lobby list. */
    static final int TETHEALLA_LOBBY_MENU = 0x001A0001;

    private LobbyMenu() {}

    /** The request that moves to lobby {@code number} (1-based), or empty when the family has none known. */
    static Optional<ClientChangeLobby> change(ServerFlavour flavour, int number) {
        return flavour.name().equals(ServerFlavour.tethealla().name())
                ? Optional.of(new ClientChangeLobby(TETHEALLA_LOBBY_MENU, number - 1))
                : Optional.empty();
    }
}
