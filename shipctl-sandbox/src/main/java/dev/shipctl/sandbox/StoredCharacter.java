package dev.shipctl.sandbox;

import dev.shipctl.protocol.Texts;
import dev.shipctl.protocol.packet.character.CharacterSummary;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A character as the sandbox keeps it: the 0xE7 image (0x399C bytes, header included) the block sends, from which
 * the 0xE5 preview and the lobby records of 0x67/0x68 are cut.
 *
 * <p>E7 layout used here (absolute offsets): inventory 0x008..0x353 (0x34C), display data 0x354..0x4E3 (0x190) with
 * stats at 0x354, level (u16, 0-based) at 0x36C, guild card text at 0x378, name colour at 0x390, section id at
 * 0x3A8, class at 0x3A9, name ("\tE…") at 0x3C8; guild card at 0x19C8. The 0x67 record copies the inventory to
 * +0x44 and the display data to +0x390, as Tethealla does.
 */
record StoredCharacter(String name, int characterClass, int sectionId, byte[] e7) {
    static final int INVENTORY = 0x08, INVENTORY_SIZE = 0x34C, DISPLAY = 0x354, DISPLAY_SIZE = 0x190;
    private static final int GC_TEXT = 0x378, COLOUR = 0x390;
    /** The first 0x24 bytes of a fresh level-1 HUmar's display data (stats, as the test peer's characters show). */
    private static final byte[] HUMAR_STATS = dev.shipctl.protocol.Hex.parse(
            "23 00 1d 00 2d 00 14 00 11 00 1e 00 0a 00 00 00 00 00 8c 41 00 00 20 41 00 00 00 00 00 00 00 00 2c 01 00 00");

    static StoredCharacter create(int guildCard, String name, int characterClass, int sectionId) {
        byte[] e7 = ServerFullCharacter.create(guildCard, name, 0, characterClass, sectionId).data();
        System.arraycopy(HUMAR_STATS, 0, e7, DISPLAY, HUMAR_STATS.length);
        byte[] gcText = guildCardText(guildCard);
        System.arraycopy(gcText, 0, e7, GC_TEXT, gcText.length);
        Arrays.fill(e7, COLOUR, COLOUR + 4, (byte) 0xFF);
        return new StoredCharacter(name, characterClass, sectionId, e7);
    }

    /** The guild card as the game prints it in character data: right-aligned in 10 ASCII characters. */
    static byte[] guildCardText(int guildCard) {
        return "%10d".formatted(Integer.toUnsignedLong(guildCard)).getBytes(StandardCharsets.US_ASCII);
    }

    ServerFullCharacter full() {
        return new ServerFullCharacter(e7);
    }

    byte[] inventory() {
        return Arrays.copyOfRange(e7, INVENTORY, INVENTORY + INVENTORY_SIZE);
    }

    byte[] display() {
        return Arrays.copyOfRange(e7, DISPLAY, DISPLAY + DISPLAY_SIZE);
    }

    /** The 0xE5 preview of this character in {@code slot}. */
    CharacterSummary preview(int slot, int guildCard) {
        byte[] visual = new byte[CharacterSummary.VISUAL_SIZE];
        byte[] gcText = guildCardText(guildCard);
        System.arraycopy(gcText, 0, visual, 0, gcText.length);
        Arrays.fill(visual, 0x2C - 0x14, 0x30 - 0x14, (byte) 0xFF);
        visual[0x44 - 0x14] = (byte) sectionId;
        visual[0x45 - 0x14] = (byte) characterClass;
        byte[] n = (Texts.ENGLISH + name).getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(n, 0, visual, 0x64 - 0x14, Math.min(n.length, 0x14));
        return new CharacterSummary(slot, 0, 0, visual, 0);
    }

    /** The name as chat shows it: no marker, at most 10 units (Tethealla's limit). */
    String chatName() {
        return name.length() > 10 ? name.substring(0, 10) : name;
    }
}
