package dev.shipctl.protocol.packet.character;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/**
 * 0xE4 (S→C), size 0x10: {@code 0x08 i32 slot, 0x0C u32 result}. Result 0 created (Tethealla), 1 selected
 * (newserv also after a create), 2 the slot is empty.
 */
@PacketCommand(Command.SERVER_CHARACTER_ACK)
public record ServerCharacterAck(int slot, int result) implements Packet {
    public static final int SIZE = 0x10;
    public static final int CREATED = 0;
    public static final int SELECTED = 1;
    public static final int EMPTY = 2;

    public static final PacketCodec<ServerCharacterAck> CODEC = new PacketCodec<>() {
        @Override
        public ServerCharacterAck decode(PacketReader in) throws MalformedPacket {
            return new ServerCharacterAck(in.u32(0x08, "slot"), in.u32(0x0C, "result"));
        }

        @Override
        public byte[] encode(ServerCharacterAck p) {
            return new PacketWriter(p.command(), SIZE).u32(0x08, p.slot).u32(0x0C, p.result).toByteArray();
        }
    };

}
