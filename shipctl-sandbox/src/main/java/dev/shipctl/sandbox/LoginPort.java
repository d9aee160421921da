package dev.shipctl.sandbox;

import static dev.shipctl.sandbox.Server.LOG;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Hex;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.packet.login.ClientLogin;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The login port (Tethealla's 12000): one 0x93 with user and password, answered by the security data and a
 * redirect to the character port; anything else closes the connection. It issues the {@link SecurityRecord}s the
 * character and ship ports check.
 */
final class LoginPort implements PortHandler {
    private final Server server;
    private final RandomGenerator random;
    private final Map<Integer, SecurityRecord> records = new HashMap<>();

    LoginPort(Server server, RandomGenerator random) {
        this.server = server;
        this.random = random;
    }

    /** The security record issued at the last login of a guild card, or null. */
    SecurityRecord record(int guildCard) {
        return records.get(guildCard);
    }

    @Override
    public void handle(Connection c, Frame frame, LoginGate.Check check) throws ProtocolException {
        Command command = Inbound.command(frame);
        if (command == Command.CLIENT_LOGOUT) {
            c.drop("logout (0x05)");
            return;
        }
        if (command != Command.CLIENT_LOGIN || c.sentLogin) {
            LOG.info("{} dropped: command {} on the login port", c, Hex.command(frame.command()));
            c.drop("command " + Hex.command(frame.command()) + " on the login port");
            return;
        }
        c.sentLogin = true;
        login(c, frame, Inbound.decode(frame, ClientLogin.class), check);
    }

    private void login(Connection c, Frame frame, ClientLogin login, LoginGate.Check check) {
        if (server.failures.apply(c, LoginStep.LOGIN, login.username())) return;
        if (!LoginGate.versionOk(frame, login, true)) {
            server.reject(c, LoginStep.LOGIN, login.username(), Refusals.TOO_OLD);
            return;
        }
        if (check.refused()) {
            server.reject(c, LoginStep.LOGIN, login.username(), Refusals.TOO_MANY_FAILURES);
            return;
        }
        Account account = check.account();
        if (account == null) {
            LOG.info("{} refused: wrong user name or password for \"{}\"", c, login.username());
            server.reject(c, LoginStep.LOGIN, login.username(), Refusals.BAD_LOGIN);
            return;
        }
        if (account.banned()) {
            server.reject(c, LoginStep.LOGIN, login.username(), Refusals.ACCOUNT_BANNED);
            return;
        }
        long sixtyfour = random.nextLong();
        SecurityRecord record = new SecurityRecord(account.guildCard(), sixtyfour, account.gm());
        records.put(account.guildCard(), record);
        for (Connection other : server.connections().ofGuildCard(account.guildCard())) {
            if (other != c) {
                LOG.info("{} kicked: {} logged in again", other, account.user());
                other.sendAndClose(TethPackets.messageBox(Refusals.LOGGED_ON_ELSEWHERE), "account logged on again");
            }
        }
        c.account = account;
        server.connections().identify(c, account.guildCard());
        c.record = record;
        c.send(TethPackets.securityData(account.guildCard(), 0, sixtyfour));
        c.send(server.redirect(Role.CHARACTER, 0));
        LOG.info("{} logged in", c);
        server.events.publish(new SandboxEvent.LoginAccepted(c.id, LoginStep.LOGIN, account.user(), account.guildCard()));
    }
}
