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
 * 0x06 chat (S→C), relayed to everyone in the lobby, the sender included.
 * <pre>
 * 0x08 u8[2] 0 (Tethealla) | u32 0 (newserv)   0x0A u8 sender client id (Tethealla)
 * 0x0C u32 sender guild card                   0x10 UTF-16 name + "\t" + "\tE" + text, NUL
 * </pre>
 *
 * @param raw the UTF-16 text as sent, markers included; see {@link #senderName()} and {@link #message()}
 */
@PacketCommand(Command.SERVER_CHAT)
public record ServerChat(int senderClientId, int guildCard, String raw) implements Packet {
    public static final PacketCodec<ServerChat> CODEC = new PacketCodec<>() {
        @Override
        public ServerChat decode(PacketReader in) throws MalformedPacket {
            return new ServerChat(in.u8(0x0A, "client id"), in.u32(0x0C, "guild card"), in.utf16ToEnd(0x10, 0, "text"));
        }

        @Override
        public byte[] encode(ServerChat p) {
            int size = PacketWriter.roundUp(0x10 + PacketWriter.utf16Length(p.raw), 8);
            return new PacketWriter(p.command(), size).u8(0x0A, p.senderClientId).u32(0x0C, p.guildCard)
                    .utf16(0x10, size - 0x10, p.raw).toByteArray();
        }
    };

    /** The sender's name, without markers. */
    public String senderName() {
        String s = Texts.stripMarker(raw);
        int tab = s.indexOf('\t');
        return tab < 0 ? "" : s.substring(0, tab);
    }

    /** The message, without markers. */
    public String message() {
        String s = Texts.stripMarker(raw);
        int tab = s.indexOf('\t');
        return Texts.stripMarker(tab < 0 ? s : s.substring(tab + 1));
    }

}
