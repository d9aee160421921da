package dev.shipctl.protocol.packet.character;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;

/** 0xE5 character preview (S→C), 0x88, layout {@link CharacterSummary}: the answer to E3 {slot, 0} for a used slot. */
@PacketCommand(Command.SERVER_CHARACTER_PREVIEW)
public record ServerCharacterPreview(CharacterSummary character) implements Packet {
    public static final PacketCodec<ServerCharacterPreview> CODEC = new PacketCodec<>() {
        @Override
        public ServerCharacterPreview decode(PacketReader in) throws MalformedPacket {
            return new ServerCharacterPreview(CharacterSummary.decode(in));
        }

        @Override
        public byte[] encode(ServerCharacterPreview p) {
            return p.character.encode(p.command());
        }
    };

}
