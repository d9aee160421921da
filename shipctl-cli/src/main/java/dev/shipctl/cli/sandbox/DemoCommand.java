package dev.shipctl.cli.sandbox;

import dev.shipctl.Credentials;
import dev.shipctl.Durations;
import dev.shipctl.EventStream;
import dev.shipctl.Player;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipClient;
import dev.shipctl.StageTiming;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.output.CheckJson;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.output.OutputOptions;
import dev.shipctl.cli.terminal.Terminal;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.LocalGms;
import dev.shipctl.sandbox.Sandbox;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.node.ObjectNode;

/**
 * The first thing a newcomer runs: the sandbox in-process on free loopback ports, a player and a GM logged in, an
 * announcement seen by the player, a GM-list reload, and a clean shutdown.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Try shipctl on this machine, against its built-in sandbox server.", "",
            "Starts the sandbox on free loopback ports, logs in a player and a GM, announces, reloads the GM list,",
            "and stops."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl demo",
            "  shipctl demo --json        one JSON object per step"})
public final class DemoCommand implements Callable<Integer> {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String ANNOUNCEMENT = "Server restart in 10 minutes";

    private final CliContext ctx;
    private int step;

    @Mixin
    OutputOptions output;

    DemoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Terminal t = ctx.terminal();
        if (!output.json()) {
            t.out().println(t.bold("shipctl demo") + " — a headless Phantasy Star Online Blue Burst client, tried against its own sandbox server.");
            t.out().println(t.dim("Admins of PSO servers normally boot the full game client and type GM commands in chat; shipctl does it from a terminal."));
        }
        Accounts accounts = Accounts.demo();
        try (Sandbox sandbox = Sandbox.builder().bind(InetAddress.getLoopbackAddress()).loginPort(0).shipPort(0)
                .accounts(accounts).localGms(LocalGms.demo()).build().start()) {
            step("Start the sandbox", "a Tethealla-compatible server (login, character server, ship, 2 blocks) on this machine only");
            if (!output.json()) sandbox.describePorts().forEach(line -> t.out().println("     " + t.dim(line)));
            emit("sandbox", sandbox.describePorts(), null);

            ShipClient client = ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).timeout(WAIT).build();

            step("Log in a player", "player1 goes through every stage of the real client's login, timed:");
            try (Session player = client.connect(new Credentials("player1", "player123"));
                 EventStream seen = player.events()) {
                stages(player.timings());
                done("player1 (character " + player.characterName() + ") is in lobby " + player.lobby().number()
                        + " of " + player.block().map(b -> b.name()).orElse("?") + " on ship " + player.ship().map(s -> s.name()).orElse("?"));
                emit("login", "player1", player);

                step("Log in a GM", "gmadmin (a global GM) logs in; the player sees them arrive:");
                try (Session gm = client.connect(new Credentials("gmadmin", "gmadmin123"))) {
                    stages(gm.timings());
                    SessionEvent.PlayerJoined joined = seen.next(SessionEvent.PlayerJoined.class, WAIT)
                            .orElseThrow(() -> new UserError(ExitCodes.NO_REPLY, "player1 never saw the GM join the lobby"));
                    done("player1 saw " + joined.player().name() + " join; lobby now: "
                            + String.join(", ", player.lobby().players().stream().map(Player::name).toList()));
                    emit("login", "gmadmin", gm);

                    step("Announce", "the GM sends /announce, waits for the server's OK, then the text as mail; the server broadcasts it:");
                    AdminResult announced = Admin.of(gm).announce(ANNOUNCEMENT, false, WAIT);
                    transcript(announced);
                    SessionEvent.Announcement heard = seen.next(SessionEvent.Announcement.class, WAIT)
                            .orElseThrow(() -> new UserError(ExitCodes.NO_REPLY, "player1 did not receive the announcement"));
                    done("player1 received: \"" + heard.text() + "\"");
                    emit("announce", heard.text(), null);

                    step("Reload the local GM list", "after editing localgms.ini an admin types /updatelocalgms; the server answers:");
                    AdminResult reloaded = Admin.of(gm).reloadGms(WAIT);
                    transcript(reloaded);
                    done(reloaded.summary());
                    emit("reload-gms", reloaded.summary(), null);
                }
            }
            step("Shut down", "both players leave and the sandbox stops");
        }
        Duration total = Duration.ofNanos(System.nanoTime() - start);
        if (output.json()) {
            ctx.terminal().out().println(Json.line(Json.object().put("step", "done").put("ok", true).put("total_ms", total.toMillis())));
        } else {
            t.out().println();
            t.out().println(t.green("Done") + " in " + Durations.format(total) + ". Next:");
            t.out().println("  ./shipctl sandbox                                   keep a sandbox running (Ctrl-C stops it)");
            t.out().println("  SHIPCTL_PASSWORD=gmadmin123 ./shipctl announce -u gmadmin \"Hello\"   in another terminal");
            t.out().println("  ./shipctl --help                                    every command");
        }
        return ExitCodes.OK;
    }

    private void step(String title, String context) {
        step++;
        if (output.json()) return;
        Terminal t = ctx.terminal();
        t.out().println();
        t.out().println(t.cyan(step + ". " + title) + t.dim(" — " + context));
    }

    private void stages(List<StageTiming> timings) {
        if (output.json()) return;
        List<List<String>> rows = new ArrayList<>();
        for (StageTiming s : timings) rows.add(List.of("     " + s.stage().label(), Durations.millis(s.elapsed()), s.detail()));
        Terminal.table(rows).forEach(line -> ctx.terminal().out().println(ctx.terminal().dim(line)));
    }

    private void transcript(AdminResult result) {
        if (output.json()) return;
        Terminal t = ctx.terminal();
        for (AdminResult.Exchange e : result.transcript()) {
            String arrow = e.direction() == AdminResult.Exchange.Direction.SENT ? "→" : "←";
            t.out().println(t.dim("     " + arrow + " " + e.label() + "  " + e.text()));
        }
    }

    private void done(String what) {
        if (output.json()) return;
        ctx.terminal().out().println("   " + ctx.terminal().green("✓") + " " + what);
    }

    private void emit(String kind, Object detail, Session session) {
        if (!output.json()) return;
        ObjectNode o = Json.object().put("step", step).put("kind", kind);
        if (detail instanceof List<?> list) o.putPOJO("detail", list);
        else o.put("detail", String.valueOf(detail));
        if (session != null) {
            o.put("character", session.characterName()).put("lobby", session.lobby().number());
            o.set("stages", CheckJson.stages(session.timings()));
        }
        ctx.terminal().out().println(Json.line(o));
    }
}
