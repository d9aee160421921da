package dev.shipctl.internal;

import dev.shipctl.protocol.packet.lobby.ClientPlayerData;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;

/**
 * What a flavour's login chain hands to the session: the connection that is in a lobby, the lobby as joined, and of
 * the character the server sent what the session keeps: its name and the player data (0x61) a later 0x95 is
 * answered with. Not the character itself (0x399C bytes), which a session held for hours would keep for these.
 */
public record LobbyConnection(Connection connection, ServerLobbyJoin joined, String characterName, ClientPlayerData playerData) {
    /** For a chain that has not sent the player data: built from {@code character} here. */
    public LobbyConnection(Connection connection, ServerLobbyJoin joined, ServerFullCharacter character) {
        this(connection, joined, character.name(), ClientPlayerData.from(character));
    }
}
