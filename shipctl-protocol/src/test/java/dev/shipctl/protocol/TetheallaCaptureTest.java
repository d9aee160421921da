package dev.shipctl.protocol;

import dev.shipctl.protocol.registry.Packets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.captures.Captures.Captured;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.protocol.cipher.SyntheticTable;
import dev.shipctl.protocol.packet.character.ServerCharacterAck;
import dev.shipctl.protocol.packet.character.ServerCharacterPreview;
import dev.shipctl.protocol.packet.character.ServerSystemFile;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.chat.ServerBroadcast;
import dev.shipctl.protocol.packet.chat.ServerChat;
import dev.shipctl.protocol.packet.chat.ServerTextMessage;
import dev.shipctl.protocol.packet.lobby.ClientPlayerData;
import dev.shipctl.protocol.packet.lobby.LobbyPlayer;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerLobbyAddPlayer;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import dev.shipctl.protocol.packet.lobby.ServerLobbyRemovePlayer;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerInit;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import dev.shipctl.protocol.packet.login.ServerTime;
import dev.shipctl.protocol.packet.menu.MenuEntry;
import dev.shipctl.protocol.packet.menu.ServerLobbyList;
import dev.shipctl.protocol.packet.menu.ServerMenu;
import dev.shipctl.protocol.packet.menu.ServerShipList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The protocol core against bytes captured from a real Tethealla (kotori/Tethealla c88578a, see
 * src/test/resources/captures/README.md): every connection decrypts with the keys of its own 0x03, every packet
 * decodes, the fields are the ones the server holds, and the codecs that keep every byte re-encode exactly.
 */
class TetheallaCaptureTest {
    static final String SERVER = "tethealla";

    /** Records that keep every byte of the packet, so re-encoding must give the captured bytes back. */
    static final Set<Class<?>> BYTE_EXACT = Set.of(ServerInit.class, ClientLogin.class, ServerSecurityData.class,
            ServerRedirect.class, ServerMessageBox.class, ServerTime.class, ServerSystemFile.class, ServerCharacterAck.class,
            ServerCharacterPreview.class, ServerLobbyList.class,
            ServerFullCharacter.class, ClientPlayerData.class, ServerLobbyRemovePlayer.class, ServerTextMessage.class,
            ServerBroadcast.class, ClientChat.class);

    static Stream<String> stages() {
        return Captures.stages(SERVER).stream();
    }

    static Stream<Captured> packets() {
        return Captures.all(SERVER).stream();
    }

    @Test
    void everyConnectionWasCaptured() {
        assertThat(Captures.stages(SERVER)).contains("login", "char-1-data", "char-2-select", "char-3-ships", "ship", "block",
                "player1-block", "login-wrong-password");
        assertThat(Captures.all(SERVER)).hasSizeGreaterThan(90);
    }

    @ParameterizedTest
    @MethodSource("packets")
    void everyPacketDecodesAndByteExactCodecsReencode(Captured c) throws Exception {
        Packet p = c.decode();
        if (c.command() == 0x60 || c.command() == 0x15EA) {
            assertThat(p).isInstanceOf(RawPacket.class); // game sub-commands and team data: kept raw
            assertThat(Packets.encode(p)).isEqualTo(c.plain());
            return;
        }
        assertThat(p).as(c.toString()).isNotInstanceOf(RawPacket.class);
        assertThat(p.command().code()).isEqualTo(c.command());
        assertThat(p.command().direction()).isEqualTo(c.sender());
        if (BYTE_EXACT.contains(p.getClass())) {
            assertThat(Hex.bytes(Packets.encode(p))).as(c.toString()).isEqualTo(Hex.bytes(c.plain()));
        }
        if (p instanceof ServerMenu || p instanceof ServerShipList) {
            // menus: same size and bytes, except that Tethealla's 07 sets the byte after the title's text (0x32, newserv's
            // "episode" byte) to 8, which MenuEntry does not keep
            byte[] again = Packets.encode(p);
            byte[] expected = c.plain().clone();
            if (c.command() == 0x07) expected[0x32] = 0;
            assertThat(Hex.bytes(again)).as(c.toString()).isEqualTo(Hex.bytes(expected));
            assertThat(Packets.decode(Direction.SERVER, again, again.length)).isEqualTo(p);
        }
    }

