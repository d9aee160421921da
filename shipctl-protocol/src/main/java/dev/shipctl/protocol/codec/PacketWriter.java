package dev.shipctl.protocol.codec;

import dev.shipctl.protocol.Command;
import java.nio.charset.StandardCharsets;

/**
 * Little-endian writes at absolute offsets into a zero-filled packet of a fixed size (header included).
 * The header's size and command are written by the constructor; codecs set the flag and the fields.
 */
public final class PacketWriter {
    private final byte[] data;

    /** A packet of {@code size} bytes for a command of the table. */
    public PacketWriter(Command command, int size) {
        this(command.code(), size);
    }

    /** A packet of {@code size} bytes for any command number (servers and tests that write what has no record). */
    public PacketWriter(int command, int size) {
        if (size < 8 || size > 0xFFFF) throw new IllegalArgumentException("packet size " + size);
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

    /** UTF-16LE into a field of {@code maxBytes}, cut to fit with room left for a NUL unit when it fits. */
    public PacketWriter utf16(int offset, int maxBytes, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(b, 0, data, offset, Math.min(b.length, maxBytes));
        return this;
    }

    public byte[] toByteArray() {
        return data;
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
