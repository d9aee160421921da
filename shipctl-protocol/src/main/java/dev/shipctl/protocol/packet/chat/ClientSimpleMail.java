package dev.shipctl.protocol.packet.chat;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;

/**
 * 0x81 simple mail (C→S), layout {@link SimpleMail}. On Tethealla, sent in announce mode (after {@code /announce}
 * or {@code /global}) it becomes the announcement; the server reads its text from 0x60 and turns {@code $} into tabs.
 */
@PacketCommand(Command.CLIENT_SIMPLE_MAIL)
public record ClientSimpleMail(SimpleMail mail) implements Packet {
    public static final PacketCodec<ClientSimpleMail> CODEC = new PacketCodec<>() {
        @Override
        public ClientSimpleMail decode(PacketReader in) throws MalformedPacket {
            return new ClientSimpleMail(SimpleMail.decode(in));
        }

        @Override
        public byte[] encode(ClientSimpleMail p) {
            return p.mail.encode(p.command());
        }
    };

}