    @Test
    void loginServer() throws Exception {
        ServerInit init = (ServerInit) Captures.packet(SERVER, "login", "00-S-03.hex").decode();
        assertThat(Captures.packet(SERVER, "login", "00-S-03.hex").plain()).hasSize(0xC8);
        assertThat(init.copyright()).isEqualTo(ServerInit.COPYRIGHT);
        assertThat(init.banner()).isEqualTo("Tethealla Gate v.047");
        assertThat(init.trailer()).isEmpty();

        ClientLogin login = (ClientLogin) Captures.packet(SERVER, "login", "01-C-93.hex").decode();
        assertThat(login.username()).isEqualTo("gmadmin");
        assertThat(login.subVersion()).isEqualTo(0x41);
        assertThat(login.clientConfig()).isEqualTo(ClientLogin.versionConfig());
        assertThat(login.toString()).doesNotContain("REDACTED");

        ServerSecurityData e6 = (ServerSecurityData) Captures.packet(SERVER, "login", "02-S-E6.hex").decode();
        assertThat(Captures.packet(SERVER, "login", "02-S-E6.hex").wire()).hasSize(0x48); // 0x44 padded to 8
        assertThat(e6.error()).isZero();
        assertThat(e6.guildCard()).isEqualTo(42000001);
        assertThat(e6.securityToken()).isZero();
        assertThat(e6.playerTag()).isEqualTo(0x00010000);

        ServerRedirect redirect = (ServerRedirect) Captures.packet(SERVER, "login", "03-S-19.hex").decode();
        assertThat(redirect.host()).isEqualTo("127.0.0.1");
        assertThat(redirect.port()).isEqualTo(12001);
    }

    @Test
    void wrongPasswordGetsTheServersMessageBox() throws Exception {
        ServerMessageBox box = (ServerMessageBox) Captures.packet(SERVER, "login-wrong-password", "02-S-1A.hex").decode();
        assertThat(box.text()).isEqualTo("\tEUsername or password is incorrect.");
    }

    @Test
    void characterServer() throws Exception {
        ServerSecurityData e6 = (ServerSecurityData) Captures.packet(SERVER, "char-1-data", "02-S-E6.hex").decode();
        assertThat(e6.guildCard()).isEqualTo(42000001);
        assertThat(e6.securityToken()).isNotZero(); // token T from 12001
        assertThat(Captures.packet(SERVER, "char-1-data", "04-S-E2.hex").plain()).hasSize(ServerSystemFile.SIZE);
        ServerCharacterPreview preview = (ServerCharacterPreview) Captures.packet(SERVER, "char-1-data", "06-S-E5.hex").decode();
        assertThat(preview.character().slot()).isZero();
        assertThat(preview.character().name()).isEqualTo("GMBot");
        assertThat(preview.character().level()).isZero();
        assertThat(preview.character().characterClass()).isLessThan(12);
        assertThat((ServerCharacterAck) Captures.packet(SERVER, "char-1-data", "08-S-E4.hex").decode())
                .isEqualTo(new ServerCharacterAck(1, ServerCharacterAck.EMPTY));
        assertThat((ServerCharacterAck) Captures.packet(SERVER, "char-2-select", "04-S-E4.hex").decode())
                .isEqualTo(new ServerCharacterAck(0, ServerCharacterAck.SELECTED));
        // the same token on every later connection of this login
        ServerSecurityData later = (ServerSecurityData) Captures.packet(SERVER, "char-3-ships", "02-S-E6.hex").decode();
        assertThat(later.securityToken()).isEqualTo(e6.securityToken());
    }

