package dev.shipctl.cli.diagnostics;

import dev.shipctl.Credentials;
import dev.shipctl.Durations;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.OneServerOnly;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.Stopper;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.options.ReconnectOptions;
import dev.shipctl.cli.output.EventJson;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.terminal.Terminal;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** Stays in the lobby and streams what happens as JSON lines, for bridges and log pipelines. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = {"Stay in the lobby and stream its events as JSON lines.", "",
            "Stay in the lobby and print what happens there as JSON lines on stdout, one event per line (see below; the schema, "
                + "shared with shell --json, is in docs/json.md). "
                + "kind is one of: connected, reconnected (both with the lobby's members), joined, left, chat, announcement, "
                + "mail, message (server text: command replies, lobby and message boxes), lobby_event, disconnected. "
                + "When the server drops the session, shipctl logs in again with exponential backoff and jitter and goes back "
                + "to its lobby (unless --once); a refused login (wrong password, banned) ends it with exit 4. When another "
                + "login of the same account took the session over (Tethealla), it exits 8 instead of kicking that one back.", "",
            "A client only sees its own lobby: chat in other lobbies and in games does not reach it. Give listen an "
                + "account of its own: a second login with the same account kicks the first. Stops on SIGTERM or "
                + "Ctrl-C, closing the session."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  SHIPCTL_PASSWORD=... shipctl listen -u listener | jq -c 'select(.kind == \"chat\")'",
            "  shipctl listen --profile home --once --max-events 1     # wait for the next event, then exit",
            "",
            "An event:",
            "  {\"schema\":1,\"time\":\"…\",\"kind\":\"chat\",\"who\":{\"name\":\"Player1\",\"guild_card\":42000002},\"text\":\"hi\"}"})
public final class ListenCommand implements Callable<Integer>, OneServerOnly {
    @Override
    public String notForAFleet() {
        return "follows one server's events as they come; run one listen per profile";
    }

    private final CliContext ctx;

    @Mixin
    ConnectOptions connect;

    @Option(names = "--once", description = "Do not reconnect: exit when the session ends (exit code 8 if the server dropped it).")
    boolean once;

    @Option(names = "--max-events", paramLabel = "N", description = "Exit after N events (connected/reconnected not counted).")
    Integer maxEvents;

    @Mixin
    ReconnectOptions reconnect;

    ListenCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Terminal term = ctx.terminal();
        BlockingQueue<SessionEvent> queue = new LinkedBlockingQueue<>();
        ShipClient.Builder builder = connect.client(ctx).listener(event -> {
            if (event instanceof SessionEvent.Reconnecting r && r.attempt() > 1) {
                term.err().println("shipctl: " + r.cause().getMessage() + "; retrying in " + Durations.format(r.delay()));
            } else {
                queue.add(event);
            }
        });
        if (!once) {
            builder.reconnect(reconnect.policy());
        }
        Credentials credentials = connect.credentials(ctx);
        try (Stopper stop = new Stopper("listen")) {
            Session session;
            try {
                session = builder.build().connect(credentials);
            } catch (ShipException e) {
                if (stop.stopping()) return ExitCodes.OK;
                term.err().println("shipctl: " + e.getMessage());
                return ExitCodes.of(e);
            }
            try (session) {
                return stream(session, queue, stop);
            }
        }
    }

    /** Prints the session's events until it ends, a stop is asked for or {@code --max-events} are out. */
    private int stream(Session session, BlockingQueue<SessionEvent> queue, Stopper stop) {
        print(EventJson.connected(session));
        boolean up = true;
        int emitted = 0;
        while (true) {
            SessionEvent e;
            try {
                e = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                stop.interrupted();
                return ExitCodes.OK;
            }
            if (stop.stopping()) return ExitCodes.OK;
            if (e == null) continue;
            switch (e) {
                case SessionEvent.Reconnecting r -> { // the drop (attempt 1); attempts that failed went to stderr
                    print(EventJson.of(r, session));
                    up = false;
                }
                case SessionEvent.Reconnected r -> {
                    print(EventJson.of(r, session));
                    up = true;
                }
                case SessionEvent.Disconnected d -> {
                    return ended(d, up, session);
                }
                default -> {
                    print(EventJson.of(e, session));
                    emitted++;
                    if (maxEvents != null && emitted >= maxEvents) return ExitCodes.OK;
                }
            }
        }
    }

    /**
     * The exit code when the session ended: dropped in the lobby (--once, or taken over by another login) is 8;
     * refused or given up on while logging in again is the failure's own code.
     */
    private int ended(SessionEvent.Disconnected end, boolean up, Session session) {
        if (end.cause().isEmpty()) return ExitCodes.OK;
        if (!up) {
            ctx.terminal().err().println("shipctl: " + end.reason());
            return ExitCodes.of(end.cause().get());
        }
        print(EventJson.of(end, session));
        if (end.cause().get() instanceof ShipException.TakenOver) {
            ctx.terminal().err().println("shipctl: another login of " + connect.credentials(ctx).username() + " took over the session;"
                    + " not reconnecting, which would kick it in turn (give listen an account of its own)");
        }
        return ExitCodes.DISCONNECTED;
    }

    private void print(ObjectNode o) {
        ctx.terminal().out().println(Json.line(o));
        ctx.terminal().out().flush();
    }
}
