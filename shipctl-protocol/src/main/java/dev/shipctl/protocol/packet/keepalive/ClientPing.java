package dev.shipctl.protocol.packet.keepalive;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/**
 * 0x1D keepalive (C→S), header only. The only packet that resets Tethealla's ship and block idle timer (dropped at
 * 180 s); never to be sent on Tethealla's login port 12000, which disconnects on it.
 */
@PacketCommand(Command.CLIENT_PING)
public record ClientPing() implements Packet {
    public static final PacketCodec<ClientPing> CODEC = new PacketCodec<>() {
        @Override
        public ClientPing decode(PacketReader in) {
            return new ClientPing();
        }

        @Override
        public byte[] encode(ClientPing p) {
            return new PacketWriter(p.command(), 8).toByteArray();
        }
    };

}
