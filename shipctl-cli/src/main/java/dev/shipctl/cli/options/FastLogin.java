package dev.shipctl.cli.options;

import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.config.FastPathStore;
import dev.shipctl.ResumeTicket;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --full-login} and what it turns off: a one-shot verb goes straight to the block with the ticket its last
 * login kept ({@link FastPathStore}), falls back to the whole chain when the server refuses it, and keeps the
 * session's new ticket for the next run. A store that cannot be read or written (e.g. a state folder open to
 * others) costs the fast path, with one warning, never the verb.
 */
public final class FastLogin {
    @Option(names = "--full-login",
            description = "Log in through the whole chain (login server, character server, ship, block) instead of going straight"
                    + " to the block with the ticket the last login kept (the fast path; see: shipctl help logout).")
    boolean fullLogin;

    private FastPathStore store;
    private Optional<ResumeTicket> loaded = Optional.empty();
    private boolean warned;

    /**
     * The client with the kept ticket of {@code user} on its server (unless {@code --full-login} or {@code enabled}
     * is false).
     */
    public ShipClient prepare(CliContext ctx, ShipClient client, String user, boolean enabled) {
        if (fullLogin || !enabled) return client;
        store = FastPathStore.of(ctx);
        try {
            loaded = store.load(client.host(), client.port(), user);
        } catch (UserError e) {
            warn(ctx, e);
        }
        return client.newBuilder().resume(loaded.orElse(null)).build();
    }

    /** After a login reached its lobby: keeps its ticket (or forgets the old one when it gave none). */
    public void arrived(CliContext ctx, Session session) {
        arrived(ctx, session.resumeTicket());
    }

    /** As {@link #arrived(CliContext, Session)}, with the ticket the session gave. */
    public void arrived(CliContext ctx, Optional<ResumeTicket> ticket) {
        if (store == null) return;
        try {
            if (ticket.isPresent()) {
                if (!ticket.equals(loaded)) store.save(ticket.get());
            } else if (loaded.isPresent()) {
                store.forget(loaded.get().host(), loaded.get().port(), loaded.get().username());
            }
            loaded = ticket;
        } catch (UserError e) {
            warn(ctx, e);
        }
    }

    /** After a login failed: the ticket it was given is of no use (the fast path failed before the chain did). */
    public void failed(CliContext ctx) {
        if (store == null || loaded.isEmpty()) return;
        try {
            store.forget(loaded.get().host(), loaded.get().port(), loaded.get().username());
            loaded = Optional.empty();
        } catch (UserError e) {
            warn(ctx, e);
        }
    }

    private void warn(CliContext ctx, UserError e) {
        if (warned) return;
        warned = true;
        ctx.terminal().err().println("shipctl: warning: fast path not used: " + e.getMessage());
    }
}
