package dev.shipctl.protocol.frame;

import dev.shipctl.protocol.Hex;

/**
 * One decrypted packet as it came off the wire: header included, padding removed ({@code data.length} is the
 * header's size field). Frames are what traces record; {@link dev.shipctl.protocol.registry.Packets} turns them into records.
 */
public record Frame(byte[] data) {
    public int size() {
        return data.length;
    }

    public int command() {
        return (data[2] & 0xFF) | (data[3] & 0xFF) << 8;
    }

    public int flag() {
        return (data[4] & 0xFF) | (data[5] & 0xFF) << 8 | (data[6] & 0xFF) << 16 | (data[7] & 0xFF) << 24;
    }

    @Override
    public String toString() {
        return "Frame[" + Hex.command(command()) + ", size 0x" + Integer.toHexString(size()).toUpperCase() + "]";
    }
}
