package dev.shipctl.protocol.packet.lobby;

/**
 * One 0x520-byte player record of 0x67/0x68 (offsets from the record start): {@code +0x04 u32 guild card,
 * +0x1C u32 client id, +0x20 UTF-16 name (0x20 bytes), +0x3CC u32 name colour} (Tethealla shows GMs by colour).
 */
public record LobbyPlayer(int guildCard, int clientId, String name, int nameColor) {
    public static final int SIZE = 0x520;
}
