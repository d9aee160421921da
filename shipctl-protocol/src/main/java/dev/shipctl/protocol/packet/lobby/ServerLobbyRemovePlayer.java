package dev.shipctl.protocol.packet.lobby;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.internal.PacketReader;
import dev.shipctl.protocol.internal.PacketWriter;

/**
 * 0x69 remove player (S→C), size 0x0C: {@code 0x08 u8 client id of who left, 0x09 u8 leader, 0x0A u8 disable UDP};
 * the header flag carries the same client id.
 */
public record ServerLobbyRemovePlayer(int clientId, int leaderId, int disableUdp) implements Packet {
    public static final int SIZE = 0x0C;

    public static final PacketCodec<ServerLobbyRemovePlayer> CODEC = new PacketCodec<>() {
        @Override
        public ServerLobbyRemovePlayer decode(PacketReader in) throws MalformedPacket {
            in.requireAtLeast(SIZE);
            return new ServerLobbyRemovePlayer(in.u8(0x08, "client id"), in.u8(0x09, "leader"), in.u8(0x0A, "disable udp"));
        }

        @Override
        public byte[] encode(ServerLobbyRemovePlayer p) {
            return new PacketWriter(0x69, SIZE).flag(p.clientId).u8(0x08, p.clientId).u8(0x09, p.leaderId)
                    .u8(0x0A, p.disableUdp).toByteArray();
        }
    };

    @Override
    public Command command() {
        return Command.SERVER_LOBBY_REMOVE_PLAYER;
    }
}
