package dev.shipctl.protocol.packet.character;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;

/** 0xE5 create character (C→S), exactly 0x88 bytes, layout {@link CharacterSummary}. Tethealla closes the connection on any other size or a class of 12 or more. */
@PacketCommand(Command.CLIENT_CREATE_CHARACTER)
public record ClientCreateCharacter(CharacterSummary character) implements Packet {
    public static final PacketCodec<ClientCreateCharacter> CODEC = new PacketCodec<>() {
        @Override
        public ClientCreateCharacter decode(PacketReader in) throws MalformedPacket {
            return new ClientCreateCharacter(CharacterSummary.decode(in));
        }

        @Override
        public byte[] encode(ClientCreateCharacter p) {
            return p.character.encode(p.command());
        }
    };

}
