package dev.shipctl.protocol.packet.login;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;

/**
 * 0x93 login (C→S), size 0xB4, the same layout on every port (protocol notes §3.1). The password is never shown
 * by {@link #toString()}.
 *
 * <pre>
 * 0x08 u32 player tag 0x00010000      0x0C u32 guild card (0 on first contact)
 * 0x10 u32 sub-version (0x41)         0x14 u8 language  0x15 u8 slot (0xFF before a choice)
 * 0x16 u8 connection phase            0x17 u8 client code (0x0E)
 * 0x18 u32 security token             0x1C char[0x30] username   0x4C char[0x30] password
 * 0x7C u32 menu id                    0x80 u32 preferred lobby id
 * 0x84 u8[8] hardware id              0x8C u8[0x28] client config ("TethVer12513" on first contact)
 * </pre>
 */
@PacketCommand(Command.CLIENT_LOGIN)
public record ClientLogin(int playerTag, int guildCard, int subVersion, int language, int slot, int phase, int clientCode,
                          int securityToken, String username, String password, int menuId, int preferredLobby,
                          byte[] hardwareId, byte[] clientConfig) implements Packet {
    public static final int SIZE = 0xB4;
    public static final int PLAYER_TAG = 0x00010000;
    /** The sub-version byte Tethealla's login and character ports require. */
    public static final int SUB_VERSION = 0x41;
    public static final int CLIENT_CODE = 0x0E;
    /** The client-version string the first 0x93 carries in its client config; Tethealla's 12000 requires it. */
    public static final String VERSION_STRING = "TethVer12513";
    public static final int NO_SLOT = 0xFF;

    public static final PacketCodec<ClientLogin> CODEC = new PacketCodec<>() {
        @Override
        public ClientLogin decode(PacketReader in) throws MalformedPacket {
            return new ClientLogin(in.u32(0x08, "player tag"), in.u32(0x0C, "guild card"), in.u32(0x10, "sub-version"),
                    in.u8(0x14, "language"), in.u8(0x15, "slot"), in.u8(0x16, "phase"), in.u8(0x17, "client code"),
                    in.u32(0x18, "security token"), in.ascii(0x1C, 0x30, "username"), in.ascii(0x4C, 0x30, "password"),
                    in.u32(0x7C, "menu id"), in.u32(0x80, "preferred lobby"), in.bytes(0x84, 8, "hardware id"),
                    in.bytes(0x8C, 0x28, "client config"));
        }

        @Override
        public byte[] encode(ClientLogin p) {
            return new PacketWriter(p.command(), SIZE)
                    .u32(0x08, p.playerTag).u32(0x0C, p.guildCard).u32(0x10, p.subVersion)
                    .u8(0x14, p.language).u8(0x15, p.slot).u8(0x16, p.phase).u8(0x17, p.clientCode)
                    .u32(0x18, p.securityToken).ascii(0x1C, 0x30, p.username).ascii(0x4C, 0x30, p.password)
                    .u32(0x7C, p.menuId).u32(0x80, p.preferredLobby).bytes(0x84, p.hardwareId)
                    .bytes(0x8C, p.clientConfig).toByteArray();
        }
    };

    public ClientLogin {
        if (hardwareId.length != 8) throw new IllegalArgumentException("hardware id is 8 bytes");
        if (clientConfig.length != 0x28) throw new IllegalArgumentException("client config is 0x28 bytes");
    }

    /** The client config of a first contact: the version string, NUL-padded. */
    public static byte[] versionConfig() {
        byte[] config = new byte[0x28];
        byte[] v = VERSION_STRING.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(v, 0, config, 0, v.length);
        return config;
    }


    @Override
    public String toString() {
        return "ClientLogin[user=%s, password=(hidden), gc=%d, phase=%d, slot=%d, token=%s]"
                .formatted(username, Integer.toUnsignedLong(guildCard), phase, slot, securityToken == 0 ? "0" : "(hidden)");
    }
}
