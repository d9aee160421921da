package dev.shipctl.protocol.packet.login;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/**
 * 0xE6 security data (S→C), size 0x44: the answer to every accepted 0x93. The client copies guild card, token and
 * config into its next 0x93. newserv reports errors here (3 wrong password, 6 banned, 8 unknown user); Tethealla
 * always sends 0 and uses 0x1A instead.
 *
 * <pre>
 * 0x08 u32 error  0x0C u32 player tag  0x10 u32 guild card  0x14 u32 security token
 * 0x18 u8[0x28] client config          0x40 u8 can create team  0x41 u8 episode 4 unlocked
 * </pre>
 */
@PacketCommand(Command.SERVER_SECURITY_DATA)
public record ServerSecurityData(int error, int playerTag, int guildCard, int securityToken, byte[] clientConfig,
                                 int canCreateTeam, int episode4Unlocked) implements Packet {
    public static final int SIZE = 0x44;

    public static final PacketCodec<ServerSecurityData> CODEC = new PacketCodec<>() {
        @Override
        public ServerSecurityData decode(PacketReader in) throws MalformedPacket {
            ServerSecurityData p = new ServerSecurityData(in.u32(0x08, "error"), in.u32(0x0C, "player tag"),
                    in.u32(0x10, "guild card"), in.u32(0x14, "security token"), in.bytes(0x18, 0x28, "client config"),
                    in.u8(0x40, "can create team"), in.u8(0x41, "episode 4"));
            in.requireAtLeast(SIZE, "reserved bytes 0x42..0x43");
            return p;
        }

        @Override
        public byte[] encode(ServerSecurityData p) {
            return new PacketWriter(p.command(), SIZE).u32(0x08, p.error).u32(0x0C, p.playerTag).u32(0x10, p.guildCard)
                    .u32(0x14, p.securityToken).bytes(0x18, p.clientConfig).u8(0x40, p.canCreateTeam)
                    .u8(0x41, p.episode4Unlocked).toByteArray();
        }
    };

    public ServerSecurityData {
        if (clientConfig.length != 0x28) throw new IllegalArgumentException("client config is 0x28 bytes");
    }

    /**
     * newserv's E6 error codes as the game client words them (newserv CommandFormats.hh, S_ClientInit_BB_00E6).
     * newserv itself sends 3 (wrong password), 6 (banned) and 8 (no such account, when unregistered users are not
     * allowed); the others are the client's texts for codes a server may send.
     */
    public static String describeError(int error) {
        return switch (error) {
            case 0 -> "ok";
            case 1 -> "Server connection failed. The server may be under maintenance.";
            case 2, 3 -> "Incorrect Game ID or Game Password. (newserv: username or password is incorrect)";
            case 4 -> "This server is under maintenance.";
            case 5 -> "This Game ID is in use by another user.";
            case 6, 7 -> "This Game ID has been suspended. (newserv: the account is banned)";
            case 8 -> "No record for this Game ID. (newserv: no such account, and the server does not create new ones)";
            case 9 -> "Your paid time has expired.";
            case 10 -> "Data is locked; try again in 10 minutes.";
            case 11 -> "This program has not been updated.";
            default -> "login error " + error;
        };
    }


    @Override
    public String toString() {
        // the token lets a client into the block without a password (the fast path): never in logs
        return "ServerSecurityData[error=%d, gc=%d, token=%s]".formatted(error, Integer.toUnsignedLong(guildCard),
                securityToken == 0 ? "0" : "(hidden)");
    }
}
