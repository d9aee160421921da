package dev.shipctl.protocol.packet.chat;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.internal.TextPacket;

/** 0x01 lobby message box (S→C): "You must wait awhile…", "Lobby is full!", "Block is full.". Layout: 0x08 u32 0, 0x0C u32 0, 0x10 UTF-16 text, NUL, padded to 8. */
@PacketCommand(Command.SERVER_LOBBY_MESSAGE)
public record ServerLobbyMessage(String text) implements Packet {
    public static final PacketCodec<ServerLobbyMessage> CODEC = new PacketCodec<>() {
        @Override
        public ServerLobbyMessage decode(PacketReader in) throws MalformedPacket {
            return new ServerLobbyMessage(TextPacket.decode(in, 0x10));
        }

        @Override
        public byte[] encode(ServerLobbyMessage p) {
            return TextPacket.encode(p.command(), 0x10, p.text);
        }
    };

}
