package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.packet.character.ClientCharacterSelect;
import dev.shipctl.protocol.packet.character.ServerCharacterAck;
import dev.shipctl.protocol.packet.character.ServerCharacterPreview;
import dev.shipctl.protocol.packet.chat.ServerBroadcast;
import dev.shipctl.protocol.packet.lobby.ClientPlayerData;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import dev.shipctl.protocol.packet.lobby.ServerPlayerDataRequest;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import dev.shipctl.protocol.packet.login.ServerTime;
import dev.shipctl.protocol.packet.menu.ClientMenuSelect;
import dev.shipctl.protocol.packet.menu.ServerLobbyList;
import dev.shipctl.protocol.packet.menu.ServerMenu;
import dev.shipctl.protocol.packet.menu.ServerShipList;
import java.util.LinkedHashMap;
import java.util.Map;

/** Walks the Tethealla chain (protocol notes §3.3) with {@link TestClient}s and keeps every frame per step. */
final class Chain {
    /** The security data a client carries between connections. */
    record Security(int guildCard, int token, byte[] config) {}

    final String user;
    final String password;
    Security security;
    /** Frames received per step: "login", "char1", "char2", "char3", "ship", "block". */
    final Map<String, java.util.List<Frame>> frames = new LinkedHashMap<>();
    ServerLobbyJoin joined;
    ServerFullCharacter character;

    Chain(String user, String password) {
        this.user = user;
        this.password = password;
    }

    static ClientLogin login(Security sec, String user, String password, int phase, int slot, byte[] config) {
        return new ClientLogin(ClientLogin.PLAYER_TAG, sec == null ? 0 : sec.guildCard(), ClientLogin.SUB_VERSION, 0, slot, phase,
                ClientLogin.CLIENT_CODE, sec == null ? 0 : sec.token(), user, password, 0, 0, new byte[8], config);
    }

    /** Login on 12000; returns the character port. */
    int loginPort(int port) throws Exception {
        try (TestClient c = TestClient.connect(port)) {
            c.send(login(null, user, password, 0, ClientLogin.NO_SLOT, ClientLogin.versionConfig()));
            ServerSecurityData e6 = c.expect(ServerSecurityData.class);
            security = new Security(e6.guildCard(), e6.securityToken(), e6.clientConfig());
            int next = c.expect(ServerRedirect.class).port();
            frames.put("login", c.received);
            return next;
        }
    }

    /** Connections #1 to #3 on the character port; returns the ship port. */
    int character(int port) throws Exception {
        try (TestClient c = TestClient.connect(port)) {
            c.send(login(security, user, password, 0, ClientLogin.NO_SLOT, security.config()));
            ServerSecurityData e6 = c.expect(ServerSecurityData.class);
            security = new Security(e6.guildCard(), e6.securityToken(), e6.clientConfig());
            c.send(new ClientCharacterSelect(0, false));
            c.expect(ServerCharacterPreview.class);
            frames.put("char1", c.received);
        }
        try (TestClient c = TestClient.connect(port)) {
            c.send(login(security, user, password, 1, 0, security.config()));
            c.expect(ServerSecurityData.class);
            c.send(new ClientCharacterSelect(0, true));
            assertThat(c.expect(ServerCharacterAck.class).result()).isEqualTo(ServerCharacterAck.SELECTED);
            frames.put("char2", c.received);
        }
        try (TestClient c = TestClient.connect(port)) {
            c.send(login(security, user, password, 4, 0, security.config()));
            c.expect(ServerSecurityData.class);
            c.expect(ServerTime.class);
            ServerShipList ships = c.expect(ServerShipList.class);
            c.expect(ServerBroadcast.class);
            c.send(new ClientMenuSelect(ships.ships().getFirst().menuId(), ships.ships().getFirst().itemId()));
            int next = c.expect(ServerRedirect.class).port();
            frames.put("char3", c.received);
            return next;
        }
    }

    /** Ship port: block list, select block {@code n}; returns the block port. */
    int ship(int port, int block) throws Exception {
        try (TestClient c = TestClient.connect(port)) {
            c.send(login(security, "", "", 5, 0, security.config()));
            c.expect(ServerSecurityData.class);
            ServerMenu menu = c.expect(ServerMenu.class);
            c.send(new ClientMenuSelect(menu.items().get(block - 1).menuId(), menu.items().get(block - 1).itemId()));
            int next = c.expect(ServerRedirect.class).port();
            frames.put("ship", c.received);
            return next;
        }
    }

    /** Block port up to the 67; the connection stays open. */
    TestClient block(int port) throws Exception {
        TestClient c = TestClient.connect(port);
        c.send(login(security, "", "", 5, 0, security.config()));
        c.expect(ServerSecurityData.class);
        c.expect(ServerLobbyList.class);
        character = c.expect(ServerFullCharacter.class);
        c.expect(ServerPlayerDataRequest.class);
        c.send(ClientPlayerData.from(character));
        joined = c.expect(ServerLobbyJoin.class);
        frames.put("block", c.received);
        return c;
    }

    /** The whole chain to a lobby of block 1. */
    static Chain toLobby(Sandbox sandbox, String user, String password, TestClient[] out) throws Exception {
        Chain chain = new Chain(user, password);
        int charPort = chain.loginPort(sandbox.loginPort());
        assertThat(charPort).isEqualTo(sandbox.characterPort());
        int shipPort = chain.character(charPort);
        assertThat(shipPort).isEqualTo(sandbox.shipPort());
        int blockPort = chain.ship(shipPort, 1);
        assertThat(blockPort).isEqualTo(sandbox.blockPort(1));
        out[0] = chain.block(blockPort);
        return chain;
    }

    static TestClient lobby(Sandbox sandbox, String user, String password) throws Exception {
        TestClient[] out = new TestClient[1];
        toLobby(sandbox, user, password, out);
        return out[0];
    }
}
