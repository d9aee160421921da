package dev.shipctl.protocol.packet.chat;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;
import dev.shipctl.protocol.Texts;

/**
 * 0x06 chat (C→S): {@code 0x08 u32 0, 0x0C u32 guild card, 0x10 UTF-16 "\tE" + text, NUL}, size rounded up to 4.
 * Tethealla recognises a command only when the unit at 0x14 is {@code '/'} (so the {@code "\tE"} marker is
 * required) and ignores packets whose size is above {@link #TETHEALLA_MAX_SIZE}.
 *
 * @param text the message as typed, without the language marker
 */
@PacketCommand(Command.CLIENT_CHAT)
public record ClientChat(int guildCard, String text) implements Packet {
    /** Tethealla silently drops chat packets larger than this. */
    public static final int TETHEALLA_MAX_SIZE = 0x100;

    public static final PacketCodec<ClientChat> CODEC = new PacketCodec<>() {
        @Override
        public ClientChat decode(PacketReader in) throws MalformedPacket {
            return new ClientChat(in.u32(0x0C, "guild card"), PacketWriter.fit(Texts.stripMarker(in.utf16(0x10, "text")),
                    PacketWriter.textRoom(0x10) - Texts.ENGLISH.length()));
        }

        @Override
        public byte[] encode(ClientChat p) {
            String wire = Texts.ENGLISH + p.text;
            int size = PacketWriter.roundUp(0x10 + PacketWriter.utf16Length(wire), 4);
            return new PacketWriter(p.command(), size).u32(0x0C, p.guildCard).utf16(0x10, size - 0x10, wire).toByteArray();
        }
    };

    /** The size this chat line has on the wire (before padding to 8). */
    public int encodedSize() {
        return PacketWriter.roundUp(0x10 + PacketWriter.utf16Length(Texts.ENGLISH + text), 4);
    }

}
