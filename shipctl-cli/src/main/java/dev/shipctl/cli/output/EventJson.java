package dev.shipctl.cli.output;

import dev.shipctl.EventFields;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Session events as JSON lines, printed by {@code listen} and {@code shell --json} alike (docs/json.md, "Events").
 * The schema — field names, order, {@code "schema":}{@value #SCHEMA} — is the library's ({@link EventFields}); this
 * class only writes its fields with the command line's one JSON mapper ({@link Json}), whose escapes keep a line
 * shown on a terminal inert.
 */
public final class EventJson {
    /** The version of the event schema, the {@code schema} field of every event line. */
    static final int SCHEMA = EventFields.SCHEMA;

    private EventJson() {}

    /** The first line of a session: in a lobby, with its members ({@code kind} {@code connected}). */
    public static ObjectNode connected(Session session) {
        return object(EventFields.connected(session, Instant.now()));
    }

    /** One event of {@code session} as one JSON object ({@link EventFields#of}). */
    public static ObjectNode of(SessionEvent e, Session session) {
        return object(EventFields.of(e, session));
    }

    /** {@link #of} as one line. */
    public static String line(SessionEvent e, Session session) {
        return Json.line(of(e, session));
    }

    private static ObjectNode object(Map<String, Object> fields) {
        ObjectNode o = Json.object();
        fields.forEach((name, value) -> {
            switch (value) {
                case String s -> o.put(name, s);
                case Integer i -> o.put(name, i);
                case Long l -> o.put(name, l);
                case Boolean b -> o.put(name, b);
                case Map<?, ?> m -> o.set(name, object(fieldsOf(m)));
                case List<?> list -> o.set(name, array(list));
                default -> throw new IllegalArgumentException("an event field of an unknown type: " + name + " = " + value);
            }
        });
        return o;
    }

    private static ArrayNode array(List<?> values) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (Object v : values) {
            if (!(v instanceof Map<?, ?> m)) throw new IllegalArgumentException("an event list holds fields, not " + v);
            a.add(object(fieldsOf(m)));
        }
        return a;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fieldsOf(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
