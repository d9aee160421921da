package dev.shipctl.protocol.packet.lobby;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.internal.PacketReader;
import dev.shipctl.protocol.internal.PacketWriter;

/**
 * 0x61 player data (C→S), 0x370 bytes, header flag = format version (3 from the real client). Tethealla copies only
 * bytes 0x362..0x36B of it; a body copied from bytes 0x08..0x36F of the 0xE7 works.
 */
public record ClientPlayerData(int formatVersion, byte[] body) implements Packet {
    public static final int SIZE = 0x370;
    public static final int FORMAT_VERSION = 3;

    public static final PacketCodec<ClientPlayerData> CODEC = new PacketCodec<>() {
        @Override
        public ClientPlayerData decode(PacketReader in) throws MalformedPacket {
            in.requireAtLeast(8);
            return new ClientPlayerData(in.flag(), in.rest(8));
        }

        @Override
        public byte[] encode(ClientPlayerData p) {
            return new PacketWriter(0x61, 8 + p.body.length).flag(p.formatVersion).bytes(8, p.body).toByteArray();
        }
    };

    /** The answer the game client gives, built from the character it received. */
    public static ClientPlayerData from(ServerFullCharacter character) {
        return new ClientPlayerData(FORMAT_VERSION, character.playerData());
    }

    @Override
    public Command command() {
        return Command.CLIENT_PLAYER_DATA;
    }

    @Override
    public String toString() {
        return "ClientPlayerData[version=" + formatVersion + ", " + body.length + " bytes]";
    }
}
