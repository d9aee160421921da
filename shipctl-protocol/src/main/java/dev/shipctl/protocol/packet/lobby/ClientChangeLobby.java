package dev.shipctl.protocol.packet.lobby;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/** 0x84 change lobby (C→S), size 0x10: {@code 0x08 u32 menu id, 0x0C u32 lobby}. At most once a second. */
@PacketCommand(Command.CLIENT_CHANGE_LOBBY)
public record ClientChangeLobby(int menuId, int lobbyId) implements Packet {
    public static final int SIZE = 0x10;

    public static final PacketCodec<ClientChangeLobby> CODEC = new PacketCodec<>() {
        @Override
        public ClientChangeLobby decode(PacketReader in) throws MalformedPacket {
            return new ClientChangeLobby(in.u32(0x08, "menu id"), in.u32(0x0C, "lobby"));
        }

        @Override
        public byte[] encode(ClientChangeLobby p) {
            return new PacketWriter(p.command(), SIZE).u32(0x08, p.menuId).u32(0x0C, p.lobbyId).toByteArray();
        }
    };

}
