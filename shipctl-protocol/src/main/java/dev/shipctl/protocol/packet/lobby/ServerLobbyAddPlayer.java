package dev.shipctl.protocol.packet.lobby;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;

/** 0x68 add player (S→C): someone joined your lobby. Layout {@link LobbyJoin} with one record, 0x534 bytes. */
@PacketCommand(Command.SERVER_LOBBY_ADD_PLAYER)
public record ServerLobbyAddPlayer(LobbyJoin lobby) implements Packet {
    public static final PacketCodec<ServerLobbyAddPlayer> CODEC = new PacketCodec<>() {
        @Override
        public ServerLobbyAddPlayer decode(PacketReader in) throws MalformedPacket {
            return new ServerLobbyAddPlayer(LobbyJoin.decode(in));
        }

        @Override
        public byte[] encode(ServerLobbyAddPlayer p) {
            return p.lobby.encode(p.command(), 0);
        }
    };

}
