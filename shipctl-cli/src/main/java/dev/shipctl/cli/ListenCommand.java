package dev.shipctl.cli;

import dev.shipctl.Credentials;
import dev.shipctl.Lobby;
import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Stays in the lobby and streams what happens as JSON lines, for bridges and log pipelines. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = {"Stay in the lobby and stream its events as JSON lines.", "",
            "Stay in the lobby and print what happens there as JSON lines on stdout, one event per line:",
            "  {\"time\":\"…\",\"kind\":\"chat\",\"who\":{\"name\":\"Player1\",\"guild_card\":42000002},\"text\":\"hi\"}", "",
            "kind is one of: connected, reconnected (both with the lobby's members), joined, left, chat, announcement, "
                + "mail, message (server text: command replies, lobby and message boxes), lobby_event, disconnected. "
                + "When the server drops the session, shipctl reconnects with exponential backoff and jitter (unless --once); "
                + "when another login of the same account took the session over (Tethealla), it exits 8 instead of kicking "
                + "that one back.", "",
            "A client only sees its own lobby: chat in other lobbies and in games does not reach it. Give listen an "
                + "account of its own: a second login with the same account kicks the first. Stops on SIGTERM or "
                + "Ctrl-C, closing the session."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  SHIPCTL_PASSWORD=... shipctl listen -u listener | jq -c 'select(.kind == \"chat\")'",
            "  shipctl listen --profile home --once --max-events 1     # wait for the next event, then exit"})
final class ListenCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectOptions connect;

    @Option(names = "--once", description = "Do not reconnect: exit when the session ends (exit code 8 if the server dropped it).")
    boolean once;

    @Option(names = "--max-events", paramLabel = "N", description = "Exit after N events (connected/reconnected not counted).")
    Integer maxEvents;

    @Option(names = "--retry-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "First reconnect delay; doubles each failed attempt (default 1s).")
    Duration retryDelay = Duration.ofSeconds(1);

    @Option(names = "--retry-max", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest reconnect delay (default 2m).")
    Duration retryMax = Duration.ofMinutes(2);

    /** A session that lived this long resets the backoff. */
    static final Duration STABLE = Duration.ofSeconds(60);

    ListenCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        BlockingQueue<SessionEvent> queue = new LinkedBlockingQueue<>();
        ShipClient client = connect.client(ctx).listener(queue::add).build();
        Credentials credentials = connect.credentials(ctx);
        Terminal term = ctx.terminal();
        Backoff backoff = new Backoff(retryDelay, retryMax);
        int emitted = 0;
        boolean everConnected = false;
        try (Stopper stop = new Stopper("listen")) {
            while (!stop.stopping()) {
                Session session;
                try {
                    session = client.connect(credentials);
                } catch (ShipException e) {
                    if (once || (!everConnected && e instanceof ShipException.LoginRefused)) {
                        term.err().println("shipctl: " + e.getMessage());
                        return ExitCodes.of(e);
                    }
                    Duration wait = backoff.next();
                    term.err().println("shipctl: " + e.getMessage() + "; retrying in " + dev.shipctl.Durations.format(wait));
                    if (!stop.pause(wait)) break;
                    continue;
                }
                Instant connectedAt = Instant.now();
                try (session) {
                    print(connected(everConnected ? "reconnected" : "connected", session));
                    everConnected = true;
                    SessionEvent.Disconnected end = null;
                    while (end == null) {
                        SessionEvent e;
                        try {
                            e = queue.poll(1, TimeUnit.SECONDS);
                        } catch (InterruptedException ie) {
                            stop.interrupted();
                            return ExitCodes.OK;
                        }
                        if (stop.stopping()) return ExitCodes.OK;
                        if (e == null) continue;
                        if (e instanceof SessionEvent.Disconnected d) {
                            if (d.cause().isEmpty()) continue; // an earlier session we closed ourselves
                            end = d;
                        }
                        print(toJson(e, session.guildCard()));
                        if (!(e instanceof SessionEvent.Disconnected)) {
                            emitted++;
                            if (maxEvents != null && emitted >= maxEvents) return ExitCodes.OK;
                        }
                    }
                    if (once) return ExitCodes.DISCONNECTED;
                    if (session.flavor().replacedByAnotherLogin(end.reason())) {
                        term.err().println("shipctl: another login of " + credentials.username() + " took over the session;"
                                + " not reconnecting, which would kick it in turn (give listen an account of its own)");
                        return ExitCodes.DISCONNECTED;
                    }
                }
                if (Duration.between(connectedAt, Instant.now()).compareTo(STABLE) >= 0) backoff.reset();
                if (!stop.pause(backoff.next())) break;
            }
        }
        return ExitCodes.OK;
    }

    private void print(ObjectNode o) {
        ctx.terminal().out().println(Json.line(o));
        ctx.terminal().out().flush();
    }

    private static ObjectNode connected(String kind, Session s) {
        ObjectNode o = Json.object().put("time", Instant.now().toString()).put("kind", kind);
        Lobby l = s.lobby();
        s.ship().map(MenuItem::name).ifPresent(n -> o.put("ship", n));
        s.block().map(MenuItem::name).ifPresent(n -> o.put("block", n));
        o.put("lobby", l.number());
        ArrayNode players = o.putArray("players");
        for (Player p : l.players()) {
            if (p.clientId() != l.yourClientId()) players.add(who(p.name(), p.guildCard()));
        }
        o.put("text", "in " + s.ship().map(MenuItem::name).orElse("?") + s.block().map(b -> " / " + b.name()).orElse("")
                + ", lobby " + l.number() + " as " + s.characterName());
        return o;
    }

    static ObjectNode toJson(SessionEvent e, int yourGuildCard) {
        ObjectNode o = Json.object().put("time", e.at().toString());
        switch (e) {
            case SessionEvent.Chat c -> {
                o.put("kind", "chat").set("who", who(c.name(), c.guildCard()));
                o.put("text", c.text());
                if (c.guildCard() == yourGuildCard) o.put("self", true);
            }
            case SessionEvent.Announcement a -> o.put("kind", "announcement").put("text", a.text());
            case SessionEvent.Mail m -> {
                o.put("kind", "mail").set("who", who(m.fromName(), m.fromGuildCard()));
                o.put("text", m.text());
            }
            case SessionEvent.TextMessage m -> o.put("kind", "message").put("source", "text").put("text", m.text());
            case SessionEvent.LobbyMessage m -> o.put("kind", "message").put("source", "lobby").put("text", m.text());
            case SessionEvent.MessageBox m -> o.put("kind", "message").put("source", "box").put("text", m.text());
            case SessionEvent.PlayerJoined j -> o.put("kind", "joined").set("who", who(j.player().name(), j.player().guildCard()));
            case SessionEvent.PlayerLeft l -> o.put("kind", "left").set("who", who(l.player().name(), l.player().guildCard()));
            case SessionEvent.LobbyEventChanged ev -> o.put("kind", "lobby_event").put("event", ev.event());
            case SessionEvent.Disconnected d -> o.put("kind", "disconnected").put("text", d.reason());
        }
        return o;
    }

    private static ObjectNode who(String name, int guildCard) {
        return Json.object().put("name", name).put("guild_card", Integer.toUnsignedLong(guildCard));
    }
}
