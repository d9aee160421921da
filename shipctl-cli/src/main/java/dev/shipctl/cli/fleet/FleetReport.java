package dev.shipctl.cli.fleet;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.terminal.Terminal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fleet's output: an aligned table, one row per server (profile, verdict, time, the verb's own summary), and a
 * status line; or one JSON object per server (field reference: docs/json.md, "Fleets").
 */
final class FleetReport {
    private FleetReport() {}

    static void table(Terminal term, List<ServerRun> runs, int worst) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("  profile", "verdict", "took", "result"));
        for (ServerRun r : runs) {
            rows.add(List.of("  " + r.profile(), r.ok() ? "ok" : "FAIL (exit " + r.exitCode() + ")", r.took().toMillis() + " ms",
                    r.summary()));
        }
        Terminal.table(rows).forEach(term.out()::println);
        long failed = runs.stream().filter(r -> !r.ok()).count();
        if (failed == 0) {
            term.out().println(term.green("OK") + "    " + runs.size() + " of " + runs.size() + " servers");
        } else {
            term.out().println(term.red("FAIL") + "  " + failed + " of " + runs.size() + " servers failed; exit code " + worst
                    + " (" + ExitCodes.helpList().getOrDefault(String.valueOf(worst), "see shipctl --help") + ")");
        }
    }

    static void json(Terminal term, List<ServerRun> runs) {
        for (ServerRun r : runs) term.out().println(Json.line(toJson(r)));
    }

    /**
     * {@code profile}, {@code ok}, {@code exit_code}, {@code took_ms}, then the verb's own object's fields (one object);
     * its objects as {@code results} (several); or its {@code error} (none, as when the profile's password is
     * missing).
     */
    static ObjectNode toJson(ServerRun r) {
        ObjectNode o = Json.object();
        o.put("profile", r.profile());
        o.put("ok", r.ok());
        o.put("exit_code", r.exitCode());
        o.put("took_ms", r.took().toMillis());
        List<ObjectNode> own = new ArrayList<>();
        for (String line : r.jsonLines()) {
            try {
                if (Json.MAPPER.readTree(line) instanceof ObjectNode n) own.add(n);
            } catch (JacksonException e) {
                // not JSON after all: a line of text that starts with a brace
            }
        }
        if (own.size() == 1) {
            for (Map.Entry<String, JsonNode> field : own.getFirst().properties()) {
                if (!o.has(field.getKey())) o.set(field.getKey(), field.getValue());
            }
        } else if (!own.isEmpty()) {
            ArrayNode results = o.putArray("results");
            own.forEach(results::add);
        }
        if (!r.ok() && !o.has("error")) o.put("error", r.summary());
        return o;
    }
}
