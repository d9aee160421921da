package dev.shipctl.protocol.packet.menu;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Menu layout shared by A0 and 07: header flag = entries − 1, entries of {@link MenuEntry#SIZE} from 0x08, then zero
 * padding counted in the size: Tethealla sends {@code roundUp(0x0A + n·0x2C, 8)} bytes (captured), and extra bytes
 * are ignored when decoding.
 */
final class Menus {
    private Menus() {}

    static List<MenuEntry> decode(PacketReader in) throws MalformedPacket {
        long count = Integer.toUnsignedLong(in.flag()) + 1;
        if (8 + count * MenuEntry.SIZE > in.size()) {
            throw in.malformed("flag announces %d entries, the packet holds %d".formatted(count, (in.size() - 8) / MenuEntry.SIZE));
        }
        List<MenuEntry> entries = new ArrayList<>((int) count);
        for (int i = 0, at = 8; i < count; i++, at += MenuEntry.SIZE) {
            entries.add(new MenuEntry(in.u32(at, "menu id"), in.u32(at + 4, "item id"), in.u16(at + 8, "flags"),
                    in.utf16(at + 0x0A, MenuEntry.SIZE - 0x0A, "text")));
        }
        return List.copyOf(entries);
    }

    static byte[] encode(Command command, List<MenuEntry> entries) {
        // As Tethealla builds them (construct0xA0, ConstructBlockPacket): its write offset runs 2 bytes ahead of the
        // entries, and it pads that to 8, so the size is roundUp(0x0A + n·0x2C, 8) and counts the zero padding.
        int size = PacketWriter.roundUp(0x0A + entries.size() * MenuEntry.SIZE, 8);
        PacketWriter out = new PacketWriter(command, size).flag(entries.size() - 1);
        int at = 8;
        for (MenuEntry e : entries) {
            out.u32(at, e.menuId()).u32(at + 4, e.itemId()).u16(at + 8, e.flags()).utf16(at + 0x0A, MenuEntry.SIZE - 0x0A, e.text());
            at += MenuEntry.SIZE;
        }
        return out.toByteArray();
    }
}
