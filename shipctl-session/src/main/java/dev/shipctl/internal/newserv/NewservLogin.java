package dev.shipctl.internal.newserv;

import dev.shipctl.Depth;
import dev.shipctl.MenuItem;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.internal.ChainRun;
import dev.shipctl.internal.ChainState;
import dev.shipctl.internal.Connection;
import dev.shipctl.internal.LobbyConnection;
import dev.shipctl.internal.LoginChain;
import dev.shipctl.internal.LoginStage;
import dev.shipctl.internal.StageClock;
import dev.shipctl.internal.Wire;
import dev.shipctl.protocol.Texts;
import dev.shipctl.protocol.packet.character.CharacterSummary;
import dev.shipctl.protocol.packet.character.ClientCharacterSelect;
import dev.shipctl.protocol.packet.character.ClientCreateCharacter;
import dev.shipctl.protocol.packet.character.ServerCharacterAck;
import dev.shipctl.protocol.packet.character.ServerCharacterPreview;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import dev.shipctl.protocol.packet.menu.ClientMenuSelect;
import dev.shipctl.protocol.packet.menu.MenuEntry;
import dev.shipctl.protocol.packet.menu.ServerMenu;
import java.util.Locale;
import java.util.Optional;

/**
 * newserv's way to the lobby (protocol notes §3.7): one port for everything, four connections. A first 0x93
 * (guild card 0) gets E6 + 0x19 back to the same server; a data-phase connection previews the character slot
 * (E3 → E5, or E4 "empty"); an empty slot gets a character (phase 2, E5 → E4); a phase-4 0x93 then gets the
 * character (E7) and the main menu (07), whose "Go to lobby" (0x10) puts the client in a lobby (67). Every 0x93
 * carries the password (newserv checks it each time); E6 error codes are refusals.
 *
 * <p>newserv disconnects on a command it does not know (§6.2): this chain sends only 93, E3, E5 and 10, and the
 * session after it only 06, 81, 1D (and 61 if asked with 95).
 */
final class NewservLogin implements LoginChain {
    static final int MAIN_MENU = 0x11000011;
    static final int GO_TO_LOBBY = 0x11222211;
    /** What fits after the "\tE" marker in the 0x14-byte name field of a created character. */
    static final int MAX_CREATED_NAME = 8;

