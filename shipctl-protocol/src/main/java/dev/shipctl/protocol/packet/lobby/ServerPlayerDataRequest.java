package dev.shipctl.protocol.packet.lobby;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/** 0x95 (S→C), header only: the block asks for player data; the client answers {@link ClientPlayerData}. */
@PacketCommand(Command.SERVER_PLAYER_DATA_REQUEST)
public record ServerPlayerDataRequest() implements Packet {
    public static final PacketCodec<ServerPlayerDataRequest> CODEC = new PacketCodec<>() {
        @Override
        public ServerPlayerDataRequest decode(PacketReader in) {
            return new ServerPlayerDataRequest();
        }

        @Override
        public byte[] encode(ServerPlayerDataRequest p) {
            return new PacketWriter(p.command(), 8).toByteArray();
        }
    };

}
