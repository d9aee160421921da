package dev.shipctl.protocol.packet.lobby;

import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;
import dev.shipctl.protocol.Texts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * 0xE7 full character (S→C), 0x399C bytes, kept whole: the client echoes parts of it in 0x61 (see
 * {@link ClientPlayerData}). Decoded fields:
 * <pre>
 * 0x36C u16 level (0-based)  0x3A8 u8 section id  0x3A9 u8 class  0x3C8 UTF-16 name ("\tE…", 0x20 bytes)
 * 0x19C8 u32 guild card
 * </pre>
 * Regions the 0x61 copies (offsets from the start of the packet; Tethealla's CHARDATA and newserv's
 * PSOBBCharacterFile + 8 agree on them):
 * <pre>
 * 0x0008 inventory (0x34C)         0x0354 display data (0x190: stats, looks, name, key config, techniques)
 * 0x29F4 auto-reply (UTF-16, 0x158) 0x2B4C info board (UTF-16, 0x158)  0x2CA4 battle records (0x18)
 * 0x2CC0 challenge records (0x140) 0x2E28 choice search config (0x18)
 * </pre>
 */
@PacketCommand(Command.SERVER_FULL_CHARACTER)
public record ServerFullCharacter(byte[] data) implements Packet {
    public static final int SIZE = 0x399C;
    private static final int LEVEL = 0x36C, SECTION = 0x3A8, CLASS = 0x3A9, NAME = 0x3C8, GUILD_CARD = 0x19C8;
    static final int INVENTORY = 0x08, DISPLAY_DATA = 0x354, AUTO_REPLY = 0x29F4, INFO_BOARD = 0x2B4C,
            BATTLE_RECORDS = 0x2CA4, CHALLENGE_RECORDS = 0x2CC0, CHOICE_SEARCH = 0x2E28;

    public static final PacketCodec<ServerFullCharacter> CODEC = new PacketCodec<>() {
        @Override
        public ServerFullCharacter decode(PacketReader in) throws MalformedPacket {
            // the decoded fields first, in offset order, so that a truncation names the first one missing
            in.u16(LEVEL, "level");
            in.u8(CLASS, "class");
            in.bytes(NAME, 0x20, "name");
            in.u32(GUILD_CARD, "guild card");
            in.requireAtLeast(SIZE, "the rest of the character");
            return new ServerFullCharacter(in.bytes(0, SIZE, "character"));
        }

        @Override
        public byte[] encode(ServerFullCharacter p) {
            return p.data.clone();
        }
    };

    /**
     * @param data the whole packet; its header is rewritten to what this packet is (command 0xE7, size 0x399C), so a
     *     packet that came with a larger size field (padding counted, trailing bytes) encodes with its true size
     */
    public ServerFullCharacter {
        if (data.length != SIZE) throw new IllegalArgumentException("a full character is 0x399C bytes");
        data = data.clone();
        data[0] = (byte) SIZE;
        data[1] = (byte) (SIZE >>> 8);
        data[2] = (byte) 0xE7;
        data[3] = 0;
    }

    /** A plain character with these fields set and the rest zero. */
    public static ServerFullCharacter create(int guildCard, String name, int level, int characterClass, int sectionId) {
        PacketWriter w = new PacketWriter(Command.SERVER_FULL_CHARACTER, SIZE).u16(LEVEL, level).u8(SECTION, sectionId).u8(CLASS, characterClass)
                .utf16(NAME, 0x1E, Texts.ENGLISH + name).u32(GUILD_CARD, guildCard);
        return new ServerFullCharacter(w.toByteArray());
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int level() {
        return (data[LEVEL] & 0xFF) | (data[LEVEL + 1] & 0xFF) << 8;
    }

    public int sectionId() {
        return data[SECTION] & 0xFF;
    }

    public int characterClass() {
        return data[CLASS] & 0xFF;
    }

    public String name() {
        int end = NAME;
        while (end < NAME + 0x20 && (data[end] != 0 || data[end + 1] != 0)) end += 2;
        return Texts.stripMarker(new String(data, NAME, end - NAME, StandardCharsets.UTF_16LE));
    }

    public int guildCard() {
        return (data[GUILD_CARD] & 0xFF) | (data[GUILD_CARD + 1] & 0xFF) << 8 | (data[GUILD_CARD + 2] & 0xFF) << 16
                | (data[GUILD_CARD + 3] & 0xFF) << 24;
    }

    /** {@code length} bytes from {@code offset} of the packet, for the 0x61 answer. */
    byte[] region(int offset, int length) {
        return Arrays.copyOfRange(data, offset, offset + length);
    }


    @Override
    public String toString() {
        return "ServerFullCharacter[name=%s, gc=%d, level=%d, class=%d, section=%d]"
                .formatted(name(), Integer.toUnsignedLong(guildCard()), level() + 1, characterClass(), sectionId());
    }
}
