package dev.shipctl.protocol.packet.chat;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;

/**
 * 0x81 simple mail (S→C): mail delivered to this character, layout {@link SimpleMail}.
 */
@PacketCommand(Command.SERVER_SIMPLE_MAIL)
public record ServerSimpleMail(SimpleMail mail) implements Packet {
    public static final PacketCodec<ServerSimpleMail> CODEC = new PacketCodec<>() {
        @Override
        public ServerSimpleMail decode(PacketReader in) throws MalformedPacket {
            return new ServerSimpleMail(SimpleMail.decode(in));
        }

        @Override
        public byte[] encode(ServerSimpleMail p) {
            return p.mail.encode(p.command());
        }
    };

}
