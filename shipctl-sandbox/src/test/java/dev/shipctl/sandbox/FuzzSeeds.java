package dev.shipctl.sandbox;

import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.fuzz.FrameScript;
import dev.shipctl.protocol.packet.character.CharacterSummary;
import dev.shipctl.protocol.packet.character.ClientCharacterSelect;
import dev.shipctl.protocol.packet.character.ClientCreateCharacter;
import dev.shipctl.protocol.packet.character.ClientRequestSystemFile;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.chat.ClientSimpleMail;
import dev.shipctl.protocol.packet.chat.SimpleMail;
import dev.shipctl.protocol.packet.keepalive.ClientPing;
import dev.shipctl.protocol.packet.lobby.ClientChangeLobby;
import dev.shipctl.protocol.packet.lobby.ClientPlayerData;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ClientLogout;
import dev.shipctl.protocol.packet.menu.ClientMenuSelect;
import dev.shipctl.protocol.packet.menu.MenuEntry;
import dev.shipctl.protocol.packet.menu.ServerLobbyList;
import dev.shipctl.protocol.packet.menu.ServerMenu;
import dev.shipctl.protocol.packet.menu.ServerShipList;
import dev.shipctl.sandbox.SandboxFuzzTest.Where;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the seed inputs of {@link SandboxFuzzTest}: what a real client sends at each point of the chain, with the
 * menu and lobby ids of a running sandbox. Not a test: it runs only when asked, see docs/fuzzing.md.
 */
@EnabledIfSystemProperty(named = "fuzz.writeSeeds", matches = "true")
class FuzzSeeds {
    static final Path DIR = Path.of("src/test/resources/dev/shipctl/sandbox/SandboxFuzzTestInputs/clientPackets");
    static final int GMADMIN = 0, PLAYER1 = 1, LOCALGM = 2;

    @Test
    void write() throws Exception {
        Files.createDirectories(DIR);
        MenuEntry ship, block;
        ServerLobbyList.Lobby lobby2;
        try (Sandbox sandbox = Sandbox.builder().loginPort(0).blocks(2).build().start()) {
            TestClient[] lobby = new TestClient[1];
            Chain chain = Chain.toLobby(sandbox, "player1", "player123", lobby);
            lobby[0].close();
            ServerShipList ships = find(chain.frames.get("char3"), ServerShipList.class);
            ship = ships.ships().getFirst();
            block = find(chain.frames.get("ship"), ServerMenu.class).entries().getFirst();
            lobby2 = find(chain.frames.get("block"), ServerLobbyList.class).lobbies().get(1);
        }
        byte[] config = ClientLogin.versionConfig();
        write("login-port-player1", Where.LOGIN_PORT, PLAYER1, login("player1", "player123", 0, config));
        write("login-port-wrong-password", Where.LOGIN_PORT, PLAYER1, login("player1", "nope", 0, config));
        write("login-port-old-client", Where.LOGIN_PORT, GMADMIN, login("gmadmin", "gmadmin123", 0, new byte[0x28]));
        write("login-port-logout", Where.LOGIN_PORT, GMADMIN, Packets.encode(new ClientLogout()));
        write("character-port-without-login", Where.CHARACTER_PORT, PLAYER1,
                Packets.encode(new ClientCharacterSelect(0, false)), Packets.encode(new ClientRequestSystemFile()));
        write("character-data-previews", Where.CHARACTER_DATA, PLAYER1, Packets.encode(new ClientRequestSystemFile()),
                Packets.encode(new ClientCharacterSelect(0, false)), Packets.encode(new ClientCharacterSelect(1, false)),
                Packets.encode(new ClientCharacterSelect(3, false)), Packets.encode(new ClientCharacterSelect(0, true)));
        write("character-select-then-ship", Where.CHARACTER_SELECT, PLAYER1, Packets.encode(new ClientCharacterSelect(0, true)),
                Packets.encode(new ClientMenuSelect(ship.menuId(), ship.itemId())));
        write("character-create-in-slot-1", Where.CHARACTER_SELECT, LOCALGM,
                Packets.encode(new ClientCreateCharacter(CharacterSummary.create(1, "Fuzzy", 3, 5))),
                Packets.encode(new ClientMenuSelect(ship.menuId(), ship.itemId())));
        write("ship-port-without-login", Where.SHIP_PORT, GMADMIN, Packets.encode(new ClientMenuSelect(block.menuId(), block.itemId())),
                Packets.encode(new ClientPing()));
        write("ship-choose-block", Where.SHIP_LOGGED_IN, PLAYER1, Packets.encode(new ClientMenuSelect(block.menuId(), block.itemId())));
        write("block-port-without-login", Where.BLOCK_PORT, PLAYER1, Packets.encode(new ClientPing()),
                Packets.encode(new ClientChat(0, "/bank")));
        write("lobby-player-chat-and-lobby-change", Where.LOBBY, PLAYER1, chat("hello"), Packets.encode(new ClientPing()),
                Packets.encode(new ClientChangeLobby(lobby2.menuId(), lobby2.lobbyId())), chat("/bank"),
                Packets.encode(new ClientPlayerData(ClientPlayerData.FORMAT_VERSION, new byte[ClientPlayerData.FIXED_SIZE - 8])), Packets.encode(new ClientLogout()));
        // one chat line per input: a second line within the same clock second falls to Tethealla's chat cooldown
        String[] commands = {"/bank", "/event 3", "/stfu 42000001", "/ban 42000002", "/ban", "/ipban 42000003", "/hwban -1,2",
            "/dc 42000003", "/dc", "/updatelocalgms", "/updatemasks", "/unknown 1,2,3"};
        for (String command : commands) {
            write("lobby-gm-" + command.substring(1).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", ""), Where.LOBBY, GMADMIN, chat(command));
        }
        write("lobby-gm-announce-by-mail", Where.LOBBY, GMADMIN, chat("/announce"), mail(42000001, "Restart in 5 minutes$tonight"));
        write("lobby-gm-global-by-mail", Where.LOBBY, GMADMIN, chat("/global"), mail(42000001, "Global announcement"));
        write("lobby-local-gm-announce", Where.LOBBY, LOCALGM, chat("/announce"), mail(42000003, "local"));
        write("lobby-local-gm-dc", Where.LOBBY, LOCALGM, chat("/dc 42000001"));
        write("lobby-gm-dcall", Where.LOBBY, GMADMIN, chat("/dcall"));
    }

    private static <P extends Packet> P find(List<Frame> frames, Class<P> type) throws Exception {
        for (Frame f : frames) {
            if (f.command() == 0x03) continue;
            Packet p = Packets.decode(Direction.SERVER, f);
            if (type.isInstance(p)) return type.cast(p);
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " received");
    }

    private static byte[] login(String user, String password, int phase, byte[] config) {
        return Packets.encode(new ClientLogin(ClientLogin.PLAYER_TAG, 0, ClientLogin.SUB_VERSION, 0, ClientLogin.NO_SLOT, phase,
                ClientLogin.CLIENT_CODE, 0, user, password, 0, 0, new byte[8], config));
    }

    private static byte[] chat(String text) {
        return Packets.encode(new ClientChat(0, text));
    }

    private static byte[] mail(int to, String text) {
        return Packets.encode(new ClientSimpleMail(new SimpleMail(0, "Fuzz", to, "2026.12.06 12:00", text)));
    }

    private static void write(String name, Where where, int account, byte[]... packets) throws IOException {
        byte[] script = FrameScript.encode(new byte[] {(byte) where.ordinal(), (byte) account}, List.of(List.of(packets)));
        Files.write(DIR.resolve(name), script);
    }
}
