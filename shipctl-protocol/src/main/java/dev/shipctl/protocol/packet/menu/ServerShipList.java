package dev.shipctl.protocol.packet.menu;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 0xA0 ship list (S→C, Tethealla character connection #3, or on request from a block). Entry 0 is the title
 * ("TETHEALLA"); each ship is {@code menu 0x00120000, item = ship id, text "<name> (<players>)"}.
 */
@PacketCommand(Command.SERVER_SHIP_LIST)
public record ServerShipList(List<MenuEntry> entries) implements Packet {
    public static final int SHIP_MENU = 0x00120000;
    private static final Pattern NAME_AND_COUNT = Pattern.compile("^(.*) \\((\\d+)\\)$");

    public static final PacketCodec<ServerShipList> CODEC = new PacketCodec<>() {
        @Override
        public ServerShipList decode(PacketReader in) throws MalformedPacket {
            return new ServerShipList(Menus.decode(in));
        }

        @Override
        public byte[] encode(ServerShipList p) {
            return Menus.encode(p.command(), p.entries);
        }
    };

    public ServerShipList {
        entries = List.copyOf(entries);
    }

    /** The ships, without the title entry. */
    public List<MenuEntry> ships() {
        return entries.isEmpty() ? List.of() : entries.subList(1, entries.size());
    }

    /** The ship name of an entry's text ("TestShip (3)" → "TestShip"). */
    public static String shipName(MenuEntry entry) {
        Matcher m = NAME_AND_COUNT.matcher(entry.text());
        return m.matches() ? m.group(1) : entry.text();
    }

    /** The player count of an entry's text ("TestShip (3)" → 3), when the server shows one. */
    public static Optional<Integer> players(MenuEntry entry) {
        Matcher m = NAME_AND_COUNT.matcher(entry.text());
        return m.matches() ? Optional.of(Integer.parseInt(m.group(2))) : Optional.empty();
    }

}
