package dev.shipctl.internal.registry;

import dev.shipctl.Credentials;
import dev.shipctl.Depth;
import dev.shipctl.ServerFlavour;
import dev.shipctl.Session;
import dev.shipctl.ShallowLogin;
import dev.shipctl.SessionProvider;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminProvider;
import dev.shipctl.internal.Connection;
import dev.shipctl.internal.Families;
import dev.shipctl.internal.RealSession;
import dev.shipctl.internal.ReconnectingSession;
import dev.shipctl.internal.newserv.Newserv;
import dev.shipctl.internal.tethealla.Tethealla;
import java.util.List;

/**
 * Every server family the library speaks, one line each (the first is the one detection falls back to), and the
 * implementation the API reaches through {@link SessionProvider} and {@link AdminProvider} ({@link java.util.ServiceLoader}:
 * the module descriptor and META-INF/services name this class). A third family is a package like
 * {@code internal.newserv} and one line here.
 */
public final class Registry implements SessionProvider, AdminProvider {
    static final Families FAMILIES = new Families(List.of(
            Tethealla.FAMILY,
            Newserv.FAMILY));

    /** For {@link java.util.ServiceLoader}. */
    public Registry() {}

    @Override
    public List<ServerFlavour> flavours() {
        return FAMILIES.flavours();
    }

    @Override
    public Session connect(ShipClient client, Credentials credentials) throws ShipException {
        return client.reconnect().isPresent()
                ? ReconnectingSession.open(client, credentials, FAMILIES)
                : RealSession.open(client, credentials, FAMILIES);
    }

    @Override
    public ShallowLogin probe(ShipClient client, Credentials credentials, Depth depth) throws ShipException {
        return RealSession.probe(client, credentials, depth, FAMILIES);
    }

    @Override
    public void prepare() {
        FAMILIES.flavours();
        Connection.prepare();
        // not the logging backend: SLF4J set up on this thread while another logs (a command's static logger, built
        // as the command line is) records those calls and replays them with a warning on stderr
    }

    @Override
    public Admin adminOf(Session session) {
        return FAMILIES.of(session.flavour()).admin(session);
    }
}
