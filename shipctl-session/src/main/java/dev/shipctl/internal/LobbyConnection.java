package dev.shipctl.internal;

import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;

/**
 * What a flavour's login chain hands to the session: the connection that is in a lobby, the lobby as joined, and
 * the character the server sent.
 */
public record LobbyConnection(Connection connection, ServerLobbyJoin joined, ServerFullCharacter character) {}
