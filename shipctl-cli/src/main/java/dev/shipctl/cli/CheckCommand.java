package dev.shipctl.cli;

import dev.shipctl.Credentials;
import dev.shipctl.Durations;
import dev.shipctl.Player;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.StageTiming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Logs in as a player would, times every stage, and says whether the server is healthy. */
@Command(name = "check",
        description = {"Log in through the whole chain as the game client does, time each stage, and report.",
            "Exit code 0 when the lobby was reached; otherwise the code of the failing stage."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  SHIPCTL_PASSWORD=player123 shipctl check -H 127.0.0.1 -u player1",
            "  shipctl check --profile home --json",
            "  shipctl check -u player1 --password-file ~/.pso-pass --stay 240s   # stay in the lobby, answering pings"})
final class CheckCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectOptions connect;

    @Mixin
    OutputOptions output;

    @Option(names = "--stay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "After reaching the lobby, stay connected this long (pings answered) and report if dropped.")
    Duration stay;

    CheckCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        ShipClient client = connect.client(ctx).build();
        Credentials credentials = connect.credentials(ctx);
        Terminal term = ctx.terminal();
        if (!output.json()) term.err().println(term.dim("Checking " + connect.address(ctx) + " as " + credentials.username() + " …"));
        long start = System.nanoTime();
        try (Session session = client.connect(credentials)) {
            Duration total = Duration.ofNanos(System.nanoTime() - start);
            Optional<SessionEvent.Disconnected> dropped = Optional.empty();
            if (stay != null) {
                if (!output.json()) term.err().println(term.dim("In the lobby; staying " + Durations.format(stay) + " (pings answered) …"));
                dropped = session.awaitDisconnect(stay);
            }
            report(session, total, dropped);
            return dropped.isPresent() ? ExitCodes.DISCONNECTED : ExitCodes.OK;
        } catch (ShipException e) {
            reportFailure(e, Duration.ofNanos(System.nanoTime() - start));
            return ExitCodes.of(e);
        }
    }

    private void report(Session s, Duration total, Optional<SessionEvent.Disconnected> dropped) {
        Terminal term = ctx.terminal();
        String where = s.ship().map(sh -> sh.name()).orElse("?") + s.block().map(b -> " / " + b.name()).orElse("")
                + ", lobby " + s.lobby().number() + ", " + s.lobby().players().size() + " player(s)";
        if (output.json()) {
            ObjectNode o = Json.object();
            o.put("ok", dropped.isEmpty());
            o.put("server", connect.address(ctx));
            o.put("flavour", s.flavor().name());
            o.set("stages", stages(s.timings()));
            o.put("total_ms", total.toNanos() / 1e6);
            o.put("guild_card", Integer.toUnsignedLong(s.guildCard()));
            o.put("character", s.characterName());
            s.ship().ifPresent(sh -> o.put("ship", sh.name()));
            s.block().ifPresent(b -> o.put("block", b.name()));
            ArrayNode ships = o.putArray("ships");
            s.ships().forEach(sh -> {
                ObjectNode n = ships.addObject().put("name", sh.name());
                sh.players().ifPresent(p -> n.put("players", p));
            });
            ArrayNode blocks = o.putArray("blocks");
            s.blocks().forEach(b -> blocks.add(b.name()));
            ObjectNode lobby = o.putObject("lobby").put("number", s.lobby().number());
            ArrayNode players = lobby.putArray("players");
            for (Player p : s.lobby().players()) {
                players.addObject().put("name", p.name()).put("guild_card", Integer.toUnsignedLong(p.guildCard()));
            }
            if (stay != null) o.put("stayed_ms", dropped.isPresent() ? -1 : stay.toMillis());
            dropped.ifPresent(d -> o.put("error", d.reason()));
            term.out().println(Json.line(o));
            return;
        }
        printStages(s.timings());
        if (dropped.isPresent()) {
            term.out().println(term.red("FAIL") + "  reached the lobby, then " + dropped.get().reason());
        } else {
            term.out().println(term.green("OK") + "    lobby reached in " + Durations.millis(total) + " (" + s.flavor().name() + "): " + where
                    + (stay != null ? "; stayed " + Durations.format(stay) : ""));
        }
    }

    private void reportFailure(ShipException e, Duration total) {
        Terminal term = ctx.terminal();
        String stage = e.stage().map(st -> st.label()).orElse("?");
        if (output.json()) {
            ObjectNode o = Json.object();
            o.put("ok", false);
            o.put("server", connect.address(ctx));
            o.set("stages", stages(e.timings()));
            o.put("total_ms", total.toNanos() / 1e6);
            o.put("failed_stage", e.stage().map(st -> st.id()).orElse(null));
            o.put("error", e.getMessage());
            o.put("exit_code", ExitCodes.of(e));
            term.out().println(Json.line(o));
            return;
        }
        printStages(e.timings());
        term.out().println(term.red("FAIL") + "  at " + stage + ": " + e.getMessage());
    }

    private void printStages(List<StageTiming> timings) {
        List<List<String>> rows = new ArrayList<>();
        for (StageTiming t : timings) {
            rows.add(List.of("  " + t.stage().label(), Durations.millis(t.elapsed()), t.detail()));
        }
        Terminal.table(rows).forEach(ctx.terminal().out()::println);
    }

    static ArrayNode stages(List<StageTiming> timings) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (StageTiming t : timings) {
            a.addObject().put("stage", t.stage().id()).put("ms", t.elapsed().toNanos() / 1e6).put("detail", t.detail());
        }
        return a;
    }
}
