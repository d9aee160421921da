package dev.shipctl.protocol.internal;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/**
 * The layout shared by the text packets (0x1A at 0x08; 0x01, 0x11, 0xB0, 0xEE at 0x10 after two zero words):
 * UTF-16LE text, NUL-terminated, the size padded to 8 as Tethealla builds them.
 */
public final class TextPacket {
    private TextPacket() {}

    public static String decode(PacketReader in, int offset) throws MalformedPacket {
        return in.utf16ToEnd(offset, 0, "text");
    }

    public static byte[] encode(Command command, int offset, String text) {
        int size = PacketWriter.roundUp(offset + PacketWriter.utf16Length(text), 8);
        return new PacketWriter(command, size).utf16(offset, size - offset, text).toByteArray();
    }
}
