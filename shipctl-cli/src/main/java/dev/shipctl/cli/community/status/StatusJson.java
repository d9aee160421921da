package dev.shipctl.cli.community.status;

import dev.shipctl.cli.output.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /status.json}: every server under its name. The fields are docs/community.md's; {@value #SCHEMA} is the
 * schema's number, raised when a field changes meaning or goes away (new fields may come without it).
 */
public final class StatusJson {
    /** The schema's number. */
    public static final int SCHEMA = 1;

    private StatusJson() {}

    /** The document for {@code snapshot}; addresses only when {@code showAddresses}. */
    public static ObjectNode of(StatusBoard.Snapshot snapshot, boolean showAddresses) {
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        root.put("generated", snapshot.generated().toString());
        ObjectNode servers = root.putObject("servers");
        for (ServerStatus s : snapshot.servers()) servers.set(s.name(), server(s, snapshot.generated(), showAddresses));
        return root;
    }

    private static ObjectNode server(ServerStatus s, Instant now, boolean showAddresses) {
        ObjectNode o = Json.object();
        o.put("state", s.state().id());
        o.put("up", s.up());
        putInstant(o, "since", s.since().orElse(null));
        putInstant(o, "last_check", s.lastCheck().orElse(null));
        if (s.lastCheck().isPresent()) {
            o.put("last_check_age_seconds", Math.max(0, Duration.between(s.lastCheck().get(), now).toMillis()) / 1000.0);
        } else {
            o.putNull("last_check_age_seconds");
        }
        if (s.depth().isEmpty()) o.putNull("depth"); else o.put("depth", s.depth());
        if (s.flavour().isPresent()) o.put("flavour", s.flavour().get()); else o.putNull("flavour");
        if (s.failedStage().isPresent()) o.put("failed_stage", s.failedStage().get()); else o.putNull("failed_stage");
        if (s.players().isPresent()) o.put("players", s.players().get()); else o.putNull("players");
        ArrayNode ships = o.putArray("ships");
        for (ServerStatus.Ship ship : s.ships()) {
            ObjectNode so = ships.addObject().put("name", ship.name());
            if (ship.players().isPresent()) so.put("players", ship.players().get()); else so.putNull("players");
        }
        ObjectNode stages = o.putObject("stage_seconds");
        for (Map.Entry<String, Duration> e : s.stages().entrySet()) stages.put(e.getKey(), seconds(e.getValue()));
        if (s.lastCheck().isPresent()) o.put("check_seconds", seconds(s.checkTime())); else o.putNull("check_seconds");
        if (showAddresses) o.put("address", s.address());
        return o;
    }

    private static void putInstant(ObjectNode o, String field, Instant t) {
        if (t == null) o.putNull(field); else o.put(field, t.toString());
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1_000_000L / 1000.0;
    }
}
