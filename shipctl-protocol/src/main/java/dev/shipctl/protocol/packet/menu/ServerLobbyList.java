package dev.shipctl.protocol.packet.menu;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * 0x83 lobby list (S→C): entries of 12 bytes from 0x08, {@code u32 menu id, u32 lobby id, u32 players}.
 * Tethealla sends 16 entries (menu 0x001A0001, lobbies 0..15, players 0) with flag 15; newserv 15 entries
 * (menu 0x33000033, lobbies 1..15) with real player counts.
 *
 * @param flag the header flag (the lobby count the server announces)
 */
@PacketCommand(Command.SERVER_LOBBY_LIST)
public record ServerLobbyList(int flag, List<Lobby> lobbies) implements Packet {
    public record Lobby(int menuId, int lobbyId, int players) {}

    public static final PacketCodec<ServerLobbyList> CODEC = new PacketCodec<>() {
        @Override
        public ServerLobbyList decode(PacketReader in) throws MalformedPacket {
            in.requireAtLeast(8);
            int n = (in.size() - 8) / 12;
            List<Lobby> lobbies = new ArrayList<>(n);
            for (int i = 0, at = 8; i < n; i++, at += 12) {
                lobbies.add(new Lobby(in.u32(at, "menu id"), in.u32(at + 4, "lobby id"), in.u32(at + 8, "players")));
            }
            return new ServerLobbyList(in.flag(), lobbies);
        }

        @Override
        public byte[] encode(ServerLobbyList p) {
            PacketWriter out = new PacketWriter(p.command(), 8 + 12 * p.lobbies.size()).flag(p.flag);
            int at = 8;
            for (Lobby l : p.lobbies) {
                out.u32(at, l.menuId()).u32(at + 4, l.lobbyId()).u32(at + 8, l.players());
                at += 12;
            }
            return out.toByteArray();
        }
    };

    public ServerLobbyList {
        lobbies = List.copyOf(lobbies);
    }

}
