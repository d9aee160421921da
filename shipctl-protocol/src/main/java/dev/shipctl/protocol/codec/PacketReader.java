package dev.shipctl.protocol.codec;

import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.Texts;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked little-endian reads at absolute offsets of one packet (header included), so codecs read the
 * offsets that protocol-notes.md gives. Every read past the end is a {@link MalformedPacket} naming the field.
 */
public final class PacketReader {
    private final byte[] data;
    private final int size;
    private final int command;

    /** @param data the packet, header included; {@code size} bytes of it count (padding excluded) */
    public PacketReader(byte[] data, int size) {
        this.data = data;
        this.size = size;
        this.command = size >= 4 ? (data[2] & 0xFF) | (data[3] & 0xFF) << 8 : -1;
    }

    public int size() {
        return size;
    }

    public int command() {
        return command;
    }

    public int flag() {
        return (data[4] & 0xFF) | (data[5] & 0xFF) << 8 | (data[6] & 0xFF) << 16 | (data[7] & 0xFF) << 24;
    }

    public MalformedPacket malformed(String message) {
        return new MalformedPacket(command, message);
    }

    /** Requires exactly {@code expected} bytes. */
    public void requireSize(int expected) throws MalformedPacket {
        if (size != expected) throw malformed("size is 0x%X, expected 0x%X".formatted(size, expected));
    }

    /** Requires at least {@code minimum} bytes (servers may count padding in the size). */
    public void requireAtLeast(int minimum) throws MalformedPacket {
        if (size < minimum) throw malformed("size is 0x%X, expected at least 0x%X".formatted(size, minimum));
    }

    /**
     * Requires at least {@code minimum} bytes, naming the field that would be cut short. Codecs read their fields
     * first (so a truncation names the first missing field) and call this last for the tail of a fixed layout.
     */
    public void requireAtLeast(int minimum, String field) throws MalformedPacket {
        if (size < minimum) {
            throw malformed("%s runs to 0x%X, past the end of a 0x%X-byte packet".formatted(field, minimum, size));
        }
    }

    /** Requires a size between the two bounds, both included. */
    public void requireBetween(int minimum, int maximum) throws MalformedPacket {
        if (size < minimum || size > maximum) {
            throw malformed("size is 0x%X, expected 0x%X to 0x%X".formatted(size, minimum, maximum));
        }
    }

    private void check(int offset, int length, String field) throws MalformedPacket {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw malformed("%s at 0x%X (%d bytes) lies past the end of a 0x%X-byte packet".formatted(field, offset, length, size));
        }
    }

    public int u8(int offset, String field) throws MalformedPacket {
        check(offset, 1, field);
        return data[offset] & 0xFF;
    }

    public int u16(int offset, String field) throws MalformedPacket {
        check(offset, 2, field);
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
    }

    /** A little-endian u32 as a Java int (callers use Integer.toUnsignedLong where the sign matters). */
    public int u32(int offset, String field) throws MalformedPacket {
        check(offset, 4, field);
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8 | (data[offset + 2] & 0xFF) << 16 | (data[offset + 3] & 0xFF) << 24;
    }

    public long u64(int offset, String field) throws MalformedPacket {
        return (u32(offset, field) & 0xFFFFFFFFL) | ((long) u32(offset + 4, field)) << 32;
    }

    public float f32(int offset, String field) throws MalformedPacket {
        return Float.intBitsToFloat(u32(offset, field));
    }

    public byte[] bytes(int offset, int length, String field) throws MalformedPacket {
        check(offset, length, field);
        byte[] out = new byte[length];
        System.arraycopy(data, offset, out, 0, length);
        return out;
    }

    /** Bytes from {@code offset} to the end of the packet (may be empty). */
    public byte[] rest(int offset) {
        if (offset >= size) return new byte[0];
        byte[] out = new byte[size - offset];
        System.arraycopy(data, offset, out, 0, out.length);
        return out;
    }

    /** ASCII in a fixed field, up to the first NUL. */
    public String ascii(int offset, int length, String field) throws MalformedPacket {
        check(offset, length, field);
        int end = offset;
        while (end < offset + length && data[end] != 0) end++;
        return new String(data, offset, end - offset, StandardCharsets.ISO_8859_1);
    }

    /** UTF-16LE in a field of at most {@code maxBytes} (clipped to the packet end), up to the first NUL unit. */
    public String utf16(int offset, int maxBytes, String field) throws MalformedPacket {
        check(offset, 0, field);
        int limit = Math.min(size, offset + maxBytes);
        int end = offset;
        while (end + 1 < limit && (data[end] != 0 || data[end + 1] != 0)) end += 2;
        return decodeUtf16(data, offset, end);
    }

    /**
     * The UTF-16LE units from {@code from} to {@code to}, decoded by hand: new String(bytes, UTF_16LE) makes a decoder
     * at every call, and a login decodes a block list and a lobby's names. Text with surrogates goes to the JDK's
     * decoder, which decides what half a pair becomes (U+FFFD), so the result is the same either way.
     */
    static String decodeUtf16(byte[] data, int from, int to) {
        char[] units = new char[(to - from) / 2];
        for (int i = 0; i < units.length; i++) {
            char unit = (char) ((data[from + 2 * i] & 0xFF) | (data[from + 2 * i + 1] & 0xFF) << 8);
            if (Character.isSurrogate(unit)) return new String(data, from, to - from, StandardCharsets.UTF_16LE);
            units[i] = unit;
        }
        return new String(units);
    }

    /** UTF-16LE from {@code offset} to the first NUL unit or the end of the packet. */
    public String utf16(int offset, String field) throws MalformedPacket {
        return utf16(offset, Integer.MAX_VALUE - offset, field);
    }

    /**
     * UTF-16LE from {@code offset} to the first NUL unit or the end of the packet, cut to what a packet of
     * {@link PacketWriter#MAX_SIZE} can carry at {@code offset} after {@code prefixChars} units of its own (a marker
     * the codec adds), so that the text encodes again as it came.
     */
    public String utf16ToEnd(int offset, int prefixChars, String field) throws MalformedPacket {
        return PacketWriter.fit(utf16(offset, field), PacketWriter.textRoom(offset) - prefixChars);
    }

    /**
     * The text of a NUL-terminated UTF-16LE field of {@code fieldBytes} that starts with a language marker, without
     * the marker (it may be missing) and cut to what {@link PacketWriter#markedUtf16} writes back: a field holds
     * {@code fieldBytes / 2 - 3} units of text after the marker and before the NUL.
     */
    public String markedUtf16(int offset, int fieldBytes, String field) throws MalformedPacket {
        String text = Texts.stripMarker(utf16(offset, fieldBytes - 2, field));
        return PacketWriter.fit(text, (fieldBytes - 2) / 2 - Texts.ENGLISH.length());
    }
}
