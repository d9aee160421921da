package dev.shipctl.sandbox;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.packet.login.ClientLogin;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The password check of the login process: the {@link Authenticator} and the per-address {@link FailedLogins}
 * cooldown. {@link #check} runs on a connection's reader thread <em>without</em> the server lock (the hash takes a
 * while; everything it reads is immutable or thread-safe); {@link #prune} runs in the tick.
 */
final class LoginGate {
    private final Authenticator authenticator;
    private final FailedLogins failedLogins;
    private final Settings settings;

    /**
     * What a first 0x93 on the login or character port says about its account: the account when user and password
     * match, else null; {@code refused} when the client's address is in a failed-login cooldown (nothing was checked).
     */
    record Check(Account account, boolean refused) {}

    LoginGate(Settings settings) {
        this.settings = settings;
        this.authenticator = new Authenticator(settings.accounts(), settings.kdf());
        this.failedLogins = new FailedLogins(settings.loginLimit());
    }

    /**
     * Checks the user and password of a first 0x93 on the login or character port, with its version right, and
     * counts a failure against the client's address; null for every other frame.
     */
    Check check(Connection c, Frame frame) throws ProtocolException, InterruptedException {
        if (c.role.shipSide() || c.sentLogin || Command.find(Direction.CLIENT, frame.command()).orElse(null) != Command.CLIENT_LOGIN) {
            return null;
        }
        ClientLogin login = (ClientLogin) Packets.decode(Direction.CLIENT, frame);
        if (!versionOk(frame, login, c.role == Role.LOGIN)) return null;
        InetAddress from = c.address();
        Instant now = settings.clock().instant();
        if (failedLogins.refusing(from, now)) {
            Server.LOG.debug("{} refused unchecked: {} is in a failed-login cooldown", c, from.getHostAddress());
            return new Check(null, true);
        }
        Account account = authenticator.check(from, login.username(), login.password(), () -> !c.closing());
        if (account == null && !c.closing() && failedLogins.failed(from, settings.clock().instant())) {
            FailedLogins.Limit limit = failedLogins.limit();
            Server.LOG.warn("{} failed logins from {} within {}: its logins are refused for {}", limit.failures(), from.getHostAddress(),
                    limit.window(), limit.cooldown());
        }
        return new Check(account, false);
    }

    /** Forgets failures older than the window. Called from the tick, under the server lock. */
    void prune(Instant now) {
        failedLogins.prune(now);
    }

    void close() {
        authenticator.close();
    }

    /** Checks sub-version 0x41 (byte 0x10) and, if asked, the "TethVer12513" config (strcmp). */
    static boolean versionOk(Frame frame, ClientLogin login, boolean checkConfig) {
        if ((frame.data()[0x10] & 0xFF) != ClientLogin.SUB_VERSION) return false;
        if (!checkConfig) return true;
        byte[] expected = ClientLogin.VERSION_STRING.getBytes(StandardCharsets.US_ASCII);
        byte[] config = login.clientConfig();
        for (int i = 0; i < expected.length; i++) if (config[i] != expected[i]) return false;
        return config[expected.length] == 0;
    }
}
