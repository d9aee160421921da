package dev.shipctl.sandbox;

import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.codec.PacketWriter;
import dev.shipctl.protocol.Texts;
import dev.shipctl.protocol.packet.chat.ServerBroadcast;
import dev.shipctl.protocol.packet.chat.ServerTextMessage;
import dev.shipctl.protocol.packet.login.ServerInit;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import dev.shipctl.protocol.packet.menu.ServerLobbyList;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds S→C packets in the exact shapes the real Tethealla (kotori c88578a) sends, as recorded from the test peer
 * (see the captures in shipctl-protocol's src/test/resources/captures). Where Tethealla leaves uninitialised memory
 * in a field (the 0x67 seed word, the low half of the first record's player tag, a stray word in the 07 title, the 69
 * leader byte) the sandbox writes zeros.
 */
final class TethPackets {
    static final String GATE_BANNER = "Tethealla Gate v.047";
    static final String SHIP_BANNER = "Tethealla Ship v.144";
    /** The 0x20 bytes Tethealla puts before the "sixtyfour" in every E6 client config (the same for every account). */
    private static final byte[] CONFIG_PREFIX = dev.shipctl.protocol.Hex.parse(
            "38 3f 71 8d 34 37 7a bd 67 39 65 6b 2c b1 a5 7c 17 93 93 29 4a 90 e9 11 b8 b5 0e 77 41 30 9b 88");
    static final int PLAYER_TAG = 0x00010000;
    static final int LOBBY_MENU = 0x001A0001;
    static final int SHIP_MENU = 0x00120000;
    static final int SHIP_SELECT_ITEM = 0xFFFFFF00;
    static final int FIRST_BLOCK_ITEM = 0xEFFFFFFF;
    /** 0xA0 from a client (no record in the protocol module): show the ship list again. */
    static final int SHIP_LIST_REQUEST = 0xA0;
    /** 0xA1 from a client (no record in the protocol module): show the block list again. */
    static final int BLOCK_LIST_REQUEST = 0xA1;
    static final int LOBBIES = 15;
    static final int LOBBY_LIST_ENTRIES = 16;

    private TethPackets() {}

    static byte[] init(String banner, byte[] serverKey, byte[] clientKey) {
        return Packets.encode(new ServerInit(ServerInit.COPYRIGHT, banner, serverKey, clientKey, new byte[0]));
    }

    /** The E6 client config: 0x20 fixed bytes, then the sixtyfour at 0x38 (offset 0x20 of the config). */
    static byte[] config(long sixtyfour) {
        byte[] config = new byte[0x28];
        System.arraycopy(CONFIG_PREFIX, 0, config, 0, CONFIG_PREFIX.length);
        for (int i = 0; i < 8; i++) config[0x20 + i] = (byte) (sixtyfour >>> (8 * i));
        return config;
    }

    static byte[] securityData(int guildCard, int token, long sixtyfour) {
        return Packets.encode(new ServerSecurityData(0, PLAYER_TAG, guildCard, token, config(sixtyfour), 1, 1));
    }

    /** 0x1A with Tethealla's {@code "\tE"} marker. */
    static byte[] messageBox(String text) {
        return Packets.encode(new ServerMessageBox(Texts.ENGLISH + text));
    }

    /** 0xB0 with Tethealla's {@code "\tE"} marker. */
    static byte[] textMessage(String text) {
        return Packets.encode(new ServerTextMessage(Texts.ENGLISH + text));
    }

    /** 0x01 lobby message with the marker. */
    static byte[] lobbyMessage(String text) {
        return Packets.encode(new dev.shipctl.protocol.packet.chat.ServerLobbyMessage(Texts.ENGLISH + text));
    }

    /** 0xEE without marker (Tethealla's welcome text and announcements). */
    static byte[] broadcast(String text) {
        return Packets.encode(new ServerBroadcast(text));
    }

    private record Entry(int menu, int item, int flags, String text) {}

    /** A0 / 07 as Tethealla builds them: flag = entries − 1, 0x2C-byte entries, 8 zero bytes after the last. */
    private static byte[] menu(int command, List<Entry> entries) {
        PacketWriter w = new PacketWriter(command, 8 + entries.size() * 0x2C + 8).flag(entries.size() - 1);
        int at = 8;
        for (Entry e : entries) {
            w.u32(at, e.menu).u32(at + 4, e.item).u16(at + 8, e.flags).utf16(at + 0x0A, 0x20, e.text);
            at += 0x2C;
        }
        return w.toByteArray();
    }

    /** A0 ship list: title "TETHEALLA" (menu 0x00200000, item 0xFFFFFFF4, flags 4), one entry "<ship> (<players>)". */
    static byte[] shipList(String shipName, int players) {
        return menu(0xA0, List.of(new Entry(0x00200000, 0xFFFFFFF4, 4, "TETHEALLA"),
                new Entry(SHIP_MENU, 0xFFFFFFFF, 0, shipName + " (" + players + ")")));
    }

    /** 07 block list: title "01:<ship>", "BLOCK01".. (items 0xEFFFFFFF counting down), "Ship Select" (0xFFFFFF00). */
    static byte[] blockList(String shipName, int blocks) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(0, 0, 0, "01:" + shipName));
        for (int n = 1; n <= blocks; n++) entries.add(new Entry(SHIP_MENU, FIRST_BLOCK_ITEM - (n - 1), 0, "BLOCK%02d".formatted(n)));
        entries.add(new Entry(SHIP_MENU, SHIP_SELECT_ITEM, 0, "Ship Select"));
        return menu(0x07, entries);
    }

    /** 83: flag 15, 16 entries {0x001A0001, lobby index 0..15, 0}. */
    static byte[] lobbyList() {
        List<ServerLobbyList.Lobby> lobbies = new ArrayList<>();
        for (int i = 0; i < LOBBY_LIST_ENTRIES; i++) lobbies.add(new ServerLobbyList.Lobby(LOBBY_MENU, i, 0));
        return Packets.encode(new ServerLobbyList(LOBBIES, lobbies));
    }

    /** One lobby member as a 0x67/0x68 record needs it. */
    record Member(int guildCard, int clientId, StoredCharacter character, int nameColour) {}

    /** Tethealla's name colours in the 0x67 record (+0x3CC): global GM, local GM, everyone else. */
    static final int GM_COLOUR = 0xFF1D94F7, LOCAL_GM_COLOUR = 0xFFB0CEDE, PLAYER_COLOUR = 0xFFFFFFFF;

    /** 0x67 (size 0x16 + N·0x520) when {@code add} is false, else 0x68 with one record (0x534). */
    static byte[] lobbyJoin(boolean add, int clientId, int lobbyIndex, int block, int event, List<Member> members) {
        int size = 0x14 + members.size() * 0x520 + (add ? 0 : 2);
        PacketWriter w = new PacketWriter(add ? 0x68 : 0x67, size).flag(members.size())
                .u8(0x08, clientId).u8(0x0B, lobbyIndex).u8(0x0C, block).u8(0x0E, event);
        int at = 0x14;
        for (Member m : members) {
            w.u32(at, PLAYER_TAG).u32(at + 4, m.guildCard).u32(at + 0x1C, m.clientId)
                    .utf16(at + 0x20, 0x1E, Texts.ENGLISH + m.character.name()).u8(at + 0x40, 2)
                    .bytes(at + 0x44, m.character.inventory()).bytes(at + 0x390, m.character.display())
                    .u32(at + 0x3CC, m.nameColour);
            at += 0x520;
        }
        return w.toByteArray();
    }

    /** 69: size 0x0C, flag 0, client id of who left, leader 0, disable-UDP 1. */
    static byte[] lobbyRemove(int clientId) {
        return new PacketWriter(0x69, 0x0C).u8(0x08, clientId).u8(0x0A, 1).toByteArray();
    }

    /** 60 with sub-command 6F 84 (0x210 bytes, quest flags all clear), sent after 67. */
    static byte[] questFlags() {
        return new PacketWriter(0x60, 0x210).u8(0x08, 0x6F).u8(0x09, 0x84).toByteArray();
    }

    /**
     * 06 relay: client id at 0x0A, guild card at 0x0C, then {@code name + "\t" + text} as UTF-16, NUL, the size
     * padded to 8; the text is cut so that it ends before 0xC0.
     */
    static byte[] chat(int clientId, int guildCard, String name, String text) {
        String raw = name + "\t" + text;
        int maxUnits = (0xC0 - 0x10) / 2;
        if (raw.length() > maxUnits) raw = raw.substring(0, maxUnits);
        int size = PacketWriter.roundUp(0x10 + PacketWriter.utf16Length(raw), 8);
        return new PacketWriter(0x06, size).u8(0x0A, clientId).u32(0x0C, guildCard).utf16(0x10, size - 0x10, raw).toByteArray();
    }
}
