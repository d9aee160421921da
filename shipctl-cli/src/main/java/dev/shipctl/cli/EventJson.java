package dev.shipctl.cli;

import dev.shipctl.Lobby;
import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON schema of session events, printed by {@code listen} and {@code shell --json} alike (documented in
 * docs/json.md, "Events"). Every line starts with {@code "schema":}{@value #SCHEMA}; a change that renames or removes
 * a field raises it, new fields do not.
 *
 * <p>The mapping lives here, in the command line, rather than in the library: it is written with the command
 * line's one JSON mapper ({@link Json}), whose escapes keep a line shown on a terminal inert, and the library has no
 * JSON dependency to write it with.
 */
final class EventJson {
    /** The version of the event schema, the {@code schema} field of every event line. */
    static final int SCHEMA = 1;

    private EventJson() {}

    /** The first line of a session: in a lobby, with its members ({@code kind} {@code connected}). */
    static ObjectNode connected(Session session) {
        return inLobby(start(java.time.Instant.now(), "connected"), session, session.lobby());
    }

    /**
     * One event of {@code session} as one JSON object.
     *
     * @param session the session the event happened in: its guild card marks your own chat lines ({@code self}), its
     *     ship and block name where a {@code reconnected} session is
     */
    static ObjectNode of(SessionEvent e, Session session) {
        return switch (e) {
            case SessionEvent.Chat c -> {
                ObjectNode o = start(e, "chat").set("who", who(c.name(), c.guildCard()));
                o.put("text", c.text());
                if (c.guildCard() == session.guildCard()) o.put("self", true);
                yield o;
            }
            case SessionEvent.Announcement a -> start(e, "announcement").put("text", a.text());
            case SessionEvent.Mail m -> start(e, "mail").<ObjectNode>set("who", who(m.fromName(), m.fromGuildCard())).put("text", m.text());
            case SessionEvent.TextMessage m -> message(e, "text", m.text());
            case SessionEvent.LobbyMessage m -> message(e, "lobby", m.text());
            case SessionEvent.MessageBox m -> message(e, "box", m.text());
            case SessionEvent.PlayerJoined j -> start(e, "joined").set("who", who(j.player().name(), j.player().guildCard()));
            case SessionEvent.PlayerLeft l -> start(e, "left").set("who", who(l.player().name(), l.player().guildCard()));
            case SessionEvent.LobbyEventChanged ev -> start(e, "lobby_event").put("event", ev.event());
            case SessionEvent.Disconnected d -> start(e, "disconnected").put("text", d.reason());
            // dropped (attempt 1) or a login attempt failed: the session logs in again after delay_ms
            case SessionEvent.Reconnecting r -> start(e, "disconnected").put("text", r.cause().getMessage())
                    .put("attempt", r.attempt()).put("delay_ms", r.delay().toMillis());
            case SessionEvent.Reconnected r -> inLobby(start(e, "reconnected"), session, r.lobby()).put("attempt", r.attempt());
        };
    }

    /** {@link #of} as one line. */
    static String line(SessionEvent e, Session session) {
        return Json.line(of(e, session));
    }

    private static ObjectNode start(SessionEvent e, String kind) {
        return start(e.at(), kind);
    }

    private static ObjectNode start(java.time.Instant at, String kind) {
        return Json.object().put("schema", SCHEMA).put("time", at.toString()).put("kind", kind);
    }

    private static ObjectNode message(SessionEvent e, String source, String text) {
        return start(e, "message").put("source", source).put("text", text);
    }

    private static ObjectNode inLobby(ObjectNode o, Session s, Lobby l) {
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

    private static ObjectNode who(String name, int guildCard) {
        return Json.object().put("name", name).put("guild_card", Integer.toUnsignedLong(guildCard));
    }
}
