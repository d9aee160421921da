package dev.shipctl.protocol.packet.character;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;
import dev.shipctl.protocol.Texts;
import java.nio.charset.StandardCharsets;

/**
 * The 0xE5 character layout (0x88, both directions):
 * <pre>
 * 0x08 i32 slot  0x0C u32 exp  0x10 u32 level (0-based)  0x14 u8[0x70] visual  0x84 u32 play time
 * visual, at absolute offsets: 0x14 guild card text (ASCII 0x10), 0x2C name colour, 0x44 section id,
 * 0x45 class (below 12), 0x64 name (UTF-16 "\tE" + up to 9 characters in 0x14 bytes)
 * </pre>
 */
public record CharacterSummary(int slot, int exp, int level, byte[] visual, int playTime) {
    public static final int SIZE = 0x88;
    public static final int VISUAL_SIZE = 0x70;
    private static final int VISUAL = 0x14;

    public CharacterSummary {
        if (visual.length != VISUAL_SIZE) throw new IllegalArgumentException("visual block is 0x70 bytes");
        visual = visual.clone();
    }

    /** A character with the given name, class and section id and an otherwise plain look. */
    public static CharacterSummary create(int slot, String name, int characterClass, int sectionId) {
        byte[] v = new byte[VISUAL_SIZE];
        v[0x44 - VISUAL] = (byte) sectionId;
        v[0x45 - VISUAL] = (byte) characterClass;
        v[0x47 - VISUAL] = 3;
        byte[] n = (Texts.ENGLISH + name).getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(n, 0, v, 0x64 - VISUAL, Math.min(n.length, 0x14));
        // proportions 1.0f, as the real client sends for a default body
        writeFloat(v, 0x5C - VISUAL, 1.0f);
        writeFloat(v, 0x60 - VISUAL, 1.0f);
        return new CharacterSummary(slot, 0, 0, v, 0);
    }

    private static void writeFloat(byte[] b, int at, float f) {
        int bits = Float.floatToRawIntBits(f);
        for (int i = 0; i < 4; i++) b[at + i] = (byte) (bits >>> (8 * i));
    }

    public String name() {
        int start = 0x64 - VISUAL, end = start;
        while (end + 1 < VISUAL_SIZE && end - start < 0x18 && (visual[end] != 0 || visual[end + 1] != 0)) end += 2;
        return Texts.stripMarker(new String(visual, start, end - start, StandardCharsets.UTF_16LE));
    }

    public int characterClass() {
        return visual[0x45 - VISUAL] & 0xFF;
    }

    public int sectionId() {
        return visual[0x44 - VISUAL] & 0xFF;
    }

    @Override
    public byte[] visual() {
        return visual.clone();
    }

    static CharacterSummary decode(PacketReader in) throws MalformedPacket {
        return new CharacterSummary(in.u32(0x08, "slot"), in.u32(0x0C, "exp"), in.u32(0x10, "level"),
                in.bytes(VISUAL, VISUAL_SIZE, "visual"), in.u32(0x84, "play time"));
    }

    byte[] encode(Command command) {
        return new PacketWriter(command, SIZE).u32(0x08, slot).u32(0x0C, exp).u32(0x10, level).bytes(VISUAL, visual)
                .u32(0x84, playTime).toByteArray();
    }

    @Override
    public String toString() {
        return "CharacterSummary[slot=%d, name=%s, level=%d, class=%d, section=%d]"
                .formatted(slot, name(), level + 1, characterClass(), sectionId());
    }
}
