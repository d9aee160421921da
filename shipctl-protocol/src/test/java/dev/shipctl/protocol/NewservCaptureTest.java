package dev.shipctl.protocol;

import dev.shipctl.protocol.registry.Packets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.captures.Captures.Captured;
import dev.shipctl.protocol.packet.character.ServerCharacterAck;
import dev.shipctl.protocol.packet.chat.ServerBroadcast;
import dev.shipctl.protocol.packet.chat.ServerSimpleMail;
import dev.shipctl.protocol.packet.chat.ServerTextMessage;
import dev.shipctl.protocol.packet.keepalive.ServerPing;
import dev.shipctl.protocol.packet.lobby.ServerLobbyEvent;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerInit;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import dev.shipctl.protocol.packet.menu.MenuEntry;
import dev.shipctl.protocol.packet.menu.ServerLobbyList;
import dev.shipctl.protocol.packet.menu.ServerMenu;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The protocol core against bytes captured from a real newserv (see src/test/resources/captures/README.md): one port,
 * every connection keyed by its own 0x03 (the bundled Tethealla table, which newserv detects), every packet decodes,
 * and the fields are newserv's.
 */
class NewservCaptureTest {
    static final String SERVER = "newserv";

    /** Commands newserv sends that shipctl keeps raw (it never needs their contents). */
    static final Set<Integer> RAW = Set.of(0xC5, 0x60, 0x15EA, 0x02EA, 0x1FEA, 0x00DD);

    /** Server packets whose codec keeps their meaning but not newserv's exact padding. */
    static final Set<Class<?>> NOT_BYTE_EXACT_HERE = Set.of(ServerTextMessage.class, ServerMessageBox.class,
            dev.shipctl.protocol.packet.login.ServerTime.class);

    static Stream<String> stages() {
        return Captures.stages(SERVER).stream();
    }

    static Stream<Captured> packets() {
        return Captures.all(SERVER).stream();
    }

    static Captured first(String stage, int command) {
        return Captures.stage(SERVER, stage).stream().filter(c -> c.sender() == Direction.SERVER && c.command() == command)
                .findFirst().orElseThrow(() -> new AssertionError("no S " + Hex.command(command) + " in " + stage));
    }

    static List<Captured> all(String stage, Direction sender, int command) {
        return Captures.stage(SERVER, stage).stream().filter(c -> c.sender() == sender && c.command() == command).toList();
    }

    @Test
    void everyConnectionWasCaptured() {
        assertThat(Captures.stages(SERVER)).contains("login", "data-preview", "game", "player-login", "player-data-preview",
                "player-create", "player-game", "victim-game", "login-wrong-password", "login-banned");
    }

    @ParameterizedTest
    @MethodSource("packets")
    void everyPacketDecodes(Captured c) throws Exception {
        Packet p = c.decode();
        if (RAW.contains(c.command())) {
            assertThat(Packets.encode(p)).isEqualTo(c.plain());
            return;
        }
        assertThat(p).as(c.toString()).isNotInstanceOf(RawPacket.class);
        assertThat(p.command().code()).isEqualTo(c.command());
        if (NOT_BYTE_EXACT_HERE.contains(p.getClass())) {
            // shipctl encodes these as Tethealla does (text padded to 8, nothing after B1's NUL); newserv rounds text
            // to 4 bytes and sends 01 00 after B1's time string. Decoding what shipctl would encode gives the same packet.
            byte[] again = Packets.encode(p);
            assertThat(Packets.decode(c.sender(), again, again.length)).as(c.toString()).isEqualTo(p);
        } else if (TetheallaCaptureTest.BYTE_EXACT.contains(p.getClass())) {
            assertThat(Hex.bytes(Packets.encode(p))).as(c.toString()).isEqualTo(Hex.bytes(c.plain()));
        }
    }

    @Test
    void firstContact() throws Exception {
        Captured c03 = Captures.packet(SERVER, "login", "00-S-03.hex");
        assertThat(c03.plain()).hasSize(0x17C);
        ServerInit init = (ServerInit) c03.decode();
        assertThat(init.copyright()).isEqualTo(ServerInit.COPYRIGHT);
        assertThat(init.banner()).isEmpty();
        assertThat(new String(init.trailer(), StandardCharsets.US_ASCII)).contains("affiliated");

        ClientLogin login = (ClientLogin) Captures.packet(SERVER, "login", "01-C-93.hex").decode();
        assertThat(login.guildCard()).isZero();
        assertThat(login.clientConfig()).isEqualTo(ClientLogin.versionConfig());

        ServerSecurityData e6 = (ServerSecurityData) first("login", 0xE6).decode();
        assertThat(e6.error()).isZero();
        assertThat(Integer.toUnsignedLong(e6.guildCard())).isEqualTo(0x00A0A0A0L);
        assertThat(e6.securityToken()).isZero();
        // token 0: the config comes back pre-unscrambled for "adminbb" ('a' & 7 = 1: order 3 4 0 1 2), so the real
        // client's scramble restores the version string
        byte[] config = e6.clientConfig();
        int[] order = {3, 4, 0, 1, 2};
        byte[] scrambled = new byte[0x28];
        for (int z = 0; z < 5; z++) System.arraycopy(config, order[z] * 8, scrambled, z * 8, 8);
        assertThat(scrambled).isEqualTo(ClientLogin.versionConfig());

        ServerRedirect r = (ServerRedirect) first("login", 0x19).decode();
        assertThat(r.host()).isEqualTo("127.0.0.1");
        assertThat(r.port()).isEqualTo(22000);
    }

