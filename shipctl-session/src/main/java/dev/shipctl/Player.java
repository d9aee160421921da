package dev.shipctl;

/**
 * A player as the lobby shows them.
 *
 * @param clientId the slot in the lobby (0..11)
 * @param nameColor Tethealla's name colour, which marks GMs and local GMs
 */
public record Player(int guildCard, int clientId, String name, int nameColor) {}
