package dev.shipctl.internal.tethealla;

import dev.shipctl.Depth;
import dev.shipctl.MenuItem;
import dev.shipctl.ResumeTicket;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.internal.ChainRun;
import dev.shipctl.internal.ChainState;
import dev.shipctl.internal.Connection;
import dev.shipctl.internal.LobbyConnection;
import dev.shipctl.internal.LoginChain;
import dev.shipctl.internal.LoginStage;
import dev.shipctl.internal.MenuChoice;
import dev.shipctl.internal.StageClock;
import dev.shipctl.internal.Wire;
import dev.shipctl.protocol.Texts;
import dev.shipctl.protocol.packet.character.ClientCharacterSelect;
import dev.shipctl.protocol.packet.character.ServerCharacterAck;
import dev.shipctl.protocol.packet.chat.ServerLobbyMessage;
import dev.shipctl.protocol.packet.lobby.ClientPlayerData;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import dev.shipctl.protocol.packet.lobby.ServerPlayerDataRequest;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import dev.shipctl.protocol.packet.menu.ClientMenuSelect;
import dev.shipctl.protocol.packet.menu.ServerMenu;
import dev.shipctl.protocol.packet.menu.ServerShipList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tethealla's way to the lobby (protocol notes §3.3–3.6): login port, three character-server connections (token,
 * slot, ship list), ship (block list), block (character, player data), lobby.
 */
final class TetheallaLogin implements LoginChain {
    /** The "Ship Select" entry at the end of a block list. */
    static final int SHIP_SELECT_ITEM = 0xFFFFFF00;

    @Override
    public LobbyConnection walk(ChainRun run, Connection loginPort) throws ShipException {
        StageClock clock = run.clock();
        ChainState state = run.state();
        Wire wire = run.wire();
        int slot = run.client().slot();
        ServerRedirect toCharacter = LoginStage.walk(run, loginPort, e6 -> state.accept(e6, clock.stage()));

        clock.begin(Stage.CHARACTER_TOKEN);
        try (Connection c = wire.follow("character", toCharacter)) {
            c.send(state.login(0, ClientLogin.NO_SLOT));
            securityData(run, c, "E6 with the security token");
        }
        clock.complete("token issued");

        clock.begin(Stage.CHARACTER_SELECT);
        try (Connection c = wire.follow("character", toCharacter)) {
            c.send(state.login(1, slot));
            securityData(run, c, "E6 on the character server");
            c.send(new ClientCharacterSelect(slot, true));
            ServerCharacterAck ack = wire.expect(c, ServerCharacterAck.class, "E4 character selected");
            if (ack.result() == ServerCharacterAck.EMPTY) {
                throw new ShipException.LoginRefused(Stage.CHARACTER_SELECT,
                        "character slot " + slot + " is empty: create a character with the game client first");
            }
        }
        clock.complete("slot " + slot);
        run.reached(Depth.LOGIN);

        clock.begin(Stage.SHIP_LIST);
        ServerRedirect toShip;
        MenuItem ship;
        try (Connection c = wire.follow("character", toCharacter)) {
            c.send(state.login(4, slot));
            securityData(run, c, "E6 before the ship list");
            ServerShipList list = wire.expect(c, ServerShipList.class, "the ship list (A0)");
            List<MenuItem> ships = list.ships().stream()
                    .map(e -> new MenuItem(ServerShipList.shipName(e), e.menuId(), e.itemId(), ServerShipList.players(e)))
                    .toList();
            state.ships(ships);
            if (ships.size() == 1 && ships.getFirst().name().equals("No ships!")) {
                throw new ShipException.LoginRefused(Stage.SHIP_LIST, "the login server has no ship online (\"No ships!\")");
            }
            ship = MenuChoice.choose(ships, run.client().ship(), "ship", Stage.SHIP_LIST);
            state.ship(ship);
            c.send(new ClientMenuSelect(ship.menuId(), ship.itemId()));
            toShip = wire.expect(c, ServerRedirect.class, "the redirect to the ship");
            state.shipHop(new ResumeTicket.Hop(ship, ships.indexOf(ship) + 1, wire.host(toShip), toShip.port()));
        }
        clock.complete(describe(ship));

        clock.begin(Stage.SHIP);
        ServerRedirect toBlock;
        MenuItem chosenBlock;
        List<String> full = new ArrayList<>(); // blocks found full on the way
        try (Connection c = wire.follow("ship", toShip)) {
            c.send(state.login(5, slot));
            securityData(run, c, "E6 on the ship");
            ServerMenu menu = wire.expect(c, ServerMenu.class, "the block list (07)");
            List<MenuItem> blocks = menu.items().stream()
                    .filter(e -> e.itemId() != SHIP_SELECT_ITEM)
                    .map(e -> new MenuItem(e.text(), e.menuId(), e.itemId(), Optional.empty()))
                    .toList();
            state.blocks(blocks);
            chosenBlock = MenuChoice.choose(blocks, run.client().block(), "block", Stage.SHIP);
            // a block the user did not name may be full: then the next one, as a player picks from the list again
            boolean named = run.client().block().isPresent();
            while (true) {
                state.block(chosenBlock);
                c.send(new ClientMenuSelect(chosenBlock.menuId(), chosenBlock.itemId()));
                Optional<ServerRedirect> to = awaitBlockRedirect(wire, c, named || chosenBlock == blocks.getLast(), full);
                if (to.isPresent()) {
                    toBlock = to.get();
                    break;
                }
                full.add(chosenBlock.name());
                chosenBlock = blocks.get(blocks.indexOf(chosenBlock) + 1);
            }
            state.blockHop(new ResumeTicket.Hop(chosenBlock, blocks.indexOf(chosenBlock) + 1, wire.host(toBlock), toBlock.port()));
        }
        clock.complete(chosenBlock.name() + (full.isEmpty() ? "" : " (" + String.join(", ", full) + " full)"));
        run.reached(Depth.SHIP);

        clock.begin(Stage.BLOCK);
        return enterBlock(run, wire.follow("block", toBlock), slot, "");
    }

