package dev.shipctl.protocol.packet.chat;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.internal.TextPacket;

/** 0xEE scrolling message (S→C): announcements ({@code "[GM]name: text"} on Tethealla) and welcome text. Layout: 0x08 u32 0, 0x0C u32 0, 0x10 UTF-16 text, NUL, padded to 8. */
@PacketCommand(Command.SERVER_BROADCAST)
public record ServerBroadcast(String text) implements Packet {
    public static final PacketCodec<ServerBroadcast> CODEC = new PacketCodec<>() {
        @Override
        public ServerBroadcast decode(PacketReader in) throws MalformedPacket {
            return new ServerBroadcast(TextPacket.decode(in, 0x10));
        }

        @Override
        public byte[] encode(ServerBroadcast p) {
            return TextPacket.encode(p.command(), 0x10, p.text);
        }
    };

}
