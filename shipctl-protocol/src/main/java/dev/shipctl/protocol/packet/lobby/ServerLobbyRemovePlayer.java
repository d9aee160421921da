package dev.shipctl.protocol.packet.lobby;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/**
 * 0x69 remove player (S→C), size 0x0C: {@code 0x08 u8 client id of who left, 0x09 u8 leader, 0x0A u8 disable UDP}.
 * newserv puts the same client id in the header flag; Tethealla leaves the flag 0 (captured), so it is kept.
 */
@PacketCommand(Command.SERVER_LOBBY_REMOVE_PLAYER)
public record ServerLobbyRemovePlayer(int clientId, int leaderId, int disableUdp, int flag) implements Packet {
    public static final int SIZE = 0x0C;

    public static final PacketCodec<ServerLobbyRemovePlayer> CODEC = new PacketCodec<>() {
        @Override
        public ServerLobbyRemovePlayer decode(PacketReader in) throws MalformedPacket {
            ServerLobbyRemovePlayer p = new ServerLobbyRemovePlayer(in.u8(0x08, "client id"), in.u8(0x09, "leader"),
                    in.u8(0x0A, "disable udp"), in.flag());
            in.requireAtLeast(SIZE, "reserved byte 0x0B");
            return p;
        }

        @Override
        public byte[] encode(ServerLobbyRemovePlayer p) {
            return new PacketWriter(p.command(), SIZE).flag(p.flag).u8(0x08, p.clientId).u8(0x09, p.leaderId)
                    .u8(0x0A, p.disableUdp).toByteArray();
        }
    };

    /** As newserv sends it: the header flag repeats the client id. */
    public ServerLobbyRemovePlayer(int clientId, int leaderId, int disableUdp) {
        this(clientId, leaderId, disableUdp, clientId);
    }

}
