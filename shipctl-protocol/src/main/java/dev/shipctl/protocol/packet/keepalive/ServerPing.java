package dev.shipctl.protocol.packet.keepalive;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/**
 * 0x1D keepalive (S→C): header only on Tethealla; newserv's idle ping carries an 8-byte big-endian timestamp in
 * microseconds. Either way the client answers with {@link ClientPing}.
 */
@PacketCommand(Command.SERVER_PING)
public record ServerPing(byte[] payload) implements Packet {
    public static final PacketCodec<ServerPing> CODEC = new PacketCodec<>() {
        @Override
        public ServerPing decode(PacketReader in) {
            return new ServerPing(in.rest(8));
        }

        @Override
        public byte[] encode(ServerPing p) {
            return new PacketWriter(p.command(), 8 + p.payload.length).bytes(8, p.payload).toByteArray();
        }
    };

    public ServerPing() {
        this(new byte[0]);
    }


    @Override
    public String toString() {
        return "ServerPing[" + payload.length + " bytes]";
    }
}
