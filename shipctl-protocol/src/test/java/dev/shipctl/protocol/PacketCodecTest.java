package dev.shipctl.protocol;

import dev.shipctl.protocol.registry.Packets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.packet.character.CharacterSummary;
import dev.shipctl.protocol.packet.character.ClientCharacterSelect;
import dev.shipctl.protocol.packet.character.ClientCreateCharacter;
import dev.shipctl.protocol.packet.character.ClientRequestSystemFile;
import dev.shipctl.protocol.packet.character.ServerCharacterAck;
import dev.shipctl.protocol.packet.character.ServerCharacterPreview;
import dev.shipctl.protocol.packet.character.ServerSystemFile;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.chat.ClientSimpleMail;
import dev.shipctl.protocol.packet.chat.ServerBroadcast;
import dev.shipctl.protocol.packet.chat.ServerChat;
import dev.shipctl.protocol.packet.chat.ServerLobbyMessage;
import dev.shipctl.protocol.packet.chat.ServerShipInfo;
import dev.shipctl.protocol.packet.chat.ServerSimpleMail;
import dev.shipctl.protocol.packet.chat.ServerTextMessage;
import dev.shipctl.protocol.packet.chat.SimpleMail;
import dev.shipctl.protocol.packet.keepalive.ClientPing;
import dev.shipctl.protocol.packet.keepalive.ServerPing;
import dev.shipctl.protocol.packet.lobby.ClientChangeLobby;
import dev.shipctl.protocol.packet.lobby.ClientPlayerData;
import dev.shipctl.protocol.packet.lobby.LobbyJoin;
import dev.shipctl.protocol.packet.lobby.LobbyPlayer;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerLobbyAddPlayer;
import dev.shipctl.protocol.packet.lobby.ServerLobbyEvent;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import dev.shipctl.protocol.packet.lobby.ServerLobbyRemovePlayer;
import dev.shipctl.protocol.packet.lobby.ServerPlayerDataRequest;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ClientLogout;
import dev.shipctl.protocol.packet.login.ServerInit;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import dev.shipctl.protocol.packet.login.ServerTime;
import dev.shipctl.protocol.packet.menu.ClientMenuSelect;
import dev.shipctl.protocol.packet.menu.MenuEntry;
import dev.shipctl.protocol.packet.menu.ServerLobbyList;
import dev.shipctl.protocol.packet.menu.ServerMenu;
import dev.shipctl.protocol.packet.menu.ServerShipList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each codec: record → bytes → record, the exact sizes of protocol-notes.md, and truncated input. */
class PacketCodecTest {
    static final byte[] KEY_A = sequence(0x30, 0x00);
    static final byte[] KEY_B = sequence(0x30, 0x80);

    static byte[] sequence(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (start + i);
        return b;
    }

    static ClientLogin login() {
        return new ClientLogin(ClientLogin.PLAYER_TAG, 42000001, ClientLogin.SUB_VERSION, 0, 0, 5, ClientLogin.CLIENT_CODE,
                0x12345678, "gmadmin", "secret", 0, 0, sequence(8, 1), sequence(0x28, 0x40));
    }

    static LobbyPlayer player(int i) {
        return new LobbyPlayer(42000001 + i, i, "Bot" + i, i == 0 ? 0xFF1D94F7 : 0xFFFFFFFF);
    }

    static LobbyJoin lobby(int players) {
        return new LobbyJoin(players - 1, 0, 0, 3, 1, 0, IntStream.range(0, players).mapToObj(PacketCodecTest::player).toList());
    }

    static SimpleMail mail() {
        return new SimpleMail(42000001, "GMBot", 42000002, "2026/11/27 22:48", "Server restart in 5 minutes");
    }

