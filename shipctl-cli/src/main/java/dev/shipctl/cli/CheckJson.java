package dev.shipctl.cli;

import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.SessionEvent;
import dev.shipctl.StageTiming;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@code check} (and of {@link HealthCheck.Result}), apart from the commands: picocli reads every method
 * of a command class, lambdas included, and the JVM's verifier checks a class's Jackson types when it links it, so
 * Jackson types in {@link CheckCommand} or {@link HealthCheck} would load Jackson into every plain check. Here they
 * load only when JSON is asked for.
 */
final class CheckJson {
    private CheckJson() {}

    /** One check's line: the result, the {@code --stay} outcome and newserv's HTTP view (or why it could not be read). */
    static ObjectNode check(HealthCheck.Result r, Duration stay, Optional<SessionEvent.Disconnected> dropped, Optional<Object> fromHttp) {
        ObjectNode o = r.toJson();
        if (stay != null && r.ok()) {
            o.put("stayed_ms", dropped.isPresent() ? -1 : stay.toMillis());
            dropped.ifPresent(d -> o.put("ok", false).put("error", d.reason()).put("exit_code", ExitCodes.DISCONNECTED));
        }
        fromHttp.ifPresent(h -> {
            if (h instanceof NewservHttp.Summary s) o.set("http", NewservHttp.toJson(s));
            else o.put("http_error", h.toString());
        });
        return o;
    }

    /** {@code check --all}'s last line: how many logins, how many healthy, the first failure. */
    static ObjectNode summary(List<HealthCheck.Result> results) {
        Optional<HealthCheck.Result> firstFailure = results.stream().filter(r -> !r.ok()).findFirst();
        long ok = results.stream().filter(HealthCheck.Result::ok).count();
        ObjectNode summary = Json.object().put("summary", true).put("ok", firstFailure.isEmpty())
                .put("checked", results.size()).put("healthy", ok);
        firstFailure.ifPresent(f -> {
            summary.put("exit_code", f.exitCode());
            f.failedStage().ifPresent(s -> summary.put("failed_stage", s.id()));
            summary.put("failed_at", f.where());
        });
        return summary;
    }

    /** A login's result: verdict, stages, what the server showed. */
    static ObjectNode result(HealthCheck.Result r) {
        ObjectNode o = Json.object();
        o.put("ok", r.ok());
        o.put("time", r.at().toString());
        o.put("server", r.server());
        r.flavour().ifPresent(f -> o.put("flavour", f));
        o.set("stages", stages(r.stages()));
        o.put("total_ms", r.total().toNanos() / 1e6);
        r.failedStage().ifPresent(s -> o.put("failed_stage", s.id()));
        r.error().ifPresent(e -> o.put("error", e));
        o.put("exit_code", r.exitCode());
        if (r.guildCard() != 0) o.put("guild_card", r.guildCard());
        r.character().ifPresent(c -> o.put("character", c));
        r.ship().ifPresent(s -> o.put("ship", s.name()));
        r.block().ifPresent(b -> o.put("block", b.name()));
        ArrayNode shipList = o.putArray("ships");
        for (MenuItem s : r.ships()) {
            ObjectNode n = shipList.addObject().put("name", s.name());
            s.players().ifPresentOrElse(p -> n.put("players", p), () -> n.putNull("players"));
        }
        ArrayNode blockList = o.putArray("blocks");
        // Tethealla's block list (07) carries names only: no populations to report.
        for (MenuItem b : r.blocks()) blockList.addObject().put("name", b.name()).putNull("players");
        r.lobby().ifPresent(l -> {
            ObjectNode n = o.putObject("lobby").put("number", l.number()).put("block", l.block()).put("count", l.players().size());
            ArrayNode players = n.putArray("players");
            for (Player p : l.players()) {
                players.addObject().put("name", p.name()).put("guild_card", Integer.toUnsignedLong(p.guildCard()))
                        .put("client_id", p.clientId()).put("you", p.clientId() == l.yourClientId());
            }
        });
        return o;
    }

    /** The stage timings, one object each. */
    static ArrayNode stages(List<StageTiming> timings) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (StageTiming t : timings) {
            a.addObject().put("stage", t.stage().id()).put("label", t.stage().label())
                    .put("ms", t.elapsed().toNanos() / 1e6).put("detail", t.detail());
        }
        return a;
    }
}
