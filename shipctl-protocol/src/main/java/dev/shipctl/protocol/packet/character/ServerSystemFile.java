package dev.shipctl.protocol.packet.character;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/** 0xE2 (S→C), size 0xAF8: system file (key config) and team data, kept as bytes. */
@PacketCommand(Command.SERVER_SYSTEM_FILE)
public record ServerSystemFile(byte[] body) implements Packet {
    public static final int SIZE = 0xAF8;

    public static final PacketCodec<ServerSystemFile> CODEC = new PacketCodec<>() {
        @Override
        public ServerSystemFile decode(PacketReader in) throws MalformedPacket {
            in.requireAtLeast(8);
            return new ServerSystemFile(in.rest(8));
        }

        @Override
        public byte[] encode(ServerSystemFile p) {
            return new PacketWriter(p.command(), 8 + p.body.length).bytes(8, p.body).toByteArray();
        }
    };


    @Override
    public String toString() {
        return "ServerSystemFile[" + body.length + " bytes]";
    }
}
