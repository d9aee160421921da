package dev.shipctl.cli.output;

import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.ServerFlavour;
import dev.shipctl.StageTiming;
import dev.shipctl.check.CheckResult;
import dev.shipctl.cli.common.ExitCodes;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A health check's result as the JSON line of {@code check}, {@code watch} and {@code check --all} (docs/json.md),
 * apart from the commands: picocli reads every method of a command class, lambdas included, and the JVM's verifier
 * checks a class's Jackson types when it links it, so Jackson types in a command class would load Jackson into
 * every plain check. Here they load only when JSON is asked for.
 */
public final class CheckJson {
    private CheckJson() {}

    /** {@code check --all}'s last line: how many logins, how many healthy, the first failure. */
    public static ObjectNode summary(List<CheckResult> results) {
        Optional<CheckResult> firstFailure = results.stream().filter(r -> !r.ok()).findFirst();
        long ok = results.stream().filter(CheckResult::ok).count();
        ObjectNode summary = Json.object().put("summary", true).put("ok", firstFailure.isEmpty())
                .put("depth", results.isEmpty() ? "lobby" : results.getFirst().depth().id())
                .put("checked", results.size()).put("healthy", ok);
        firstFailure.ifPresent(f -> {
            summary.put("exit_code", ExitCodes.of(f));
            f.failedStage().ifPresent(s -> summary.put("failed_stage", s.id()));
            summary.put("failed_at", f.where());
        });
        return summary;
    }

    public static ObjectNode of(CheckResult r) {
        ObjectNode o = Json.object();
        o.put("ok", r.ok());
        o.put("time", r.at().toString());
        o.put("server", r.server());
        o.put("depth", r.depth().id());
        r.flavour().map(ServerFlavour::name).ifPresent(f -> o.put("flavour", f));
        o.set("stages", stages(r.stages()));
        o.put("total_ms", r.total().toNanos() / 1e6);
        r.failedStage().ifPresent(s -> o.put("failed_stage", s.id()));
        r.reason().ifPresent(e -> o.put("error", e));
        o.put("exit_code", ExitCodes.of(r));
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

    public static ArrayNode stages(List<StageTiming> timings) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (StageTiming t : timings) {
            a.addObject().put("stage", t.stage().id()).put("label", t.stage().label())
                    .put("ms", t.elapsed().toNanos() / 1e6).put("detail", t.detail());
        }
        return a;
    }
}
