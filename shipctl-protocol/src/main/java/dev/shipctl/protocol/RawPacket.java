package dev.shipctl.protocol;

import java.util.Arrays;

/**
 * A packet shipctl has no record for (or chose not to decode): command, flag and the bytes after the header,
 * kept as they came so that traces and relays lose nothing.
 */
public record RawPacket(Direction sender, int code, int flag, byte[] body) implements Packet {
    public RawPacket {
        body = body.clone();
    }

    /** Always {@code null}: a raw packet has no entry in the command table. Use {@link #code()}. */
    @Override
    public Command command() {
        return null;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public byte[] encode() {
        byte[] out = new byte[8 + body.length];
        int size = out.length;
        out[0] = (byte) size;
        out[1] = (byte) (size >>> 8);
        out[2] = (byte) code;
        out[3] = (byte) (code >>> 8);
        for (int i = 0; i < 4; i++) out[4 + i] = (byte) (flag >>> (8 * i));
        System.arraycopy(body, 0, out, 8, body.length);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawPacket r && r.sender == sender && r.code == code && r.flag == flag && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return code * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "RawPacket[" + sender + " " + Hex.command(code) + ", flag " + flag + ", " + body.length + " bytes]";
    }
}
