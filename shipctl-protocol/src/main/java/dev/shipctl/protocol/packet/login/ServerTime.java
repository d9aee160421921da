package dev.shipctl.protocol.packet.login;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/**
 * 0xB1 server time (S→C): ASCII {@code "YYYY:MM:DD: HH:MM:SS.000"} at 0x08, size 0x24 on both servers. The text
 * field ends at 0x23, where a NUL stays; a longer packet's extra bytes are not part of the time.
 */
@PacketCommand(Command.SERVER_TIME)
public record ServerTime(String time) implements Packet {
    public static final int SIZE = 0x24;

    public static final PacketCodec<ServerTime> CODEC = new PacketCodec<>() {
        @Override
        public ServerTime decode(PacketReader in) throws MalformedPacket {
            in.requireAtLeast(8);
            return new ServerTime(in.ascii(0x08, Math.min(in.size(), SIZE - 1) - 8, "time"));
        }

        @Override
        public byte[] encode(ServerTime p) {
            return new PacketWriter(p.command(), SIZE).ascii(0x08, SIZE - 9, p.time).toByteArray();
        }
    };

}
