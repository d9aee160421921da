package dev.shipctl.protocol.packet.lobby;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The layout of 0x67 and 0x68 (header flag = player records):
 * <pre>
 * 0x08 u8 your client id  0x09 u8 leader id  0x0A u8 disable UDP  0x0B u8 lobby number (0-based)
 * 0x0C u8 block number    0x0D u8 battle mode 0x0E u8 event        0x10 u32 random seed
 * 0x14 + k·0x520          player record k ({@link LobbyPlayer})
 * </pre>
 * Tethealla's 0x67 is two bytes longer than the records need; extra trailing bytes are accepted.
 */
public record LobbyJoin(int clientId, int leaderId, int disableUdp, int lobbyNumber, int blockNumber, int event,
                        List<LobbyPlayer> players) {
    public static final int MAX_PLAYERS = 12;
    private static final int RECORDS = 0x14;

    public LobbyJoin {
        players = List.copyOf(players);
    }

    static LobbyJoin decode(PacketReader in) throws MalformedPacket {
        int clientId = in.u8(0x08, "client id"), leaderId = in.u8(0x09, "leader"), disableUdp = in.u8(0x0A, "disable udp");
        int lobby = in.u8(0x0B, "lobby"), block = in.u8(0x0C, "block"), event = in.u8(0x0E, "event");
        in.requireAtLeast(RECORDS, "random seed");
        long count = Integer.toUnsignedLong(in.flag());
        if (count > MAX_PLAYERS) throw in.malformed("flag announces %d players; a lobby holds at most 12".formatted(count));
        if (RECORDS + count * LobbyPlayer.SIZE > in.size()) {
            throw in.malformed("flag announces %d players, the packet holds %d".formatted(count, (in.size() - RECORDS) / LobbyPlayer.SIZE));
        }
        List<LobbyPlayer> players = new ArrayList<>();
        for (int i = 0, at = RECORDS; i < count; i++, at += LobbyPlayer.SIZE) {
            players.add(new LobbyPlayer(in.u32(at + 0x04, "guild card"), in.u32(at + 0x1C, "client id"),
                    in.markedUtf16(at + 0x20, 0x20, "name"), in.u32(at + 0x3CC, "name colour")));
        }
        return new LobbyJoin(clientId, leaderId, disableUdp, lobby, block, event, players);
    }

    byte[] encode(Command command, int trailing) {
        PacketWriter out = new PacketWriter(command, RECORDS + players.size() * LobbyPlayer.SIZE + trailing)
                .flag(players.size()).u8(0x08, clientId).u8(0x09, leaderId).u8(0x0A, disableUdp).u8(0x0B, lobbyNumber)
                .u8(0x0C, blockNumber).u8(0x0E, event);
        int at = RECORDS;
        for (LobbyPlayer p : players) {
            out.u32(at, 0x00010000).u32(at + 0x04, p.guildCard()).u32(at + 0x1C, p.clientId())
                    .markedUtf16(at + 0x20, 0x20, p.name()).u8(at + 0x40, 2).u32(at + 0x3CC, p.nameColor());
            at += LobbyPlayer.SIZE;
        }
        return out.toByteArray();
    }
}
