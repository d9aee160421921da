package dev.shipctl.protocol.packet.chat;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/**
 * The 0x81 simple-mail layout, size 0x45C, the same in both directions:
 * <pre>
 * 0x08 u32 player tag 0x00010000   0x0C u32 from guild card   0x10 UTF-16[0x10] from name ("\tE"-prefixed)
 * 0x30 u32 to guild card           0x34 UTF-16[0x14] date     0x5C UTF-16[0x200] "\tE" + text, NUL
 * </pre>
 */
public record SimpleMail(int fromGuildCard, String fromName, int toGuildCard, String date, String text) {
    public static final int SIZE = 0x45C;
    /** Characters of text that fit after the marker, leaving the NUL. */
    public static final int MAX_TEXT = (0x400 - 4) / 2 - 1;

    static SimpleMail decode(PacketReader in) throws MalformedPacket {
        SimpleMail mail = new SimpleMail(in.u32(0x0C, "from guild card"), in.markedUtf16(0x10, 0x20, "from name"),
                in.u32(0x30, "to guild card"), in.utf16(0x34, 0x26, "date"), in.markedUtf16(0x5C, 0x400, "text"));
        in.requireAtLeast(SIZE, "text");
        return mail;
    }

    byte[] encode(Command command) {
        return new PacketWriter(command, SIZE).u32(0x08, 0x00010000).u32(0x0C, fromGuildCard)
                .markedUtf16(0x10, 0x20, fromName).u32(0x30, toGuildCard).utf16(0x34, 0x26, date)
                .markedUtf16(0x5C, 0x400, text).toByteArray();
    }
}
