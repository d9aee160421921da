package dev.shipctl.protocol.packet.character;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/** 0xE0 (C→S), header only: asks for the system file. newserv requires exactly 8 bytes; Tethealla ignores any body. */
@PacketCommand(Command.CLIENT_REQUEST_SYSTEM_FILE)
public record ClientRequestSystemFile() implements Packet {
    public static final PacketCodec<ClientRequestSystemFile> CODEC = new PacketCodec<>() {
        @Override
        public ClientRequestSystemFile decode(PacketReader in) {
            return new ClientRequestSystemFile();
        }

        @Override
        public byte[] encode(ClientRequestSystemFile p) {
            return new PacketWriter(p.command(), 8).toByteArray();
        }
    };

}
