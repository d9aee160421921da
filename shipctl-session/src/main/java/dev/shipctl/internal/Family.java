package dev.shipctl.internal;

import dev.shipctl.ServerFlavour;
import dev.shipctl.Session;
import dev.shipctl.admin.Admin;
import dev.shipctl.protocol.packet.lobby.ClientChangeLobby;
import java.util.Optional;

/**
 * A server family as a plug-in: the public {@link ServerFlavour} value and what the library does differently for
 * it. Each family is one package ({@code internal.tethealla}, {@code internal.newserv}) and one line in
 * {@code internal.registry.Registry}.
 */
public interface Family {
    /** The family's public description. */
    ServerFlavour flavour();

    /** The way from the login port to a lobby. */
    LoginChain loginChain();

    /** The packet that moves a session to lobby {@code number} (1-based), or empty when the family has none. */
    Optional<ClientChangeLobby> lobbyChange(int number);

    /** A new admin for a session of this family. */
    Admin admin(Session session);
}