    @Test
    void everyLaterLoginEchoesTheVersionString() throws Exception {
        for (String stage : Captures.stages(SERVER)) {
            for (Captured c : all(stage, Direction.CLIENT, 0x93)) {
                assertThat(((ClientLogin) c.decode()).clientConfig()).as(c.toString()).isEqualTo(ClientLogin.versionConfig());
            }
        }
    }

    @Test
    void slotPreviewAndCreation() throws Exception {
        assertThat((ServerCharacterAck) first("player-data-preview", 0xE4).decode()).extracting(ServerCharacterAck::result)
                .isEqualTo(ServerCharacterAck.EMPTY);
        ServerCharacterAck created = (ServerCharacterAck) first("player-create", 0xE4).decode();
        assertThat(created.result()).isEqualTo(ServerCharacterAck.SELECTED); // newserv answers 1, Tethealla 0
        ClientLogin phase2 = (ClientLogin) all("player-create", Direction.CLIENT, 0x93).getFirst().decode();
        assertThat(phase2.phase()).isEqualTo(2);
        assertThat(created.slot()).isEqualTo(phase2.slot());
    }

    @Test
    void gamePhaseMainMenuAndLobby() throws Exception {
        ClientLogin phase4 = (ClientLogin) all("game", Direction.CLIENT, 0x93).getFirst().decode();
        assertThat(phase4.phase()).isEqualTo(4);
        ServerMenu menu = (ServerMenu) first("game", 0x07).decode();
        assertThat(menu.items()).extracting(MenuEntry::itemId).contains(0x11222211);
        assertThat(menu.items().stream().filter(e -> e.itemId() == 0x11222211).findFirst().orElseThrow().text()).isEqualTo("Go to lobby");
        ServerLobbyList lobbies = (ServerLobbyList) first("game", 0x83).decode();
        assertThat(lobbies.lobbies()).hasSizeGreaterThanOrEqualTo(15);
        ServerLobbyJoin join = (ServerLobbyJoin) first("game", 0x67).decode();
        assertThat(first("game", 0x67).plain()).hasSize(0x14 + join.lobby().players().size() * 0x520);
        assertThat(join.lobby().players()).extracting(p -> Integer.toUnsignedLong(p.guildCard())).contains(0x00A0A0A0L);
    }

    @Test
    void repliesAndRefusals() throws Exception {
        List<String> adminTexts = all("game", Direction.SERVER, 0xB0).stream().map(NewservCaptureTest::text).toList();
        assertThat(adminTexts).anyMatch(t -> t.contains("Unknown command"));
        assertThat(adminTexts).anyMatch(t -> t.endsWith("kicked off"));
        assertThat(adminTexts).anyMatch(t -> t.endsWith("banned"));
        List<String> playerTexts = all("player-game", Direction.SERVER, 0xB0).stream().map(NewservCaptureTest::text).toList();
        assertThat(playerTexts).contains("\tC6You do not have\npermission to\nrun this command.");
        List<String> broadcasts = all("player-game", Direction.SERVER, 0xEE).stream()
                .map(c -> decodeQuietly(c, ServerBroadcast.class).text()).toList();
        assertThat(broadcasts).anyMatch(t -> t.endsWith(": hello from shipctl")).contains("anonymous hello");
        ServerSimpleMail mail = decodeQuietly(first("player-game", 0x81), ServerSimpleMail.class);
        assertThat(mail.mail().text()).contains("mail hello");
        assertThat(decodeQuietly(first("game", 0xDA), ServerLobbyEvent.class).event()).isEqualTo(2);
        ServerMessageBox kicked = decodeQuietly(first("player-game", 0x1A), ServerMessageBox.class);
        assertThat(kicked.text()).contains("You have been kicked off the server.");
    }

    @Test
    void idlePingCarriesATimestamp() throws Exception {
        ServerPing ping = decodeQuietly(first("player-game", 0x1D), ServerPing.class);
        assertThat(ping.payload()).hasSize(8);
        List<Captured> answers = all("player-game", Direction.CLIENT, 0x1D);
        assertThat(answers.getFirst().plain()).hasSize(8);
    }

    @Test
    void loginErrors() throws Exception {
        ServerSecurityData wrong = (ServerSecurityData) first("login-wrong-password", 0xE6).decode();
        assertThat(wrong.error()).isEqualTo(3);
        assertThat(wrong.guildCard()).isEqualTo(-1);
        ServerSecurityData banned = (ServerSecurityData) first("login-banned", 0xE6).decode();
        assertThat(banned.error()).isEqualTo(6);
    }

    private static String text(Captured c) {
        return decodeQuietly(c, ServerTextMessage.class).text();
    }

    private static <P> P decodeQuietly(Captured c, Class<P> type) {
        try {
            return type.cast(c.decode());
        } catch (ProtocolException e) {
            throw new AssertionError(c + ": " + e.getMessage(), e);
        }
    }
}
