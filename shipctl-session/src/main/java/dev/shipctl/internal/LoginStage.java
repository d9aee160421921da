package dev.shipctl.internal;

import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import dev.shipctl.protocol.packet.login.ServerSecurityData;

/**
 * The {@link Stage#LOGIN} stage every family starts with: a first-contact 0x93 (guild card 0, the version string
 * in the config) on the login port, its E6, and the 0x19 that says where to go next.
 */
public final class LoginStage {
    private LoginStage() {}

    /** What a family does with an E6 (save it, or refuse on its error code). */
    @FunctionalInterface
    public interface SecurityDataHandler {
        void accept(ServerSecurityData e6) throws ShipException;
    }

    /** Walks the stage on {@code loginPort} (its 0x03 already read) and closes it. */
    public static ServerRedirect walk(ChainRun run, Connection loginPort, SecurityDataHandler onSecurityData) throws ShipException {
        run.clock().begin(Stage.LOGIN);
        try (Connection c = loginPort) {
            c.stage(Stage.LOGIN);
            c.send(run.state().login(0, ClientLogin.NO_SLOT));
            onSecurityData.accept(run.wire().expect(c, ServerSecurityData.class, "E6 after the login"));
            ServerRedirect next = run.wire().expect(c, ServerRedirect.class, "the 0x19 redirect after the login");
            run.clock().complete("guild card " + Integer.toUnsignedLong(run.state().guildCard()));
            return next;
        }
    }
}
