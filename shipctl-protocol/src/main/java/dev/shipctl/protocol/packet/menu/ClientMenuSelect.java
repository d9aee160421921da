package dev.shipctl.protocol.packet.menu;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/** 0x10 menu select (C→S), size 0x10: {@code 0x08 u32 menu id, 0x0C u32 item id}. */
@PacketCommand(Command.CLIENT_MENU_SELECT)
public record ClientMenuSelect(int menuId, int itemId) implements Packet {
    public static final int SIZE = 0x10;

    public static final PacketCodec<ClientMenuSelect> CODEC = new PacketCodec<>() {
        @Override
        public ClientMenuSelect decode(PacketReader in) throws MalformedPacket {
            return new ClientMenuSelect(in.u32(0x08, "menu id"), in.u32(0x0C, "item id"));
        }

        @Override
        public byte[] encode(ClientMenuSelect p) {
            return new PacketWriter(p.command(), SIZE).u32(0x08, p.menuId).u32(0x0C, p.itemId).toByteArray();
        }
    };


    @Override
    public String toString() {
        return "ClientMenuSelect[menu=%08X, item=%08X]".formatted(menuId, itemId);
    }
}
