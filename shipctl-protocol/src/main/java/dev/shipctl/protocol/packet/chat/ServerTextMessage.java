package dev.shipctl.protocol.packet.chat;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.internal.TextPacket;

/** 0xB0 text message (S→C): command replies. Tethealla text starts with {@code "\tE"}; newserv uses colour escapes. Layout: 0x08 u32 0, 0x0C u32 0, 0x10 UTF-16 text, NUL, padded to 8. */
@PacketCommand(Command.SERVER_TEXT_MESSAGE)
public record ServerTextMessage(String text) implements Packet {
    public static final PacketCodec<ServerTextMessage> CODEC = new PacketCodec<>() {
        @Override
        public ServerTextMessage decode(PacketReader in) throws MalformedPacket {
            return new ServerTextMessage(TextPacket.decode(in, 0x10));
        }

        @Override
        public byte[] encode(ServerTextMessage p) {
            return TextPacket.encode(p.command(), 0x10, p.text);
        }
    };

}
