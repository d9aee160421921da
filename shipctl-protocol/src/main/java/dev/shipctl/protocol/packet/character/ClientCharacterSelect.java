package dev.shipctl.protocol.packet.character;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/**
 * 0xE3 (C→S), size 0x10: {@code 0x08 i32 slot, 0x0C u32 select}. select 0 asks for a preview (E5 or E4 "empty"),
 * 1 chooses the slot for play (E4 {slot, 1}).
 */
@PacketCommand(Command.CLIENT_CHARACTER_SELECT)
public record ClientCharacterSelect(int slot, boolean select) implements Packet {
    public static final int SIZE = 0x10;

    public static final PacketCodec<ClientCharacterSelect> CODEC = new PacketCodec<>() {
        @Override
        public ClientCharacterSelect decode(PacketReader in) throws MalformedPacket {
            return new ClientCharacterSelect(in.u32(0x08, "slot"), in.u32(0x0C, "select") != 0);
        }

        @Override
        public byte[] encode(ClientCharacterSelect p) {
            return new PacketWriter(p.command(), SIZE).u32(0x08, p.slot).u32(0x0C, p.select ? 1 : 0).toByteArray();
        }
    };

}
