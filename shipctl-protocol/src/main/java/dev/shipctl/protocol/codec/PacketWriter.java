package dev.shipctl.protocol.codec;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.frame.FrameReader;
import dev.shipctl.protocol.Texts;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian writes at absolute offsets into a zero-filled packet of a fixed size (header included).
 * The header's size and command are written by the constructor; codecs set the flag and the fields.
 */
public final class PacketWriter {
    /** The largest packet: what a frame reader on the other side accepts ({@link FrameReader#DEFAULT_MAX_FRAME}). */
    public static final int MAX_SIZE = FrameReader.DEFAULT_MAX_FRAME;

    private final byte[] data;

    /** A packet of {@code size} bytes for a command of the table. */
    public PacketWriter(Command command, int size) {
        this(command.code(), size);
    }

    /** A packet of {@code size} bytes for any command number (servers and tests that write what has no record). */
    public PacketWriter(int command, int size) {
        if (size < 8 || size > MAX_SIZE) {
            throw new IllegalArgumentException("packet size %d is outside 8..%d".formatted(size, MAX_SIZE));
        }
        data = new byte[size];
        u16(0, size);
        u16(2, command);
    }

    public PacketWriter flag(int flag) {
        return u32(4, flag);
    }

    public PacketWriter u8(int offset, int value) {
        data[offset] = (byte) value;
        return this;
    }

    public PacketWriter u16(int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
        return this;
    }

    public PacketWriter u32(int offset, int value) {
        data[offset] = (byte) value;
        data[offset + 1] = (byte) (value >>> 8);
        data[offset + 2] = (byte) (value >>> 16);
        data[offset + 3] = (byte) (value >>> 24);
        return this;
    }

    public PacketWriter u64(int offset, long value) {
        u32(offset, (int) value);
        return u32(offset + 4, (int) (value >>> 32));
    }

    public PacketWriter f32(int offset, float value) {
        return u32(offset, Float.floatToRawIntBits(value));
    }

    public PacketWriter bytes(int offset, byte[] value) {
        System.arraycopy(value, 0, data, offset, value.length);
        return this;
    }

    /** ASCII into a fixed field of {@code length} bytes, cut to fit, NUL-padded. */
    public PacketWriter ascii(int offset, int length, String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(b, 0, data, offset, Math.min(b.length, length));
        return this;
    }

    /** UTF-16LE into {@code maxBytes}, cut to fit ({@link #fit}); the NUL after it is the caller's room to leave. */
    public PacketWriter utf16(int offset, int maxBytes, String value) {
        String text = fit(value, maxBytes / 2);
        for (int i = 0; i < text.length(); i++) {
            char unit = text.charAt(i);
            if (Character.isSurrogate(unit)) {
                // the JDK's encoder decides what a lone half of a pair becomes (U+FFFD); the units before are the same
                byte[] b = text.getBytes(StandardCharsets.UTF_16LE);
                System.arraycopy(b, 0, data, offset, b.length);
                return this;
            }
            // the common case by hand: String.getBytes makes a new encoder for UTF-16 at every call
            data[offset + 2 * i] = (byte) unit;
            data[offset + 2 * i + 1] = (byte) (unit >>> 8);
        }
        return this;
    }

    /**
     * {@code "\tE"} and {@code text} into a NUL-terminated UTF-16LE field of {@code fieldBytes}, the text cut to fit;
     * {@link PacketReader#markedUtf16} reads it back.
     */
    public PacketWriter markedUtf16(int offset, int fieldBytes, String text) {
        return utf16(offset, fieldBytes - 2, Texts.ENGLISH + text);
    }

    public byte[] toByteArray() {
        return data;
    }

    /**
     * The first {@code maxChars} UTF-16 units of {@code value}, one fewer when the cut would split a surrogate pair
     * (half a pair decodes as U+FFFD, so the text would not come back).
     */
    public static String fit(String value, int maxChars) {
        if (value.length() <= maxChars) return value;
        int end = Math.max(0, maxChars);
        if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) end--;
        return value.substring(0, end);
    }

    /** How many UTF-16 units a NUL-terminated text at {@code offset} may have in a packet of at most {@link #MAX_SIZE}. */
    public static int textRoom(int offset) {
        return (MAX_SIZE - offset - 2) / 2;
    }

    /** Bytes of a UTF-16LE string plus its NUL unit. */
    public static int utf16Length(String value) {
        return value.length() * 2 + 2;
    }

    /** {@code n} rounded up to a multiple of {@code m} (a power of two). */
    public static int roundUp(int n, int m) {
        return (n + m - 1) & -m;
    }
}
