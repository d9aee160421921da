package dev.shipctl.cli.output;

import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.ServerFlavour;
import dev.shipctl.StageTiming;
import dev.shipctl.check.CheckResult;
import dev.shipctl.cli.common.ExitCodes;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A health check's result as the JSON line of {@code check}, {@code watch} and {@code check --all} (docs/json.md). */
public final class CheckJson {
    private CheckJson() {}

    public static ObjectNode of(CheckResult r) {
        ObjectNode o = Json.object();
        o.put("ok", r.ok());
        o.put("time", r.at().toString());
        o.put("server", r.server());
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