    @Test
    void shipListTimeAndWelcome() throws Exception {
        ServerTime time = (ServerTime) Captures.packet(SERVER, "char-3-ships", "03-S-B1.hex").decode();
        assertThat(time.time()).matches("\\d{4}:\\d\\d:\\d\\d: \\d\\d:\\d\\d:\\d\\d\\.000");

        Captured a0 = Captures.packet(SERVER, "char-3-ships", "04-S-A0.hex");
        ServerShipList ships = (ServerShipList) a0.decode();
        assertThat(ships.entries()).hasSize(2);
        assertThat(a0.plain()[4]).isEqualTo((byte) 1); // flag = entries - 1
        assertThat(ships.entries().getFirst()).isEqualTo(new MenuEntry(0x00200000, 0xFFFFFFF4, 4, "TETHEALLA"));
        MenuEntry ship = ships.ships().getFirst();
        assertThat(ship).isEqualTo(new MenuEntry(ServerShipList.SHIP_MENU, 0xFFFFFFFF, 0, "TestShip (0)"));
        assertThat(ServerShipList.shipName(ship)).isEqualTo("TestShip");
        assertThat(ServerShipList.players(ship)).contains(0);
        // player1 logged in while gmadmin was on the ship: the count shows it
        ServerShipList later = (ServerShipList) Captures.packet(SERVER, "player1-char-3-ships", "04-S-A0.hex").decode();
        assertThat(ServerShipList.players(later.ships().getFirst())).contains(1);

        ServerBroadcast welcome = (ServerBroadcast) Captures.packet(SERVER, "char-3-ships", "05-S-EE.hex").decode();
        assertThat(welcome.text()).isEqualTo("Tethealla test peer (loopback only)");
        ServerRedirect toShip = (ServerRedirect) Captures.packet(SERVER, "char-3-ships", "07-S-19.hex").decode();
        assertThat(toShip.port()).isEqualTo(5278);
    }

    @Test
    void shipBlockList() throws Exception {
        ServerInit init = (ServerInit) Captures.packet(SERVER, "ship", "00-S-03.hex").decode();
        assertThat(init.banner()).isEqualTo("Tethealla Ship v.144");
        Captured c07 = Captures.packet(SERVER, "ship", "03-S-07.hex");
        ServerMenu blocks = (ServerMenu) c07.decode();
        assertThat(blocks.title()).isEqualTo("01:TestShip");
        assertThat(blocks.items()).extracting(MenuEntry::text).containsExactly("BLOCK01", "BLOCK02", "Ship Select");
        assertThat(blocks.items()).extracting(MenuEntry::itemId).containsExactly(0xEFFFFFFF, 0xEFFFFFFE, 0xFFFFFF00);
        assertThat(c07.plain()[4]).isEqualTo((byte) 3); // flag = blocks + 1 = entries - 1
        ServerRedirect toBlock = (ServerRedirect) Captures.packet(SERVER, "ship", "05-S-19.hex").decode();
        assertThat(toBlock.port()).isEqualTo(5279);
    }

