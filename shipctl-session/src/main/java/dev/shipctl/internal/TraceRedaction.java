package dev.shipctl.internal;

import dev.shipctl.protocol.packet.login.ClientLogin;
import java.util.Arrays;

/**
 * What a {@link dev.shipctl.TraceListener} must not see: the password of every 0x93, and the security data that
 * lets a client into the block without it (the fast path, protocol notes §3.4): the token of every 0x93 and E6, the
 * client config of a 0x93 after first contact (it carries the server's random "sixtyfour"; the first contact's
 * version string stays readable) and the config of every E6. Blanked with zeros, in a copy.
 */
final class TraceRedaction {
    private static final int E6 = 0xE6;
    private static final int LOGIN = 0x93;
    /** E6: token at 0x14, config 0x18..0x3F. */
    private static final int E6_TOKEN = 0x14;
    private static final int E6_CONFIG_END = 0x40;

    private TraceRedaction() {}

    /** A client packet as a trace may show it. */
    static byte[] client(byte[] packet) {
        if (packet.length < ClientLogin.SIZE || command(packet) != LOGIN) return packet;
        byte[] copy = packet.clone();
        Arrays.fill(copy, 0x4C, 0x7C, (byte) 0); // password
        Arrays.fill(copy, 0x18, 0x1C, (byte) 0); // security token
        boolean firstContact = (copy[0x0C] | copy[0x0D] | copy[0x0E] | copy[0x0F]) == 0;
        if (!firstContact) Arrays.fill(copy, 0x8C, 0xB4, (byte) 0); // client config with the sixtyfour
        return copy;
    }

    /** A server packet as a trace may show it. */
    static byte[] server(byte[] packet) {
        if (packet.length < E6_CONFIG_END || command(packet) != E6) return packet;
        byte[] copy = packet.clone();
        Arrays.fill(copy, E6_TOKEN, E6_CONFIG_END, (byte) 0);
        return copy;
    }

    private static int command(byte[] packet) {
        return (packet[2] & 0xFF) | (packet[3] & 0xFF) << 8;
    }
}
