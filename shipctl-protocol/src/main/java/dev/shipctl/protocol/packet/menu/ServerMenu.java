package dev.shipctl.protocol.packet.menu;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import java.util.List;

/**
 * 0x07 menu (S→C). On a Tethealla ship port it is the block list: title {@code "NN:<ship name>"}, then
 * {@code "BLOCK01"}… with items 0xEFFFFFFF − (n−1), then "Ship Select" (0xFFFFFF00). On newserv it is the main
 * menu (menu 0x11000011; "Go to lobby" is item 0x11222211).
 */
@PacketCommand(Command.SERVER_MENU)
public record ServerMenu(List<MenuEntry> entries) implements Packet {
    public static final PacketCodec<ServerMenu> CODEC = new PacketCodec<>() {
        @Override
        public ServerMenu decode(PacketReader in) throws MalformedPacket {
            return new ServerMenu(Menus.decode(in));
        }

        @Override
        public byte[] encode(ServerMenu p) {
            return Menus.encode(p.command(), p.entries);
        }
    };

    public ServerMenu {
        entries = List.copyOf(entries);
    }

    /** The title entry's text. */
    public String title() {
        return entries.isEmpty() ? "" : entries.getFirst().text();
    }

    /** The entries after the title. */
    public List<MenuEntry> items() {
        return entries.isEmpty() ? List.of() : entries.subList(1, entries.size());
    }

}