    @Test
    void blockEntry() throws Exception {
        Captured c83 = Captures.packet(SERVER, "block", "03-S-83.hex");
        assertThat(c83.plain()).hasSize(0xC8);
        ServerLobbyList lobbies = (ServerLobbyList) c83.decode();
        assertThat(lobbies.flag()).isEqualTo(15);
        assertThat(lobbies.lobbies()).hasSize(16).allSatisfy(l -> {
            assertThat(l.menuId()).isEqualTo(0x001A0001);
            assertThat(l.players()).isZero();
        });
        assertThat(lobbies.lobbies()).extracting(ServerLobbyList.Lobby::lobbyId).containsExactlyElementsOf(
                Stream.iterate(0, i -> i + 1).limit(16).toList());

        Captured e7 = Captures.packet(SERVER, "block", "04-S-E7.hex");
        assertThat(e7.plain()).hasSize(ServerFullCharacter.SIZE);
        ServerFullCharacter ch = (ServerFullCharacter) e7.decode();
        assertThat(ch.name()).isEqualTo("GMBot");
        assertThat(ch.guildCard()).isEqualTo(42000001);
        assertThat(ch.level()).isZero(); // 0-based: level 1
        assertThat(ch.characterClass()).isZero(); // HUmar, as make_chars.py created it
        assertThat(ch.sectionId()).isBetween(0, 9);
        ServerFullCharacter p1 = (ServerFullCharacter) Captures.packet(SERVER, "player1-block", "04-S-E7.hex").decode();
        assertThat(p1.name()).isEqualTo("Player1");
        assertThat(p1.guildCard()).isEqualTo(42000002);

        // the 0x61 shipctl sent in this capture was its old form: bytes 0x08..0x36F of the E7, flag 3. Today's answer
        // (the genuine client's form, 0x830 bytes) starts with the same bytes, so Tethealla's copy of 0x362..0x36B
        // reads the same; Tethealla answered the old form with the 67 below.
        Captured c61 = Captures.packet(SERVER, "block", "06-C-61.hex");
        assertThat(c61.plain()).hasSize(ClientPlayerData.OLD_SIZE);
        assertThat(Arrays.copyOfRange(c61.plain(), 8, ClientPlayerData.OLD_SIZE)).isEqualTo(Arrays.copyOfRange(e7.plain(), 8, 0x370));
        byte[] answer = Packets.encode(ClientPlayerData.from(ch));
        assertThat(answer).hasSize(0x830);
        assertThat(Arrays.copyOfRange(answer, 4, ClientPlayerData.OLD_SIZE)).isEqualTo(Arrays.copyOfRange(c61.plain(), 4, ClientPlayerData.OLD_SIZE));
    }

    @Test
    void lobbyJoinAddAndRemove() throws Exception {
        Captured c67 = Captures.packet(SERVER, "block", "07-S-67.hex");
        assertThat(c67.plain()).hasSize(0x16 + LobbyPlayer.SIZE); // Tethealla's two extra bytes
        ServerLobbyJoin join = (ServerLobbyJoin) c67.decode();
        assertThat(join.lobby().clientId()).isZero();
        assertThat(join.lobby().lobbyNumber()).isZero();
        assertThat(join.lobby().blockNumber()).isEqualTo(1);
        assertThat(join.lobby().players()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("GMBot");
            assertThat(p.guildCard()).isEqualTo(42000001);
            assertThat(p.clientId()).isZero();
        });
        int gmColour = join.lobby().players().getFirst().nameColor();

        Captured second = Captures.packet(SERVER, "player1-block", "07-S-67.hex");
        assertThat(second.plain()).hasSize(0x16 + 2 * LobbyPlayer.SIZE);
        ServerLobbyJoin both = (ServerLobbyJoin) second.decode();
        assertThat(both.lobby().clientId()).isEqualTo(1);
        assertThat(both.lobby().players()).extracting(LobbyPlayer::name).containsExactly("GMBot", "Player1");
        assertThat(both.lobby().players()).extracting(LobbyPlayer::guildCard).containsExactly(42000001, 42000002);
        // the global GM shows in a colour of its own
        assertThat(both.lobby().players().get(1).nameColor()).isNotEqualTo(gmColour);

