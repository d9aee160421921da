package dev.shipctl.protocol.packet.lobby;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/** 0xDA lobby event (S→C), header only; the flag is the event number (Tethealla's {@code /event}). */
@PacketCommand(Command.SERVER_LOBBY_EVENT)
public record ServerLobbyEvent(int event) implements Packet {
    public static final PacketCodec<ServerLobbyEvent> CODEC = new PacketCodec<>() {
        @Override
        public ServerLobbyEvent decode(PacketReader in) {
            return new ServerLobbyEvent(in.flag());
        }

        @Override
        public byte[] encode(ServerLobbyEvent p) {
            return new PacketWriter(p.command(), 8).flag(p.event).toByteArray();
        }
    };

}
