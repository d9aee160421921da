package dev.shipctl.protocol;

import java.util.HexFormat;

/** Hex helpers for messages and traces. */
public final class Hex {
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ");

    private Hex() {}

    /** "0x93", "0x01E8": how command words are written everywhere in shipctl. */
    public static String command(int command) {
        return command > 0xFF ? "0x%04X".formatted(command) : "0x%02X".formatted(command);
    }

    public static String bytes(byte[] data) {
        return SPACED.formatHex(data);
    }

    public static String bytes(byte[] data, int offset, int length) {
        return SPACED.formatHex(data, offset, offset + length);
    }

    public static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s:]", ""));
    }
}