        Captured c68 = Captures.packet(SERVER, "block", "10-S-68.hex");
        assertThat(c68.plain()).hasSize(0x534);
        ServerLobbyAddPlayer add = (ServerLobbyAddPlayer) c68.decode();
        assertThat(add.lobby().players()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Player1");
            assertThat(p.guildCard()).isEqualTo(42000002);
            assertThat(p.clientId()).isEqualTo(1);
        });

        List<ServerLobbyRemovePlayer> left = new ArrayList<>();
        for (Captured c : Captures.stage(SERVER, "block")) {
            if (c.command() == 0x69) {
                assertThat(c.plain()).hasSize(0x0C);
                left.add((ServerLobbyRemovePlayer) c.decode());
            }
        }
        assertThat(left).extracting(ServerLobbyRemovePlayer::clientId).contains(1);
        assertThat(left).allSatisfy(r -> assertThat(r.flag()).isZero()); // Tethealla leaves the flag 0
    }

    @Test
    void chatAndCommandReplies() throws Exception {
        ClientChat sent = (ClientChat) Captures.packet(SERVER, "player1-block", "09-C-06.hex").decode();
        assertThat(sent.text()).isEqualTo("hello from player1");
        ServerChat relayed = (ServerChat) Captures.packet(SERVER, "player1-block", "10-S-06.hex").decode();
        assertThat(relayed.senderClientId()).isEqualTo(1);
        assertThat(relayed.guildCard()).isEqualTo(42000002);
        assertThat(relayed.senderName()).isEqualTo("Player1");
        assertThat(relayed.message()).isEqualTo("hello from player1");

        List<String> replies = new ArrayList<>();
        for (Captured c : Captures.stage(SERVER, "block")) {
            if (c.command() == 0xB0) replies.add(((ServerTextMessage) c.decode()).text());
        }
        // "/bank" twice toggles the bank and back
        assertThat(replies).containsExactlyInAnyOrder("\tEBank: Common", "\tEBank: Character");
    }

    /**
     * A client can tell a wrong key table: the first packet decrypted with the right table reads exactly
     * {@code B4 00 93 00 00 00 00 00} (what newserv checks, §2.5), and with any other table it does not.
     */
    @Test
    void wrongKeyTableIsDetectable() throws Exception {
        byte[] loginHeader = Hex.parse("B4 00 93 00 00 00 00 00");
        byte[] e6Header = Hex.parse("44 00 E6 00 00 00 00 00");
        KeyTable right = KeyTable.tethealla();
        KeyTable standard = KeyTable.parse("tethealla-as-standard", asStandard(right.toNsk()));
        KeyTable synthetic = SyntheticTable.create();
        int checked = 0;
        for (String stage : Captures.stages(SERVER)) {
            List<Captured> conn = Captures.stage(SERVER, stage);
            ServerInit init = (ServerInit) conn.getFirst().decode();
            Captured login = conn.get(1);
            Captured reply = conn.get(2);
            assertThat(login.command()).isEqualTo(0x93);
            assertThat(firstBlock(right, init.clientKey(), login.wire())).isEqualTo(loginHeader);
            assertThat(firstBlock(right, init.serverKey(), reply.wire())).isEqualTo(stage.contains("wrong") ? Hex.parse("58 00 1A 00 00 00 00 00") : e6Header);
            for (KeyTable wrong : List.of(standard, synthetic)) {
                byte[] header = firstBlock(wrong, init.clientKey(), login.wire());
                assertThat(header).as(stage + " with " + wrong).isNotEqualTo(loginHeader);
                assertThat(header[2]).as(stage + " with " + wrong).isNotEqualTo((byte) 0x93);
                assertThat(firstBlock(wrong, init.serverKey(), reply.wire())).isNotEqualTo(e6Header);
            }
            // the right table with the other direction's key is wrong too
            assertThat(firstBlock(right, init.serverKey(), login.wire())).isNotEqualTo(loginHeader);
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    private static byte[] firstBlock(KeyTable table, byte[] key, byte[] wire) {
        byte[] header = Arrays.copyOf(wire, 8);
        BbCipher.fromServerKey(table, key).decrypt(header, 0, 8);
        return header;
    }

    /** The same words with subtype STANDARD: what a client with newserv's default-style handling would use. */
    private static byte[] asStandard(byte[] nsk) {
        byte[] copy = nsk.clone();
        copy[KeyTable.RAW_SIZE] = 0;
        return copy;
    }
}
