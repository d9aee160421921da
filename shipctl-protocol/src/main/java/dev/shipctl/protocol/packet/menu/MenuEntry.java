package dev.shipctl.protocol.packet.menu;

/**
 * One 0x2C-byte menu entry (A0 ship list, 07 block list or main menu):
 * {@code +0x00 u32 menu id, +0x04 u32 item id, +0x08 u16 flags, +0x0A UTF-16 text} to the end of the entry.
 * The first entry of a menu is its title.
 */
public record MenuEntry(int menuId, int itemId, int flags, String text) {
    public static final int SIZE = 0x2C;
}
