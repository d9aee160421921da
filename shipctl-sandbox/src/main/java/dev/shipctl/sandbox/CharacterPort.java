package dev.shipctl.sandbox;

import static dev.shipctl.sandbox.Server.LOG;

import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.packet.character.ClientCharacterSelect;
import dev.shipctl.protocol.packet.character.ClientCreateCharacter;
import dev.shipctl.protocol.packet.character.ServerCharacterAck;
import dev.shipctl.protocol.packet.character.ServerCharacterPreview;
import dev.shipctl.protocol.packet.character.ServerSystemFile;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerTime;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;
import java.time.format.DateTimeFormatter;

/**
 * The character port (Tethealla's 12001), reached three times in a login chain: character data (token 0), select
 * or create, and the ship list (phase 4), each stage chosen by the 0x93 and the security record the login port
 * issued.
 */
final class CharacterPort implements PortHandler {
    private static final DateTimeFormatter B1_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd: HH:mm:ss'.000'").withZone(ZoneOffset.UTC);

    private final Server server;

    private final RandomGenerator random;
    private final String shipName;
    private final String welcome;

    CharacterPort(Server server, Settings settings) {
        this.server = server;
        this.random = settings.random();
        this.shipName = settings.shipName();
        this.welcome = settings.welcome();
    }

    @Override
    public void handle(Connection c, Frame frame, LoginGate.Check check) throws ProtocolException {
        switch (Inbound.command(frame)) {
            case CLIENT_LOGIN -> {
                if (c.sentLogin) {
                    c.drop("second 0x93 on one connection");
                    return;
                }
                c.sentLogin = true;
                login(c, frame, Inbound.decode(frame, ClientLogin.class), check);
            }
            case CLIENT_LOGOUT -> c.drop("logout (0x05)");
            case CLIENT_REQUEST_SYSTEM_FILE -> {
                if (!c.authenticated) return;
                if (!c.characterSteps.firstSystemFile()) {
                    c.drop("second E0");
                    return;
                }
                c.send(Packets.encode(new ServerSystemFile(new byte[ServerSystemFile.SIZE - 8])));
            }
            case CLIENT_CHARACTER_SELECT -> {
                if (!c.authenticated) return;
                if (!c.characterSteps.anotherRequest()) {
                    c.drop("more than 4 character requests");
                    return;
                }
                select(c, Inbound.decode(frame, ClientCharacterSelect.class));
            }
            case CLIENT_CREATE_CHARACTER -> {
                if (!c.authenticated) return;
                if (!c.characterSteps.anotherRequest() || frame.size() != 0x88 || c.characterSteps.characterDataOnly()) {
                    c.drop("bad character creation");
                    return;
                }
                create(c, Inbound.decode(frame, ClientCreateCharacter.class));
            }
            case CLIENT_MENU_SELECT -> {
                if (c.authenticated && c.record.slot >= 0) c.send(server.redirect(Role.SHIP, 0));
            }
            case null, default -> { } // Tethealla ignores unknown commands on 12001
        }
    }

    private void select(Connection c, ClientCharacterSelect select) {
        int slot = select.slot();
        if (slot < 0 || slot > 3) {
            c.drop("character slot " + slot);
            return;
        }
        StoredCharacter[] slots = server.characters.slotsOf(c.guildCard);
        if (!select.select()) {
            StoredCharacter ch = slots[slot];
            c.send(ch == null ? Packets.encode(new ServerCharacterAck(slot, ServerCharacterAck.EMPTY))
                    : Packets.encode(new ServerCharacterPreview(ch.preview(slot, c.guildCard))));
        } else if (c.characterSteps.characterDataOnly()) {
            c.drop("character select on a token-0 connection");
        } else {
            c.record.slot = slot;
            c.send(Packets.encode(new ServerCharacterAck(slot, ServerCharacterAck.SELECTED)));
        }
    }

    private void create(Connection c, ClientCreateCharacter create) {
        int slot = create.character().slot();
        int cls = create.character().characterClass();
        if (slot < 0 || slot > 3 || cls >= 12) {
            c.drop("bad character creation (slot " + slot + ", class " + cls + ")");
            return;
        }
        String name = create.character().name();
        if (name.length() > 9) name = name.substring(0, 9);
        server.characters.create(new StateFile.SavedCharacter(c.guildCard, slot, name, cls, create.character().sectionId()));
        server.persist();
        c.record.slot = slot;
        c.send(Packets.encode(new ServerCharacterAck(slot, ServerCharacterAck.CREATED)));
    }

    private void login(Connection c, Frame frame, ClientLogin login, LoginGate.Check check) {
        if (!LoginGate.versionOk(frame, login, false)) {
            server.reject(c, LoginStep.CHARACTER_DATA, login.username(), Refusals.TOO_OLD);
            return;
        }
        if (check.refused()) {
            server.reject(c, LoginStep.CHARACTER_DATA, login.username(), Refusals.TOO_MANY_FAILURES);
            return;
        }
        Account account = check.account();
        if (account == null) {
            server.reject(c, LoginStep.CHARACTER_DATA, login.username(), Refusals.BAD_LOGIN);
            return;
        }
        SecurityRecord record = server.loginPort.record(account.guildCard());
        LoginStep stage = record == null ? LoginStep.CHARACTER_DATA
                : record.slot >= 0 ? LoginStep.SHIP_LIST
                : login.securityToken() == 0 ? LoginStep.CHARACTER_DATA : LoginStep.CHARACTER_SELECT;
        if (record == null || !record.configMatches(login.clientConfig())
                || (login.securityToken() != 0 && login.securityToken() != record.token)) {
            LOG.info("{} refused: security violation", c);
            server.reject(c, stage, login.username(), Refusals.SECURITY);
            return;
        }
        if (record.slot >= 0 && login.phase() != 4) {
            server.reject(c, stage, login.username(), Refusals.SYNC);
            return;
        }
        if (server.failures.apply(c, stage, login.username())) return;
        if (login.securityToken() == 0 && record.token == 0) {
            int token;
            do {
                token = random.nextInt();
            } while (token == 0);
            record.token = token;
        }
        c.authenticated = true;
        c.account = account;
        server.connections().identify(c, account.guildCard());
        c.record = record;
        c.characterSteps.enter(stage);
        c.send(TethPackets.securityData(account.guildCard(), record.token, record.sixtyfour));
        if (stage == LoginStep.SHIP_LIST) {
            c.send(Packets.encode(new ServerTime(B1_TIME.format(server.instant()))));
            c.send(TethPackets.shipList(shipName, server.ship.population()));
            c.send(TethPackets.broadcast(welcome));
        }
        server.events.publish(new SandboxEvent.LoginAccepted(c.id, stage, account.user(), account.guildCard()));
    }
}
