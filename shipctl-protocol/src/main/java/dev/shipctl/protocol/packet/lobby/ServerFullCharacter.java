package dev.shipctl.protocol.packet.lobby;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.internal.PacketReader;
import dev.shipctl.protocol.internal.PacketWriter;
import dev.shipctl.protocol.packet.Texts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * 0xE7 full character (S→C), 0x399C bytes, kept whole: the client echoes part of it in 0x61. Decoded fields:
 * <pre>
 * 0x36C u16 level (0-based)  0x3A8 u8 section id  0x3A9 u8 class  0x3C8 UTF-16 name ("\tE…", 0x20 bytes)
 * 0x19C8 u32 guild card
 * </pre>
 */
public record ServerFullCharacter(byte[] data) implements Packet {
    public static final int SIZE = 0x399C;
    private static final int LEVEL = 0x36C, SECTION = 0x3A8, CLASS = 0x3A9, NAME = 0x3C8, GUILD_CARD = 0x19C8;

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
        PacketWriter w = new PacketWriter(0xE7, SIZE).u16(LEVEL, level).u8(SECTION, sectionId).u8(CLASS, characterClass)
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

    /** Bytes 0x08..0x36F, what a 0x61 answer carries. */
    byte[] playerData() {
        return Arrays.copyOfRange(data, 8, ClientPlayerData.SIZE);
    }

    @Override
    public Command command() {
        return Command.SERVER_FULL_CHARACTER;
    }

    @Override
    public String toString() {
        return "ServerFullCharacter[name=%s, gc=%d, level=%d, class=%d, section=%d]"
                .formatted(name(), Integer.toUnsignedLong(guildCard()), level() + 1, characterClass(), sectionId());
    }
}
