package dev.shipctl.protocol.packet.login;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.internal.TextPacket;

/**
 * 0x1A message box (S→C): UTF-16 text at 0x08, NUL-terminated (Tethealla prefixes {@code "\tE"}). Servers send it
 * for refused logins, kicks and bans, usually right before closing the connection.
 */
@PacketCommand(Command.SERVER_MESSAGE_BOX)
public record ServerMessageBox(String text) implements Packet {
    public static final PacketCodec<ServerMessageBox> CODEC = new PacketCodec<>() {
        @Override
        public ServerMessageBox decode(PacketReader in) throws MalformedPacket {
            return new ServerMessageBox(TextPacket.decode(in, 0x08));
        }

        @Override
        public byte[] encode(ServerMessageBox p) {
            return TextPacket.encode(p.command(), 0x08, p.text);
        }
    };

}