    @Override
    public boolean resumes() {
        return true;
    }

    /**
     * Straight to the block with the ticket's {guild card, token, config} and empty credentials (protocol notes
     * §3.4): the block asks the login server, which accepts them until the account's next login there.
     */
    @Override
    public LobbyConnection resume(ChainRun run, Connection block) throws ShipException {
        run.clock().begin(Stage.BLOCK);
        return enterBlock(run, block, run.client().slot(), " (fast path)");
    }

    /** The BLOCK stage (begun) and the LOBBY stage on a connected block; closes it on failure. */
    private static LobbyConnection enterBlock(ChainRun run, Connection block, int slot, String how) throws ShipException {
        StageClock clock = run.clock();
        Wire wire = run.wire();
        try {
            block.stage(Stage.BLOCK);
            // Tethealla checks the 0x93 asynchronously and reads the phase from the latest packet: send nothing more
            block.send(run.state().login(5, slot));
            securityData(run, block, "E6 on the block");
            ServerFullCharacter character = wire.expect(block, ServerFullCharacter.class, "the character (E7)");
            wire.expect(block, ServerPlayerDataRequest.class, "the player-data request (95)");
            clock.complete(character.name() + how);
            run.state().character(character.name());
            // not in a lobby yet: Tethealla puts the client in one when the player data (61) arrives
            run.reached(Depth.BLOCK);

            clock.begin(Stage.LOBBY);
            block.stage(Stage.LOBBY);
            ClientPlayerData playerData = ClientPlayerData.from(character);
            block.send(playerData);
            ServerLobbyJoin joined = wire.expect(block, ServerLobbyJoin.class, "the lobby join (67)");
            clock.complete("lobby %d, %d player(s)".formatted(joined.lobby().lobbyNumber() + 1, joined.lobby().players().size()));
            return new LobbyConnection(block, joined, character.name(), playerData);
        } catch (ShipException | RuntimeException e) {
            block.close();
            throw e;
        }
    }

    /** Waits for the E6 that answers a 0x93 and saves what it carries. */
    private static void securityData(ChainRun run, Connection c, String waitingFor) throws ShipException {
        run.state().accept(run.wire().expect(c, ServerSecurityData.class, waitingFor), run.clock().stage());
    }

    /**
     * After choosing a block: its 0x19, or empty for 0x01 "Block is full." (Tethealla sends the block list again after
     * it; the next choice's wait skips that). A 0x1A, or a 01 when {@code last} (the user named the block, or no block
     * is left to try), is a refusal; {@code full} names the blocks found full before.
     */
    private static Optional<ServerRedirect> awaitBlockRedirect(Wire wire, Connection c, boolean last, List<String> full) throws ShipException {
        return wire.await(c, "the redirect to the block", p -> switch (p) {
            case ServerRedirect r -> Optional.of(r);
            case ServerLobbyMessage m when !last -> Optional.empty();
            case ServerLobbyMessage m -> throw new ShipException.LoginRefused(Stage.SHIP, Texts.display(m.text()).strip()
                    + (full.isEmpty() ? "" : " (and " + String.join(", ", full) + " before it)"));
            case ServerMessageBox m -> throw new ShipException.LoginRefused(Stage.SHIP, Texts.display(m.text()).strip());
            default -> null;
        });
    }

    private static String describe(MenuItem ship) {
        return ship.name() + ship.players().map(n -> " (" + n + " player" + (n == 1 ? ")" : "s)")).orElse("");
    }
}