    /** One example per record type, with the size it must have on the wire (header included, unpadded). */
    static Stream<Arguments> examples() {
        List<Arguments> list = new ArrayList<>();
        list.add(Arguments.of(Direction.SERVER, new ServerInit(ServerInit.COPYRIGHT, "Tethealla Gate v.047", KEY_A, KEY_B, new byte[0]), 0xC8));
        list.add(Arguments.of(Direction.SERVER, new ServerInit(ServerInit.COPYRIGHT, "", KEY_A, KEY_B, new byte[0xB4]), 0x17C));
        list.add(Arguments.of(Direction.CLIENT, login(), 0xB4));
        list.add(Arguments.of(Direction.SERVER, new ServerSecurityData(0, 0x00010000, 42000001, 0x1234, sequence(0x28, 9), 1, 1), 0x44));
        list.add(Arguments.of(Direction.SERVER, new ServerRedirect(new byte[] {127, 0, 0, 1}, 12001), 0x10));
        list.add(Arguments.of(Direction.SERVER, new ServerMessageBox("\tEUsername or password is incorrect."), 0x58));
        list.add(Arguments.of(Direction.SERVER, new ServerTime("2026:11:27: 22:48:05.000"), 0x24));
        list.add(Arguments.of(Direction.CLIENT, new ClientLogout(), 8));
        list.add(Arguments.of(Direction.CLIENT, new ClientRequestSystemFile(), 8));
        list.add(Arguments.of(Direction.SERVER, new ServerSystemFile(sequence(0xAF0, 3)), 0xAF8));
        list.add(Arguments.of(Direction.CLIENT, new ClientCharacterSelect(2, true), 0x10));
        list.add(Arguments.of(Direction.SERVER, new ServerCharacterAck(2, ServerCharacterAck.EMPTY), 0x10));
        list.add(Arguments.of(Direction.CLIENT, new ClientCreateCharacter(CharacterSummary.create(1, "Bot", 3, 7)), 0x88));
        list.add(Arguments.of(Direction.SERVER, new ServerCharacterPreview(CharacterSummary.create(0, "GMBot", 0, 0)), 0x88));
        list.add(Arguments.of(Direction.SERVER, new ServerShipList(List.of(new MenuEntry(0x00200000, 0xFFFFFFF4, 4, "TETHEALLA"),
                new MenuEntry(ServerShipList.SHIP_MENU, 0xFFFFFFFF, 0, "TestShip (0)"))), 0x68));
        list.add(Arguments.of(Direction.SERVER, new ServerMenu(List.of(new MenuEntry(0, 0, 0, "01:TestShip"),
                new MenuEntry(0x00120000, 0xEFFFFFFF, 0, "BLOCK01"), new MenuEntry(0x00120000, 0xFFFFFF00, 0, "Ship Select"))), 0x90));
        list.add(Arguments.of(Direction.CLIENT, new ClientMenuSelect(0x00120000, 0xEFFFFFFF), 0x10));
        list.add(Arguments.of(Direction.SERVER, new ServerLobbyList(15, IntStream.range(0, 16)
                .mapToObj(i -> new ServerLobbyList.Lobby(0x001A0001, i, 0)).toList()), 0xC8));
        list.add(Arguments.of(Direction.SERVER, ServerFullCharacter.create(42000001, "GMBot", 9, 3, 5), 0x399C));
        list.add(Arguments.of(Direction.SERVER, new ServerPlayerDataRequest(), 8));
        list.add(Arguments.of(Direction.CLIENT, ClientPlayerData.from(ServerFullCharacter.create(42000001, "GMBot", 9, 3, 5)), 0x830));
        list.add(Arguments.of(Direction.CLIENT, new ClientPlayerData(3, sequence(0x368, 0)), 0x370)); // shipctl's old form
        list.add(Arguments.of(Direction.CLIENT, new ClientPlayerData(3, sequence(0x824, 1)), 0x82C)); // the shortest
        for (int n = 1; n <= LobbyJoin.MAX_PLAYERS; n++) {
            list.add(Arguments.of(Direction.SERVER, new ServerLobbyJoin(lobby(n)), 0x16 + n * 0x520));
        }
        list.add(Arguments.of(Direction.SERVER, new ServerLobbyAddPlayer(lobby(1)), 0x534));
        list.add(Arguments.of(Direction.SERVER, new ServerLobbyRemovePlayer(3, 0, 1), 0x0C));
        list.add(Arguments.of(Direction.SERVER, new ServerLobbyRemovePlayer(1, 6, 1, 0), 0x0C));
        list.add(Arguments.of(Direction.CLIENT, new ClientChangeLobby(0x001A0001, 4), 0x10));
        list.add(Arguments.of(Direction.SERVER, new ServerLobbyEvent(3), 8));
        list.add(Arguments.of(Direction.CLIENT, new ClientPing(), 8));
        list.add(Arguments.of(Direction.SERVER, new ServerPing(), 8));
        list.add(Arguments.of(Direction.SERVER, new ServerPing(sequence(8, 0x10)), 0x10));
        list.add(Arguments.of(Direction.CLIENT, new ClientChat(0, "$li"), 0x1C));
        list.add(Arguments.of(Direction.CLIENT, new ClientChat(42000001, "/announce"), 0x28));
        list.add(Arguments.of(Direction.SERVER, new ServerChat(1, 42000002, "Player1\t\tEhello"), 0x30));
        list.add(Arguments.of(Direction.SERVER, new ServerTextMessage("\tEBank: Common"), 0x30));
        list.add(Arguments.of(Direction.SERVER, new ServerLobbyMessage("\tEBlock is full."), 0x38));
        list.add(Arguments.of(Direction.SERVER, new ServerShipInfo("info"), 0x20));
        list.add(Arguments.of(Direction.CLIENT, new ClientSimpleMail(mail()), 0x45C));
        list.add(Arguments.of(Direction.SERVER, new ServerSimpleMail(mail()), 0x45C));
        list.add(Arguments.of(Direction.SERVER, new ServerBroadcast("[GM]GMBot: restart at 22:00"), 0x48));
        return list.stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void roundTripWithTheExactSize(Direction sender, Packet packet, int size) throws Exception {
        byte[] bytes = Packets.encode(packet);
        assertThat(bytes).hasSize(size);
        assertThat((bytes[0] & 0xFF) | (bytes[1] & 0xFF) << 8).as("size field").isEqualTo(size);
        assertThat((bytes[2] & 0xFF) | (bytes[3] & 0xFF) << 8).isEqualTo(packet.command().code());
        assertThat(packet.command().direction()).isEqualTo(sender);
        Packet back = Packets.decode(sender, bytes, bytes.length);
        assertThat(back).usingRecursiveComparison().isEqualTo(packet);
        assertThat(Packets.encode(back)).isEqualTo(bytes);
        // padding on the wire changes nothing: decode(size) over a longer buffer
        byte[] padded = Arrays.copyOf(bytes, (bytes.length + 7) & ~7);
        assertThat(Packets.encode(Packets.decode(sender, padded, bytes.length))).isEqualTo(bytes);
    }

    @Test
    void chatExampleFromTheNotes() {
        assertThat(Hex.bytes(Packets.encode(new ClientChat(0, "$li"))))
                .isEqualTo("1c 00 06 00 00 00 00 00 00 00 00 00 00 00 00 00 09 00 45 00 24 00 6c 00 69 00 00 00");
    }

    @Test
    void loginLayout() throws Exception {
        byte[] b = Packets.encode(login());
        assertThat(Hex.bytes(b, 0, 8)).isEqualTo("b4 00 93 00 00 00 00 00"); // what newserv's key detection looks for
        assertThat(b[0x10]).isEqualTo((byte) 0x41);
        assertThat(b[0x16]).isEqualTo((byte) 5);
        assertThat(b[0x17]).isEqualTo((byte) 0x0E);
        assertThat(new String(b, 0x1C, 7, StandardCharsets.US_ASCII)).isEqualTo("gmadmin");
        assertThat(new String(b, 0x4C, 6, StandardCharsets.US_ASCII)).isEqualTo("secret");
        assertThat(Arrays.copyOfRange(b, 0x8C, 0xB4)).isEqualTo(sequence(0x28, 0x40));
        assertThat(login().toString()).doesNotContain("secret");
        assertThat(new String(ClientLogin.versionConfig(), StandardCharsets.US_ASCII)).startsWith("TethVer12513\0");
    }

    @Test
    void menuFlagIsTheEntryCountMinusOne() {
        for (int n = 1; n <= 6; n++) {
            List<MenuEntry> entries = IntStream.range(0, n).mapToObj(i -> new MenuEntry(0x00120000, i, 0, "BLOCK0" + i)).toList();
            byte[] b = Packets.encode(new ServerMenu(entries));
            assertThat(b[4]).isEqualTo((byte) (n - 1));
            assertThat(b.length).isEqualTo((0x0A + n * MenuEntry.SIZE + 7) & ~7); // Tethealla's size
            for (int i = 0; i < n; i++) {
                int at = 8 + i * MenuEntry.SIZE;
                assertThat(b[at + 4]).isEqualTo((byte) i);
                assertThat(new String(b, at + 0x0A, 14, StandardCharsets.UTF_16LE)).isEqualTo("BLOCK0" + i);
            }
        }
    }

    @Test
    void menuTextMayFillTheWholeEntry() throws Exception {
        String seventeen = "ABCDEFGHIJKLMNOPQ"; // 0x22 bytes: Tethealla's u16 flags + UTF-16[0x11]
        ServerMenu menu = new ServerMenu(List.of(new MenuEntry(1, 2, 3, seventeen), new MenuEntry(4, 5, 6, "x")));
        byte[] b = Packets.encode(menu);
        assertThat(Packets.decode(Direction.SERVER, b, b.length)).isEqualTo(menu);
    }

    @Test
    void lobbyJoinLayout() {
        byte[] b = Packets.encode(new ServerLobbyJoin(lobby(2)));
        assertThat(b[4]).isEqualTo((byte) 2);
        assertThat(b[0x08]).isEqualTo((byte) 1); // client id
        assertThat(b[0x0B]).isEqualTo((byte) 3); // lobby
        int second = 0x14 + 0x520;
        assertThat(Hex.bytes(b, second + 4, 4)).isEqualTo("82 de 80 02"); // 42000002
        assertThat(new String(b, second + 0x20, 12, StandardCharsets.UTF_16LE)).isEqualTo("\tEBot1");
    }

    @Test
    void fullCharacterFields() {
        ServerFullCharacter c = ServerFullCharacter.create(42000001, "GMBot", 9, 3, 5);
        assertThat(c.name()).isEqualTo("GMBot");
        assertThat(c.guildCard()).isEqualTo(42000001);
        assertThat(c.level()).isEqualTo(9);
        assertThat(c.characterClass()).isEqualTo(3);
        assertThat(c.sectionId()).isEqualTo(5);
        byte[] b = c.data();
        assertThat(Hex.bytes(b, 0x36C, 2)).isEqualTo("09 00");
        assertThat(b[0x3A8]).isEqualTo((byte) 5);
        assertThat(b[0x3A9]).isEqualTo((byte) 3);
        assertThat(Hex.bytes(b, 0x19C8, 4)).isEqualTo("81 de 80 02");
        byte[] answer = Packets.encode(ClientPlayerData.from(c));
        assertThat(answer[4]).isEqualTo((byte) 3);
        // inventory and display data (level and, at 0x362..0x36B, the bytes Tethealla reads) at the E7's offsets
        assertThat(Arrays.copyOfRange(answer, 8, 0x4E4)).isEqualTo(Arrays.copyOfRange(b, 8, 0x4E4));
    }

    /** A server that counts padding (size 0x39A0) must not make shipctl send an E7 whose size field lies. */
    @Test
    void fullCharacterEncodesWithItsTrueSizeWhateverItCameWith() throws Exception {
        byte[] padded = Arrays.copyOf(ServerFullCharacter.create(42000001, "GMBot", 9, 3, 5).data(), 0x39A0);
        padded[0] = (byte) 0xA0;
        Packet decoded = Packets.decode(Direction.SERVER, padded, padded.length);
        byte[] encoded = Packets.encode(decoded);
        assertThat(encoded).hasSize(0x399C);
        assertThat(Hex.bytes(encoded, 0, 4)).isEqualTo("9c 39 e7 00");
    }

    @Test
    void mailLayout() {
        byte[] b = Packets.encode(new ClientSimpleMail(mail()));
        assertThat(Hex.bytes(b, 0x08, 4)).isEqualTo("00 00 01 00");
        assertThat(Hex.bytes(b, 0x5C, 4)).isEqualTo("09 00 45 00");
        assertThat(new String(b, 0x60, 12, StandardCharsets.UTF_16LE)).isEqualTo("Server");
    }

    @Test
    void textPacketsArePaddedToEight() {
        for (String text : List.of("", "a", "ab", "abc", "abcd", "abcde")) {
            byte[] b = Packets.encode(new ServerTextMessage(text));
            assertThat(b.length % 8).isZero();
            assertThat(b.length).isGreaterThanOrEqualTo(0x10 + 2 * text.length() + 2);
        }
    }

    @Test
    void unknownCommandsDecodeRaw() throws Exception {
        byte[] b = Hex.parse("0C 00 77 00 05 00 00 00 01 02 03 04");
        Packet p = Packets.decode(Direction.SERVER, b, b.length);
        assertThat(p).isEqualTo(new RawPacket(Direction.SERVER, 0x77, 5, Hex.parse("01 02 03 04")));
        assertThat(p.command()).isNull();
        assertThat(Packets.encode(p)).isEqualTo(b);
        // a number known in one direction only is raw in the other
        byte[] fromServer93 = Packets.encode(login());
        assertThat(Packets.decode(Direction.SERVER, fromServer93, fromServer93.length)).isInstanceOf(RawPacket.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 7})
    void sizeBelowTheHeaderIsRejected(int size) {
        assertThatThrownBy(() -> Packets.decode(Direction.SERVER, new byte[8], size)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void sizeBeyondTheBufferIsRejected() {
        assertThatThrownBy(() -> Packets.decode(Direction.SERVER, new byte[8], 9)).isInstanceOf(ProtocolException.BadFrameSize.class)
                .hasMessage("frame size 0x9 runs past the end of the 8 bytes given");
    }

    /** The frame reader's limit: what decodes also encodes (a 0xFFFF-byte chat would not). */
    @Test
    void sizeOverTheFrameLimitIsRejectedWhateverTheBuffer() throws Exception {
        byte[] chat = new byte[0xFFFF];
        chat[2] = 0x06;
        assertThat(Packets.decode(Direction.SERVER, chat, 64000)).isInstanceOf(ServerChat.class);
        for (int size : new int[] {64001, 0xFFFF}) {
            assertThatThrownBy(() -> Packets.decode(Direction.SERVER, chat, size)).isInstanceOf(ProtocolException.BadFrameSize.class)
                    .hasMessage("frame size 0x%X is over the limit of 64000 bytes", size);
        }
        assertThatThrownBy(() -> Packets.decode(Direction.SERVER, new byte[8], 0x10000 + 8)).hasMessageContaining("over the limit of 64000 bytes");
    }

    static Stream<Arguments> truncations() {
        return Stream.of(
                Arguments.of(Direction.CLIENT, login(), 0x0A, "player tag"),
                Arguments.of(Direction.CLIENT, login(), 0x0E, "guild card"),
                Arguments.of(Direction.CLIENT, login(), 0x16, "phase"),
                Arguments.of(Direction.CLIENT, login(), 0x30, "username"),
                Arguments.of(Direction.CLIENT, login(), 0x50, "password"),
                Arguments.of(Direction.CLIENT, login(), 0xB3, "client config"),
                Arguments.of(Direction.SERVER, new ServerInit(ServerInit.COPYRIGHT, "x", KEY_A, KEY_B, new byte[0]), 0x70, "server key"),
                Arguments.of(Direction.SERVER, new ServerInit(ServerInit.COPYRIGHT, "x", KEY_A, KEY_B, new byte[0]), 0xC7, "client key"),
                Arguments.of(Direction.SERVER, new ServerSecurityData(0, 1, 2, 3, new byte[0x28], 1, 1), 0x12, "guild card"),
                Arguments.of(Direction.SERVER, new ServerSecurityData(0, 1, 2, 3, new byte[0x28], 1, 1), 0x20, "client config"),
                Arguments.of(Direction.SERVER, new ServerSecurityData(0, 1, 2, 3, new byte[0x28], 1, 1), 0x43, "reserved"),
                Arguments.of(Direction.SERVER, new ServerRedirect(new byte[4], 1), 0x0A, "address"),
                Arguments.of(Direction.SERVER, new ServerRedirect(new byte[4], 1), 0x0D, "port"),
                Arguments.of(Direction.CLIENT, new ClientMenuSelect(1, 2), 0x0E, "item id"),
                Arguments.of(Direction.CLIENT, new ClientChangeLobby(1, 2), 0x0E, "lobby"),
                Arguments.of(Direction.CLIENT, new ClientCharacterSelect(1, true), 0x0E, "select"),
                Arguments.of(Direction.SERVER, new ServerCharacterAck(1, 1), 0x0B, "slot"),
                Arguments.of(Direction.CLIENT, new ClientCreateCharacter(CharacterSummary.create(0, "a", 0, 0)), 0x40, "visual"),
                Arguments.of(Direction.SERVER, new ServerCharacterPreview(CharacterSummary.create(0, "a", 0, 0)), 0x86, "play time"),
                Arguments.of(Direction.SERVER, ServerFullCharacter.create(1, "a", 0, 0, 0), 0x300, "level"),
                Arguments.of(Direction.SERVER, ServerFullCharacter.create(1, "a", 0, 0, 0), 0x3A0, "class"),
                Arguments.of(Direction.SERVER, ServerFullCharacter.create(1, "a", 0, 0, 0), 0x3D0, "name"),
                Arguments.of(Direction.SERVER, ServerFullCharacter.create(1, "a", 0, 0, 0), 0x1000, "guild card"),
                Arguments.of(Direction.SERVER, ServerFullCharacter.create(1, "a", 0, 0, 0), 0x3998, "the rest of the character"),
                Arguments.of(Direction.SERVER, new ServerLobbyJoin(lobby(1)), 0x0A, "disable udp"),
                Arguments.of(Direction.SERVER, new ServerLobbyJoin(lobby(1)), 0x12, "random seed"),
                Arguments.of(Direction.SERVER, new ServerLobbyJoin(lobby(2)), 0x600, "flag announces 2 players"),
                Arguments.of(Direction.SERVER, new ServerLobbyAddPlayer(lobby(1)), 0x400, "flag announces 1 players"),
                Arguments.of(Direction.SERVER, new ServerLobbyRemovePlayer(1, 0, 0), 0x0A, "disable udp"),
                Arguments.of(Direction.SERVER, new ServerLobbyRemovePlayer(1, 0, 0), 0x0B, "reserved"),
                Arguments.of(Direction.CLIENT, new ClientChat(0, "hi"), 0x0C, "guild card"),
                Arguments.of(Direction.SERVER, new ServerChat(1, 2, "a\tb"), 0x0A, "client id"),
                Arguments.of(Direction.SERVER, new ServerChat(1, 2, "a\tb"), 0x0F, "guild card"),
                Arguments.of(Direction.SERVER, new ServerTextMessage("hi"), 0x0C, "text"),
                Arguments.of(Direction.CLIENT, new ClientSimpleMail(mail()), 0x20, "to guild card"),
                Arguments.of(Direction.SERVER, new ServerSimpleMail(mail()), 0x100, "text"),
                Arguments.of(Direction.SERVER, new ServerMenu(List.of(new MenuEntry(0, 0, 0, "t"), new MenuEntry(1, 1, 0, "u"))), 0x40, "flag announces 2 entries"));
    }

    @ParameterizedTest
    @MethodSource("truncations")
    void truncatedInputNamesTheField(Direction sender, Packet packet, int cut, String field) {
        byte[] b = Arrays.copyOf(Packets.encode(packet), cut);
        b[0] = (byte) cut;
        b[1] = (byte) (cut >>> 8);
        assertThatThrownBy(() -> Packets.decode(sender, b, b.length)).isInstanceOf(MalformedPacket.class)
                .hasMessageContaining(field)
                .hasMessageStartingWith(Hex.command(packet.command().code()))
                .satisfies(e -> assertThat(((ProtocolException) e).command()).isEqualTo(packet.command().code()));
    }

    /** Every truncation of every fixed layout is a MalformedPacket that names what is missing, never another error. */
    @ParameterizedTest
    @MethodSource("examples")
    void everyTruncationOfAFixedLayoutIsMalformed(Direction sender, Packet packet, int size) {
        if (!hasFixedLayout(packet)) return;
        byte[] full = Packets.encode(packet);
        int step = size > 0x1000 ? 61 : 1;
        for (int cut = 8; cut < fixedEnd(packet, size); cut += step) {
            byte[] b = Arrays.copyOf(full, cut);
            final int c = cut;
            assertThatThrownBy(() -> Packets.decode(sender, b, b.length)).as("cut at 0x%X", c)
                    .isInstanceOf(MalformedPacket.class)
                    .hasMessageNotContaining("could not be decoded")
                    .hasMessageMatching("(?s).*( lies past the end | runs to 0x|flag announces ).*");
        }
    }

    /** Where the fixed layout ends: trailers, Tethealla's extra bytes and padding may be cut without harm. */
    static int fixedEnd(Packet p, int size) {
        return switch (p) {
            case ServerInit x -> ServerInit.BASE_SIZE;
            case ServerMenu m -> 8 + m.entries().size() * MenuEntry.SIZE;
            case ServerShipList m -> 8 + m.entries().size() * MenuEntry.SIZE;
            case ServerLobbyJoin j -> 0x14 + j.lobby().players().size() * LobbyPlayer.SIZE;
            default -> size;
        };
    }

    static boolean hasFixedLayout(Packet p) {
        return switch (p) {
            case ClientLogin x -> true;
            case ServerInit x -> true;
            case ServerSecurityData x -> true;
            case ServerRedirect x -> true;
            case ClientMenuSelect x -> true;
            case ClientChangeLobby x -> true;
            case ClientCharacterSelect x -> true;
            case ServerCharacterAck x -> true;
            case ClientCreateCharacter x -> true;
            case ServerCharacterPreview x -> true;
            case ServerFullCharacter x -> true;
            case ServerLobbyJoin x -> true;
            case ServerLobbyAddPlayer x -> true;
            case ServerLobbyRemovePlayer x -> true;
            case ClientSimpleMail x -> true;
            case ServerSimpleMail x -> true;
            case ServerMenu x -> true;
            case ServerShipList x -> true;
            default -> false;
        };
    }

    @Test
    void lobbyJoinRejectsMoreThanTwelvePlayers() {
        byte[] b = Packets.encode(new ServerLobbyJoin(lobby(1)));
        b[4] = 13;
        assertThatThrownBy(() -> Packets.decode(Direction.SERVER, b, b.length)).isInstanceOf(MalformedPacket.class)
                .hasMessageContaining("at most 12");
    }

    @Test
    void menuWithAHugeFlagIsMalformedNotAnAllocation() {
        byte[] b = Packets.encode(new ServerMenu(List.of(new MenuEntry(0, 0, 0, "t"))));
        b[4] = b[5] = b[6] = b[7] = (byte) 0xFF; // flag 0xFFFFFFFF → 2^32 entries
        assertThatThrownBy(() -> Packets.decode(Direction.SERVER, b, b.length)).isInstanceOf(MalformedPacket.class)
                .hasMessageContaining("flag announces 4294967296 entries");
    }
}
