package dev.shipctl.protocol.packet.lobby;

import dev.shipctl.protocol.PacketCommand;
import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.codec.PacketCodec;
import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.codec.PacketReader;
import dev.shipctl.protocol.codec.PacketWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 0x61 player data (C→S), the answer to the block's 0x95, in the form the genuine Blue Burst client sends: header
 * flag 3 (the format version: 1 DC v1, 2 PC, 3 GC/Xbox/BB, 4 Episode 3) and at least 0x82C bytes, 0x830 when the
 * auto-reply is off. Offsets from the start of the packet (field names from newserv's C_CharacterData_BB_61_98), and
 * where {@link #from} takes each field from:
 * <pre>
 * 0x008 inventory (0x34C)                       E7 0x0008
 * 0x354 display data (0x190)                    E7 0x0354
 * 0x4E4 u32 client id of the records            0, as the real client sends it on entering a block
 * 0x4E8 challenge records (0x140)               E7 0x2CC0
 * 0x628 battle records (0x18)                   E7 0x2CA4
 * 0x640 choice search config (0x18)             E7 0x2E28
 * 0x658 info board (UTF-16, 0x158)              E7 0x2B4C
 * 0x7B0 blocked senders (30 u32 guild cards)    0: they live in the client's guild card file, not in the E7
 * 0x828 u32 auto-reply enabled                  1 if the E7's auto-reply (0x29F4) is not empty, else 0
 * 0x82C auto-reply: UTF-16 up to and with its NUL, padded to 4 (4 zero bytes when off)
 * </pre>
 * Why this form and not shipctl's earlier 0x370 bytes (the header, the inventory and the first 0x1C bytes of the
 * display data, copied from the E7):
 * <ul>
 * <li>It is what the genuine client sends: a decrypted 2022 session in newserv's tests has 0x830-byte 61s with flag
 * 3, and {@link #from} rebuilds them byte for byte from the E7s before them.
 * <li>newserv (935a2048, {@code on_61_98}) requires at least 0x824 bytes after the header on BB and drops a client
 * that sends fewer ("command too small"): the 0x370 form would fail there. newserv keeps its own inventory and
 * display data but saves the records, the choice search config and the info board from the 61, takes the blocked
 * senders for the session, and clears the saved auto-reply when the flag at 0x828 is 0. Copying these from the E7
 * (which newserv filled from its own save) leaves the player's data as it was; inferring the auto-reply flag from
 * its text is newserv's own model (C7 stores the text, C8 clears it), not something a log has shown. (newserv
 * 935a2048 no longer sends 0x95 to BB clients, the 2022 one did; the 0x98 on leaving a game has the same format.)
 * <li>Tethealla and PSONOVA read only bytes 0x362..0x36B (stats inside the display data, the same in both forms)
 * and check no size (a packet may have up to 64000 bytes).
 * </ul>
 * The decoder accepts both this form and the old 0x370 one (kept in captures of shipctl's own traffic).
 *
 * @param formatVersion the header flag
 * @param body the bytes after the 8-byte header
 */
@PacketCommand(Command.CLIENT_PLAYER_DATA)
public record ClientPlayerData(int formatVersion, byte[] body) implements Packet {
    public static final int FORMAT_VERSION = 3;
    /** Size of the client's form up to the auto-reply text (newserv's minimum). */
    public static final int FIXED_SIZE = 0x82C;
    /** Size of shipctl's earlier form: inventory and the first 0x1C bytes of the display data. */
    public static final int OLD_SIZE = 0x370;

    private static final int AUTO_REPLY_ENABLED = 0x828, AUTO_REPLY = FIXED_SIZE, AUTO_REPLY_FIELD = 0x158;

    /** A field of the E7 the client copies into its 61. */
    private record Copied(int fromE7, int to, int length) {}

    private static final List<Copied> FROM_E7 = List.of(
            new Copied(ServerFullCharacter.INVENTORY, 0x008, 0x34C),
            new Copied(ServerFullCharacter.DISPLAY_DATA, 0x354, 0x190),
            new Copied(ServerFullCharacter.CHALLENGE_RECORDS, 0x4E8, 0x140),
            new Copied(ServerFullCharacter.BATTLE_RECORDS, 0x628, 0x18),
            new Copied(ServerFullCharacter.CHOICE_SEARCH, 0x640, 0x18),
            new Copied(ServerFullCharacter.INFO_BOARD, 0x658, 0x158));

    public static final PacketCodec<ClientPlayerData> CODEC = new PacketCodec<>() {
        @Override
        public ClientPlayerData decode(PacketReader in) throws MalformedPacket {
            if (in.size() != OLD_SIZE && (in.size() < FIXED_SIZE || in.size() > 0xFFFF)) {
                throw in.malformed("size is 0x%X, expected 0x%X to 0xFFFF (or shipctl's old 0x%X)"
                        .formatted(in.size(), FIXED_SIZE, OLD_SIZE));
            }
            return new ClientPlayerData(in.flag(), in.rest(8));
        }

        @Override
        public byte[] encode(ClientPlayerData p) {
            return new PacketWriter(p.command(), 8 + p.body.length).flag(p.formatVersion).bytes(8, p.body).toByteArray();
        }
    };

    public ClientPlayerData {
        int size = 8 + body.length;
        if (size != OLD_SIZE && (size < FIXED_SIZE || size > 0xFFFF)) {
            throw new IllegalArgumentException("a 0x61 has 0x%X to 0xFFFF bytes (or 0x%X), not 0x%X"
                    .formatted(FIXED_SIZE, OLD_SIZE, size));
        }
        body = body.clone();
    }

    /** The answer the genuine client gives, built from the character it received. */
    public static ClientPlayerData from(ServerFullCharacter character) {
        byte[] autoReply = upToNul(character.region(ServerFullCharacter.AUTO_REPLY, AUTO_REPLY_FIELD));
        PacketWriter w = new PacketWriter(Command.CLIENT_PLAYER_DATA, FIXED_SIZE + PacketWriter.roundUp(autoReply.length + 2, 4));
        for (Copied c : FROM_E7) w.bytes(c.to, character.region(c.fromE7, c.length));
        byte[] packet = w.u32(AUTO_REPLY_ENABLED, autoReply.length > 0 ? 1 : 0).bytes(AUTO_REPLY, autoReply).toByteArray();
        return new ClientPlayerData(FORMAT_VERSION, Arrays.copyOfRange(packet, 8, packet.length));
    }

    /** UTF-16LE code units before the first NUL unit. */
    private static byte[] upToNul(byte[] utf16) {
        int end = 0;
        while (end + 1 < utf16.length && (utf16[end] != 0 || utf16[end + 1] != 0)) end += 2;
        return Arrays.copyOf(utf16, end);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Whether this is the client's form (false: shipctl's old 0x370 form). */
    public boolean clientForm() {
        return 8 + body.length >= FIXED_SIZE;
    }

    /** The auto-reply text as sent (markers such as "\tE" kept), empty when off or in the old form. */
    public Optional<String> autoReply() {
        if (!clientForm() || u32(AUTO_REPLY_ENABLED) == 0) return Optional.empty();
        byte[] text = upToNul(Arrays.copyOfRange(body, AUTO_REPLY - 8, body.length));
        return Optional.of(new String(text, StandardCharsets.UTF_16LE));
    }

    private int u32(int offset) {
        int at = offset - 8;
        return (body[at] & 0xFF) | (body[at + 1] & 0xFF) << 8 | (body[at + 2] & 0xFF) << 16 | (body[at + 3] & 0xFF) << 24;
    }


    @Override
    public String toString() {
        return "ClientPlayerData[version=%d, 0x%X bytes%s]".formatted(formatVersion, 8 + body.length,
                clientForm() ? autoReply().map(t -> ", auto-reply on").orElse("") : ", old form");
    }
}
