package dev.shipctl.protocol.packet.login;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/**
 * 0x03 server init (S→C, unencrypted, first on every connection). Tethealla: size 0xC8 with a banner such as
 * "Tethealla Gate v.047" at 0x54; newserv: 0x17C, no banner, a disclaimer after the keys (kept in {@code trailer}).
 *
 * <pre>
 * 0x08  char[0x4C] copyright (ASCII, NUL-terminated; newserv's field runs to 0x67)
 * 0x54  char[0x14] banner (no NUL; zeros on newserv)
 * 0x68  u8[0x30]   server key: seeds the cipher for S→C traffic
 * 0x98  u8[0x30]   client key: seeds the cipher for C→S traffic
 * 0xC8  ...        trailer (newserv's disclaimer)
 * </pre>
 */
@PacketCommand(Command.SERVER_INIT)
public record ServerInit(String copyright, String banner, byte[] serverKey, byte[] clientKey, byte[] trailer) implements Packet {
    public static final String COPYRIGHT = "Phantasy Star Online Blue Burst Game Server. Copyright 1999-2004 SONICTEAM.";
    public static final int BASE_SIZE = 0xC8;

    public static final PacketCodec<ServerInit> CODEC = new PacketCodec<>() {
        @Override
        public ServerInit decode(PacketReader in) throws MalformedPacket {
            return new ServerInit(in.ascii(0x08, 0x4C, "copyright"), in.ascii(0x54, 0x14, "banner"),
                    in.bytes(0x68, 0x30, "server key"), in.bytes(0x98, 0x30, "client key"), in.rest(BASE_SIZE));
        }

        @Override
        public byte[] encode(ServerInit p) {
            return new PacketWriter(p.command(), BASE_SIZE + p.trailer.length)
                    .ascii(0x08, 0x4C, p.copyright).ascii(0x54, 0x14, p.banner)
                    .bytes(0x68, p.serverKey).bytes(0x98, p.clientKey).bytes(BASE_SIZE, p.trailer).toByteArray();
        }
    };

    public ServerInit {
        if (serverKey.length != 0x30 || clientKey.length != 0x30) throw new IllegalArgumentException("keys are 48 bytes");
    }


    @Override
    public String toString() {
        return "ServerInit[banner=" + banner + ", trailer=" + trailer.length + " bytes]";
    }
}
