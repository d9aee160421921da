package dev.shipctl.protocol.packet.login;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/** 0x05 logout (C→S), header only. Login, character and ship ports close on it. */
@PacketCommand(Command.CLIENT_LOGOUT)
public record ClientLogout() implements Packet {
    public static final PacketCodec<ClientLogout> CODEC = new PacketCodec<>() {
        @Override
        public ClientLogout decode(PacketReader in) {
            return new ClientLogout();
        }

        @Override
        public byte[] encode(ClientLogout p) {
            return new PacketWriter(p.command(), 8).toByteArray();
        }
    };

}
