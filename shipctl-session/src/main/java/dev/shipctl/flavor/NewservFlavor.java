package dev.shipctl.flavor;

import dev.shipctl.MenuItem;
import dev.shipctl.ServerFlavor;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.internal.ChainContext;
import dev.shipctl.internal.Connection;
import dev.shipctl.internal.LobbyConnection;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerInit;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import dev.shipctl.protocol.packet.menu.ClientMenuSelect;
import dev.shipctl.protocol.packet.menu.MenuEntry;
import dev.shipctl.protocol.packet.menu.ServerMenu;
import java.time.Duration;
import java.util.Optional;

/**
 * newserv (protocol notes §3.7): one port for everything. A first 0x93 gets E6 + 0x19 back to the same server;
 * a phase-4 0x93 then gets the character and the main menu, whose "Go to lobby" puts the client in a lobby.
 * Chat commands start with {@code $}.
 */
public final class NewservFlavor implements ServerFlavor {
    public static final NewservFlavor INSTANCE = new NewservFlavor();
    static final int MAIN_MENU = 0x11000011;
    static final int GO_TO_LOBBY = 0x11222211;

    private NewservFlavor() {}

    @Override
    public String name() {
        return "newserv";
    }

    /** newserv's 0x03 is 0x17C bytes (0x188 in 2022) with no banner and a disclaimer after the keys. */
    @Override
    public boolean recognises(ServerInit init, int size) {
        return size > ServerInit.BASE_SIZE && init.banner().isEmpty();
    }

    /** newserv has no chat cooldown that was found; a small gap keeps replies in order. */
    @Override
    public Duration chatCooldown() {
        return Duration.ofMillis(250);
    }

    @Override
    public int maxChatPacket() {
        return 0x200;
    }

    @Override
    public char commandPrefix() {
        return '$';
    }

    @Override
    public LobbyConnection login(ChainContext chain, Connection loginPort) throws ShipException {
        ServerRedirect redirect;
        chain.begin(Stage.LOGIN);
        try (Connection c = loginPort) {
            c.stage(Stage.LOGIN);
            c.send(chain.login(0, ClientLogin.NO_SLOT));
            chain.accept(chain.expect(c, ServerSecurityData.class, "E6 after the login"));
            redirect = chain.expect(c, ServerRedirect.class, "the redirect after the login");
        }
        chain.complete("guild card " + Integer.toUnsignedLong(chain.guildCard()));

        chain.begin(Stage.MENU);
        Connection game = chain.follow("game", redirect);
        try {
            game.stage(Stage.MENU);
            game.send(chain.login(4, chain.slot()));
            chain.accept(chain.expect(game, ServerSecurityData.class, "E6 on the game connection"));
            ServerFullCharacter character = chain.expect(game, ServerFullCharacter.class, "the character (E7)");
            ServerMenu menu = chain.expect(game, ServerMenu.class, "the main menu (07)");
            MenuEntry lobbyEntry = menu.items().stream().filter(e -> e.itemId() == GO_TO_LOBBY).findFirst()
                    .or(() -> menu.items().stream().filter(e -> e.text().toLowerCase().contains("lobby")).findFirst())
                    .orElseThrow(() -> new ShipException.ProtocolViolation(Stage.MENU,
                            "the main menu has no 'Go to lobby' entry", null));
            chain.ship(new MenuItem(menu.title(), menu.items().getFirst().menuId(), 0, Optional.empty()));
            chain.complete(character.name() + " on " + menu.title());

            chain.begin(Stage.LOBBY);
            game.stage(Stage.LOBBY);
            game.send(new ClientMenuSelect(lobbyEntry.menuId(), lobbyEntry.itemId()));
            ServerLobbyJoin joined = chain.expect(game, ServerLobbyJoin.class, "the lobby join (67)");
            chain.complete("lobby %d, %d player(s)".formatted(joined.lobby().lobbyNumber() + 1, joined.lobby().players().size()));
            return new LobbyConnection(game, joined, character);
        } catch (ShipException | RuntimeException e) {
            game.close();
            throw e;
        }
    }
}
