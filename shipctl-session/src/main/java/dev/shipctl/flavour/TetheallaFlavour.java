package dev.shipctl.flavour;

import dev.shipctl.MenuItem;
import dev.shipctl.ServerFlavour;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.internal.ChainContext;
import dev.shipctl.internal.Connection;
import dev.shipctl.internal.LobbyConnection;
import dev.shipctl.protocol.packet.Texts;
import dev.shipctl.protocol.packet.character.ClientCharacterSelect;
import dev.shipctl.protocol.packet.character.ServerCharacterAck;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.chat.ServerLobbyMessage;
import dev.shipctl.protocol.packet.lobby.ClientPlayerData;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import dev.shipctl.protocol.packet.lobby.ServerPlayerDataRequest;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerInit;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import dev.shipctl.protocol.packet.menu.ClientMenuSelect;
import dev.shipctl.protocol.packet.menu.ServerMenu;
import dev.shipctl.protocol.packet.menu.ServerShipList;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Tethealla, its Linux port, PSONOVA and forks (protocol notes §3.3–3.6): login port, three character-server
 * connections, ship, block, lobby. Chat commands start with {@code /}; one chat line per wall-clock second.
 */
public final class TetheallaFlavour implements ServerFlavour {
    public static final TetheallaFlavour INSTANCE = new TetheallaFlavour();
    /** The "Ship Select" entry at the end of a block list. */
    static final int SHIP_SELECT_ITEM = 0xFFFFFF00;

    private TetheallaFlavour() {}

    @Override
    public String name() {
        return "tethealla";
    }

    @Override
    public boolean recognises(ServerInit init, int size) {
        return size == ServerInit.BASE_SIZE && init.banner().startsWith("Tethealla");
    }

    /** Tethealla drops a second chat line within the same wall-clock second; 1 s plus a margin always passes. */
    @Override
    public Duration chatCooldown() {
        return Duration.ofMillis(1100);
    }

    @Override
    public int maxChatPacket() {
        return ClientChat.TETHEALLA_MAX_SIZE;
    }

    @Override
    public char commandPrefix() {
        return '/';
    }

    /** Tethealla's box to the older session: "This account has just logged on. You are now being disconnected." */
    @Override
    public boolean replacedByAnotherLogin(String disconnectReason) {
        return disconnectReason.contains("This account has just logged on");
    }

    @Override
    public LobbyConnection login(ChainContext chain, Connection loginPort) throws ShipException {
        ServerRedirect toCharacter = chain.logIn(loginPort, chain::accept);

        chain.begin(Stage.CHARACTER_TOKEN);
        try (Connection c = chain.follow("character", toCharacter)) {
            c.send(chain.login(0, ClientLogin.NO_SLOT));
            chain.accept(chain.expect(c, ServerSecurityData.class, "E6 with the security token"));
        }
        chain.complete("token issued");

        chain.begin(Stage.CHARACTER_SELECT);
        int slot = chain.slot();
        try (Connection c = chain.follow("character", toCharacter)) {
            c.send(chain.login(1, slot));
            chain.accept(chain.expect(c, ServerSecurityData.class, "E6 on the character server"));
            c.send(new ClientCharacterSelect(slot, true));
            ServerCharacterAck ack = chain.expect(c, ServerCharacterAck.class, "E4 character selected");
            if (ack.result() == ServerCharacterAck.EMPTY) {
                throw new ShipException.LoginRefused(Stage.CHARACTER_SELECT,
                        "character slot " + slot + " is empty: create a character with the game client first");
            }
        }
        chain.complete("slot " + slot);

        chain.begin(Stage.SHIP_LIST);
        ServerRedirect toShip;
        MenuItem ship;
        try (Connection c = chain.follow("character", toCharacter)) {
            c.send(chain.login(4, slot));
            chain.accept(chain.expect(c, ServerSecurityData.class, "E6 before the ship list"));
            ServerShipList list = chain.expect(c, ServerShipList.class, "the ship list (A0)");
            List<MenuItem> ships = list.ships().stream()
                    .map(e -> new MenuItem(ServerShipList.shipName(e), e.menuId(), e.itemId(), ServerShipList.players(e)))
                    .toList();
            chain.ships(ships);
            if (ships.size() == 1 && ships.getFirst().name().equals("No ships!")) {
                throw new ShipException.LoginRefused(Stage.SHIP_LIST, "the login server has no ship online (\"No ships!\")");
            }
            ship = chain.choose(ships, chain.client().ship(), "ship");
            chain.ship(ship);
            c.send(new ClientMenuSelect(ship.menuId(), ship.itemId()));
            toShip = chain.expect(c, ServerRedirect.class, "the redirect to the ship");
        }
        chain.complete(describe(ship));

        chain.begin(Stage.SHIP);
        ServerRedirect toBlock;
        MenuItem chosenBlock;
        try (Connection c = chain.follow("ship", toShip)) {
            c.send(chain.login(5, slot));
            chain.accept(chain.expect(c, ServerSecurityData.class, "E6 on the ship"));
            ServerMenu menu = chain.expect(c, ServerMenu.class, "the block list (07)");
            List<MenuItem> blocks = menu.items().stream()
                    .filter(e -> e.itemId() != SHIP_SELECT_ITEM)
                    .map(e -> new MenuItem(e.text(), e.menuId(), e.itemId(), Optional.empty()))
                    .toList();
            chain.blocks(blocks);
            chosenBlock = chain.choose(blocks, chain.client().block(), "block");
            chain.block(chosenBlock);
            c.send(new ClientMenuSelect(chosenBlock.menuId(), chosenBlock.itemId()));
            toBlock = awaitBlockRedirect(chain, c);
        }
        chain.complete(chosenBlock.name());

        chain.begin(Stage.BLOCK);
        Connection block = chain.follow("block", toBlock);
        try {
            block.send(chain.login(5, slot));
            chain.accept(chain.expect(block, ServerSecurityData.class, "E6 on the block"));
            ServerFullCharacter character = chain.expect(block, ServerFullCharacter.class, "the character (E7)");
            chain.expect(block, ServerPlayerDataRequest.class, "the player-data request (95)");
            chain.complete(character.name());

            chain.begin(Stage.LOBBY);
            block.stage(Stage.LOBBY);
            block.send(ClientPlayerData.from(character));
            ServerLobbyJoin joined = chain.expect(block, ServerLobbyJoin.class, "the lobby join (67)");
            chain.complete("lobby %d, %d player(s)".formatted(joined.lobby().lobbyNumber() + 1, joined.lobby().players().size()));
            return new LobbyConnection(block, joined, character);
        } catch (ShipException | RuntimeException e) {
            block.close();
            throw e;
        }
    }

    /** After choosing a block: 0x19, or 0x01 "Block is full." followed by the block list again. */
    private static ServerRedirect awaitBlockRedirect(ChainContext chain, Connection c) throws ShipException {
        return chain.await(c, "the redirect to the block", p -> switch (p) {
            case ServerRedirect r -> r;
            case ServerLobbyMessage m -> throw new ShipException.LoginRefused(Stage.SHIP, Texts.display(m.text()).strip());
            case ServerMessageBox m -> throw new ShipException.LoginRefused(Stage.SHIP, Texts.display(m.text()).strip());
            default -> null;
        });
    }

    private static String describe(MenuItem ship) {
        return ship.name() + ship.players().map(n -> " (" + n + " player" + (n == 1 ? ")" : "s)")).orElse("");
    }
}