    @Override
    public LobbyConnection walk(ChainRun run, Connection loginPort) throws ShipException {
        StageClock clock = run.clock();
        ChainState state = run.state();
        Wire wire = run.wire();
        // #1 first contact (guild card 0): E6 + 0x19 back to the same server. The first packet is always this 0x93
        // (newserv picks its key table from it and disconnects on anything else, §2.5).
        ServerRedirect redirect = LoginStage.walk(run, loginPort, e6 -> acceptE6(run, e6));

        // #2 data phase: preview the slot (E5 = a character, E4 result 2 = empty); #3 create one if it is empty
        clock.begin(Stage.CHARACTER_SELECT);
        int slot = run.client().slot();
        Optional<CharacterSummary> existing;
        try (Connection c = wire.follow("data", redirect)) {
            c.stage(Stage.CHARACTER_SELECT);
            c.send(state.login(0, ClientLogin.NO_SLOT));
            acceptE6(run, wire.expect(c, ServerSecurityData.class, "E6 on the data connection"));
            c.send(new ClientCharacterSelect(slot, false));
            existing = preview(wire, c, slot);
        }
        if (existing.isPresent()) {
            clock.complete("slot " + slot + ": " + existing.get().name());
            state.character(existing.get().name());
        } else {
            CharacterSummary created = CharacterSummary.create(slot, defaultName(state.username()), 0, 0);
            try (Connection c = wire.follow("data", redirect)) {
                c.stage(Stage.CHARACTER_SELECT);
                c.send(state.login(2, slot));
                acceptE6(run, wire.expect(c, ServerSecurityData.class, "E6 before creating a character"));
                c.send(new ClientCreateCharacter(created));
                ServerCharacterAck ack = wire.expect(c, ServerCharacterAck.class, "E4 after creating a character");
                if (ack.result() == ServerCharacterAck.EMPTY) {
                    throw new ShipException.LoginRefused(Stage.CHARACTER_SELECT, "the server did not create a character in slot " + slot);
                }
            }
            clock.complete("slot " + slot + " was empty: created " + created.name());
            state.character(created.name());
        }
        run.reached(Depth.LOGIN);

        // #4 game phase: the character, the main menu, "Go to lobby"
        clock.begin(Stage.MENU);
        Connection game = wire.follow("game", redirect);
        try {
            game.stage(Stage.MENU);
            game.send(state.login(4, slot));
            acceptE6(run, wire.expect(game, ServerSecurityData.class, "E6 on the game connection"));
            ServerFullCharacter character = wire.expect(game, ServerFullCharacter.class, "the character (E7)");
            ServerMenu menu = wire.expect(game, ServerMenu.class, "the main menu (07)");
            MenuEntry lobbyEntry = lobbyEntry(menu);
            state.ship(new MenuItem(menu.title(), menu.items().getFirst().menuId(), 0, Optional.empty()));
            clock.complete(character.name() + " on " + menu.title());
            state.character(character.name());
            // at the main menu, in no lobby until "Go to lobby": newserv has no ship or block list, so both stop here
            run.reached(Depth.SHIP);
            run.reached(Depth.BLOCK);

            clock.begin(Stage.LOBBY);
            game.stage(Stage.LOBBY);
            game.send(new ClientMenuSelect(lobbyEntry.menuId(), lobbyEntry.itemId()));
            ServerLobbyJoin joined = wire.expect(game, ServerLobbyJoin.class, "the lobby join (67)");
            clock.complete("lobby %d, %d player(s)".formatted(joined.lobby().lobbyNumber() + 1, joined.lobby().players().size()));
            return new LobbyConnection(game, joined, character);
        } catch (ShipException | RuntimeException e) {
            game.close();
            throw e;
        }
    }

    /** Saves an E6 (or raises its error) and, as the real client does when the token is 0, scrambles the config. */
    private static void acceptE6(ChainRun run, ServerSecurityData e6) throws ShipException {
        run.state().accept(e6, run.clock().stage());
        if (e6.securityToken() == 0) run.state().scrambleClientConfig();
    }

    /** The answer to E3 {slot, preview}: E5 with the character, or E4 with result 2 for an empty slot. */
    private static Optional<CharacterSummary> preview(Wire wire, Connection c, int slot) throws ShipException {
        return wire.await(c, "the preview of slot " + slot + " (E5 or E4)", p -> switch (p) {
            case ServerCharacterPreview preview -> Optional.of(preview.character());
            case ServerCharacterAck ack when ack.result() == ServerCharacterAck.EMPTY -> Optional.<CharacterSummary>empty();
            case ServerCharacterAck ack -> throw new ShipException.ProtocolViolation(Stage.CHARACTER_SELECT,
                    "E4 with result " + ack.result() + " in answer to a preview of slot " + slot, null);
            case ServerMessageBox box -> throw new ShipException.LoginRefused(Stage.CHARACTER_SELECT,
                    Texts.display(box.text()).strip());
            default -> null;
        });
    }

    /** "Go to lobby" by its item id, else by its text (entries depend on the server's configuration). */
    static MenuEntry lobbyEntry(ServerMenu menu) throws ShipException {
        return menu.items().stream().filter(e -> e.itemId() == GO_TO_LOBBY).findFirst()
                .or(() -> menu.items().stream().filter(e -> e.text().toLowerCase(Locale.ROOT).contains("lobby")).findFirst())
                .orElseThrow(() -> new ShipException.ProtocolViolation(Stage.MENU,
                        "the main menu has no 'Go to lobby' entry", null));
    }

    /** A name for a character shipctl creates: the account name, letters and digits only, at most 8 characters. */
    static String defaultName(String username) {
        String name = username.replaceAll("[^A-Za-z0-9]", "");
        if (name.isEmpty()) name = "shipctl";
        return name.length() > MAX_CREATED_NAME ? name.substring(0, MAX_CREATED_NAME) : name;
    }
}
