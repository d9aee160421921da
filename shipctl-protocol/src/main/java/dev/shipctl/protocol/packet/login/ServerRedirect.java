package dev.shipctl.protocol.packet.login;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/**
 * 0x19 redirect (S→C), size 0x10: {@code 0x08 u8[4]} IPv4 a.b.c.d, {@code 0x0C u16} port, zeros. The server keeps
 * the old connection open; the client closes it and connects to the new address.
 */
@PacketCommand(Command.SERVER_REDIRECT)
public record ServerRedirect(byte[] address, int port) implements Packet {
    public static final int SIZE = 0x10;

    public static final PacketCodec<ServerRedirect> CODEC = new PacketCodec<>() {
        @Override
        public ServerRedirect decode(PacketReader in) throws MalformedPacket {
            ServerRedirect p = new ServerRedirect(in.bytes(0x08, 4, "address"), in.u16(0x0C, "port"));
            in.requireAtLeast(SIZE, "reserved bytes 0x0E..0x0F");
            return p;
        }

        @Override
        public byte[] encode(ServerRedirect p) {
            return new PacketWriter(p.command(), SIZE).bytes(0x08, p.address).u16(0x0C, p.port).toByteArray();
        }
    };

    public ServerRedirect {
        if (address.length != 4) throw new IllegalArgumentException("an IPv4 address is 4 bytes");
    }

    /** The address in dotted form. */
    public String host() {
        return (address[0] & 0xFF) + "." + (address[1] & 0xFF) + "." + (address[2] & 0xFF) + "." + (address[3] & 0xFF);
    }


    @Override
    public String toString() {
        return "ServerRedirect[" + host() + ":" + port + "]";
    }
}
