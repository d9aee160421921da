package dev.shipctl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * The one schema of session events as ordered fields, for any serialiser to write (shipctl's {@code listen} and
 * {@code shell --json} write each as one JSON line; docs/json.md, "Events"). Every view starts with
 * {@code schema} ({@value #SCHEMA}), {@code time} and {@code kind}; a change that renames or removes a field raises
 * {@link #SCHEMA}, new fields do not.
 *
 * <p>Values are {@link String}, {@link Integer}, {@link Long} (guild cards, unsigned; milliseconds),
 * {@link Boolean}, a nested ordered map of the same ({@code who}: {@code name}, {@code guild_card}) or a
 * {@link List} of such maps ({@code players}). Texts are as the events carry them (the game's markers removed,
 * control characters kept): escaping them for a terminal is the serialiser's job. The maps are unmodifiable.
 */
public final class EventFields {
    /** The version of the event schema, the {@code schema} field of every event. */
    public static final int SCHEMA = 1;

    private EventFields() {}

    /**
     * The first event of a session's output, {@code kind} {@code connected}: in a lobby, with the others there.
     *
     * @param at when the session was seen in its lobby
     */
    public static SequencedMap<String, Object> connected(Session session, Instant at) {
        return frozen(inLobby(start(at, "connected"), session, session.lobby()));
    }

    /**
     * One event of {@code session} as fields.
     *
     * @param session the session the event happened in: its guild card marks your own chat lines ({@code self}),
     *     its ship, block and character say where a {@code reconnected} session is
     */
    public static SequencedMap<String, Object> of(SessionEvent e, Session session) {
        SequencedMap<String, Object> o = switch (e) {
            case SessionEvent.Chat c -> {
                SequencedMap<String, Object> m = start(e, "chat");
                m.put("who", who(c.name(), c.guildCard()));
                m.put("text", c.text());
                if (c.guildCard() == session.guildCard()) m.put("self", true);
                yield m;
            }
            case SessionEvent.Announcement a -> with(start(e, "announcement"), "text", a.text());
            case SessionEvent.Mail m -> with(with(start(e, "mail"), "who", who(m.fromName(), m.fromGuildCard())), "text", m.text());
            case SessionEvent.TextMessage m -> message(e, "text", m.text());
            case SessionEvent.LobbyMessage m -> message(e, "lobby", m.text());
            case SessionEvent.MessageBox m -> message(e, "box", m.text());
            case SessionEvent.PlayerJoined j -> with(start(e, "joined"), "who", who(j.player().name(), j.player().guildCard()));
            case SessionEvent.PlayerLeft l -> with(start(e, "left"), "who", who(l.player().name(), l.player().guildCard()));
            case SessionEvent.LobbyEventChanged ev -> with(start(e, "lobby_event"), "event", ev.event());
            case SessionEvent.Disconnected d -> with(start(e, "disconnected"), "text", d.reason());
            // dropped (attempt 1) or a login attempt failed: the session logs in again after delay_ms
            case SessionEvent.Reconnecting r -> {
                SequencedMap<String, Object> m = with(start(e, "disconnected"), "text", r.cause().getMessage());
                m.put("attempt", r.attempt());
                m.put("delay_ms", r.delay().toMillis());
                yield m;
            }
            case SessionEvent.Reconnected r -> with(inLobby(start(e, "reconnected"), session, r.lobby()), "attempt", r.attempt());
        };
        return frozen(o);
    }

    private static SequencedMap<String, Object> start(SessionEvent e, String kind) {
        return start(e.at(), kind);
    }

    private static SequencedMap<String, Object> start(Instant at, String kind) {
        SequencedMap<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("time", at.toString());
        m.put("kind", kind);
        return m;
    }

    private static SequencedMap<String, Object> with(SequencedMap<String, Object> m, String field, Object value) {
        m.put(field, value);
        return m;
    }

    private static SequencedMap<String, Object> message(SessionEvent e, String source, String text) {
        return with(with(start(e, "message"), "source", source), "text", text);
    }

    private static SequencedMap<String, Object> inLobby(SequencedMap<String, Object> m, Session s, Lobby l) {
        s.ship().map(MenuItem::name).ifPresent(n -> m.put("ship", n));
        s.block().map(MenuItem::name).ifPresent(n -> m.put("block", n));
        m.put("lobby", l.number());
        List<Object> players = new ArrayList<>();
        for (Player p : l.others()) players.add(who(p.name(), p.guildCard()));
        m.put("players", Collections.unmodifiableList(players));
        m.put("text", "in " + s.ship().map(MenuItem::name).orElse("?") + s.block().map(b -> " / " + b.name()).orElse("")
                + ", lobby " + l.number() + " as " + s.characterName());
        return m;
    }

    private static SequencedMap<String, Object> who(String name, int guildCard) {
        SequencedMap<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("guild_card", Integer.toUnsignedLong(guildCard));
        return frozen(m);
    }

    private static SequencedMap<String, Object> frozen(SequencedMap<String, Object> m) {
        return Collections.unmodifiableSequencedMap(m);
    }
}
