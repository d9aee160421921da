package dev.shipctl.protocol.packet.lobby;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;

/**
 * 0x67 join lobby (S→C): you are in a lobby, and these are everyone in it, you included. Layout {@link LobbyJoin};
 * encoded as Tethealla sends it, {@code 0x16 + N·0x520} bytes.
 */
@PacketCommand(Command.SERVER_LOBBY_JOIN)
public record ServerLobbyJoin(LobbyJoin lobby) implements Packet {
    public static final PacketCodec<ServerLobbyJoin> CODEC = new PacketCodec<>() {
        @Override
        public ServerLobbyJoin decode(PacketReader in) throws MalformedPacket {
            return new ServerLobbyJoin(LobbyJoin.decode(in));
        }

        @Override
        public byte[] encode(ServerLobbyJoin p) {
            return p.lobby.encode(p.command(), 2);
        }
    };

}
