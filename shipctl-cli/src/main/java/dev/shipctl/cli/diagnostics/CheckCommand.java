package dev.shipctl.cli.diagnostics;

import dev.shipctl.cli.options.FastLogin;
import dev.shipctl.Credentials;
import dev.shipctl.Depth;
import dev.shipctl.Durations;
import dev.shipctl.LoginPath;
import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.ServerFlavour;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipClient;
import dev.shipctl.StageTiming;
import dev.shipctl.check.CheckResult;
import dev.shipctl.check.HealthCheck;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.options.DepthOption;
import dev.shipctl.cli.options.DurationConverter;
import dev.shipctl.cli.output.CheckJson;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.output.OutputOptions;
import dev.shipctl.cli.terminal.Terminal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Logs in as a player would, times every stage, and says whether the server is healthy. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Health check: log in as the game client does, time each stage, report.", "",
            "Logs in through the whole chain, times each stage "
                + "(connect, login, each character-server connection, ship list, ship and block list, block, lobby "
                + "join), and show the ship list with its populations, the block list and the players in the lobby joined.", "",
            "Exit code 0 when the lobby was reached; otherwise the code of the first failing stage (see shipctl --help). "
                + "--all logs in once per ship and block, one after the other, closing each session before the next.", "",
            "After a first full login, check goes straight to the block with the ticket that login kept (the fast path: one "
                + "connection, no password on the wire), falling back to the whole chain if the server refuses it; the verdict "
                + "line (JSON: login_path = full, fast or fallback) says which. --full-login always takes the whole chain, "
                + "which also checks the login and character servers; --all always does.", "",
            "--depth stops each login sooner: login (account and character slot), ship (also the ship list with its "
                + "populations, and the block list), block (also the block's character data, leaving before the lobby is joined, "
                + "so no player sees the check), lobby (the default). Below the lobby there is no lobby to list, no fast path "
                + "and no --stay; JSON says the depth."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  SHIPCTL_PASSWORD=player123 shipctl check -H 127.0.0.1 -u player1",
            "  shipctl check --profile home --json",
            "  shipctl check --profile home --all                  # every ship and every block",
            "  shipctl check --profile home --full-login           # the whole chain, login server included",
            "  shipctl check --profile home --depth block          # up to the block, unseen in the lobby",
            "  shipctl check --profile home --depth ship --json    # up to the ship list: players per ship",
            "  shipctl check --profile live,test                   # each server, in parallel: one row each, exit code the worst",
            "  shipctl check --all-profiles --json                 # every saved profile, one JSON object per server",
            "  shipctl check -u player1 --password-file ~/.pso-pass --stay 240s   # stay in the lobby, answering pings"})
public final class CheckCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectOptions connect;

    @Mixin
    OutputOptions output;

    @Option(names = "--stay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "After reaching the lobby, stay connected this long (pings answered) and report if dropped.")
    Duration stay;

    @Option(names = "--all", description = "Check every ship and every block: one login each, sequentially.")
    boolean all;

    @Mixin
    HttpOption http;

    @Mixin
    FastLogin fastLogin;

    @Mixin
    DepthOption depthOption;

    /** The way the single check came to its lobby, once known. */
    private Optional<LoginPath> loginPath = Optional.empty();

    CheckCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (all && stay != null) throw UserError.usage("--stay and --all do not go together");
        Depth depth = depthOption.orElse(Depth.LOBBY);
        if (stay != null && depth != Depth.LOBBY) throw UserError.usage("--stay stays in the lobby: it needs --depth lobby");
        ShipClient client = connect.client(ctx).build();
        Credentials credentials = connect.credentials(ctx);
        Terminal term = ctx.terminal();
        if (!output.json()) term.err().println(term.dim("Checking " + connect.address(ctx) + " as " + credentials.username() + " …"));
        if (all) return checkAll(client, credentials, depth); // every ship and block: the lists come from the whole chain
        if (depth != Depth.LOBBY) return checkShallow(client, credentials, depth);

        AtomicReference<Optional<SessionEvent.Disconnected>> dropped = new AtomicReference<>(Optional.empty());
        AtomicReference<Optional<Object>> inLobby = new AtomicReference<>();
        AtomicReference<LoginPath> path = new AtomicReference<>();
        client = fastLogin.prepare(ctx, client, credentials.username(), true);
        CheckResult r = HealthCheck.builder(client, credentials).inLobby(session -> {
            path.set(session.loginPath());
            fastLogin.arrived(ctx, session);
            inLobby.set(httpSummary()); // while this session is in its lobby, so the server's view includes it
            if (stay == null) return;
            if (!output.json()) term.err().println(term.dim("In the lobby; staying " + Durations.format(stay) + " (pings answered) …"));
            try {
                dropped.set(session.awaitDisconnect(stay));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).build().run();
        if (!r.ok()) fastLogin.failed(ctx);
        loginPath = Optional.ofNullable(path.get());
        Optional<Object> fromHttp = inLobby.get() != null ? inLobby.get() : httpSummary();
        if (output.json()) {
            term.out().println(Json.line(CheckLine.of(r, loginPath, stay, dropped.get(), fromHttp)));
        } else {
            printDetail(r);
            fromHttp.ifPresent(this::printHttp);
            printVerdict(r, dropped.get());
        }
        if (!r.ok()) return ExitCodes.of(r);
        return dropped.get().isPresent() ? ExitCodes.DISCONNECTED : ExitCodes.OK;
    }

    /** A check that leaves before the lobby: the whole chain as far as {@code depth}, no fast path, nothing to stay in. */
    private int checkShallow(ShipClient client, Credentials credentials, Depth depth) {
        CheckResult r = HealthCheck.builder(client, credentials).depth(depth).build().run();
        Optional<Object> fromHttp = httpSummary();
        Terminal term = ctx.terminal();
        if (output.json()) {
            term.out().println(Json.line(CheckLine.of(r, Optional.empty(), null, Optional.empty(), fromHttp)));
        } else {
            printDetail(r);
            fromHttp.ifPresent(this::printHttp);
            printVerdict(r, Optional.empty());
        }
        return r.ok() ? ExitCodes.OK : ExitCodes.of(r);
    }

    private int checkAll(ShipClient client, Credentials credentials, Depth depth) {
        Terminal term = ctx.terminal();
        List<CheckResult> results = HealthCheck.builder(client, credentials).depth(depth).build().runAll(r -> {
            if (output.json()) {
                term.out().println(Json.line(CheckJson.of(r)));
            } else {
                term.out().println(term.bold(r.where()));
                printStages(r.stages());
                printVerdict(r, Optional.empty());
                term.out().println();
            }
        });
        Optional<CheckResult> firstFailure = results.stream().filter(r -> !r.ok()).findFirst();
        long ok = results.stream().filter(CheckResult::ok).count();
        if (output.json()) {
            term.out().println(Json.line(CheckJson.summary(results)));
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("  ship / block", "verdict", "to " + depth.id(), depth == Depth.LOBBY ? "players in the lobby" : ""));
            for (CheckResult r : results) {
                rows.add(List.of("  " + r.where(), r.ok() ? "ok" : "FAIL at " + r.failedStage().map(s -> s.label()).orElse("?"),
                        Durations.millis(r.total()), r.ok() ? names(r.others()) : ""));
            }
            Terminal.table(rows).forEach(term.out()::println);
            if (firstFailure.isEmpty()) {
                term.out().println(term.green("OK") + "    " + results.size() + " ship/block login(s), all reached "
                        + (depth == Depth.LOBBY ? "a lobby" : "the " + depth.id() + " depth"));
            } else {
                term.out().println(term.red("FAIL") + "  " + (results.size() - ok) + " of " + results.size()
                        + " login(s) failed; first: " + firstFailure.get().where() + ", " + firstFailure.get().failure());
            }
        }
        return firstFailure.map(ExitCodes::of).orElse(ExitCodes.OK);
    }

    private void printDetail(CheckResult r) {
        Terminal term = ctx.terminal();
        printStages(r.stages());
        if (!r.ok()) return;
        List<List<String>> rows = new ArrayList<>();
        List<String> ships = new ArrayList<>();
        for (MenuItem s : r.ships()) ships.add(s.name() + s.players().map(n -> " (" + n + ")").orElse(""));
        // newserv has no ship or block list (its menu's title stands in for the ship): no rows for what is not there
        if (!r.blocks().isEmpty()) {
            rows.add(List.of("  ships", String.join(", ", ships) + "   (players per ship, from the ship list)"));
            rows.add(List.of("  blocks", String.join(", ", r.blocks().stream().map(MenuItem::name).toList())
                    + "   (the block list carries no populations)"));
        }
        r.lobby().ifPresent(l -> rows.add(List.of("  lobby " + l.number(), l.players().size() + " player(s): "
                + String.join(", ", l.players().stream().map(p -> p.name() + (p.clientId() == l.yourClientId() ? " (you)"
                        : " (" + Integer.toUnsignedString(p.guildCard()) + ")")).toList()))));
        Terminal.table(rows).forEach(term.out()::println);
    }

    /** {@code --http}: newserv's own view (a Summary), or the reason it could not be read (a String); never fails the check. */
    private Optional<Object> httpSummary() {
        return http.client(Duration.ofSeconds(5)).map(api -> {
            try {
                return api.summary();
            } catch (NewservHttp.Failure e) {
                return e.getMessage();
            }
        });
    }

    private void printHttp(Object fromHttp) {
        Terminal term = ctx.terminal();
        if (!(fromHttp instanceof NewservHttp.Summary s)) {
            term.out().println("  " + term.yellow("http") + "    " + fromHttp + " (the check itself used the game protocol only)");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("  server", s.server().name() + ": " + s.server().clients() + " client(s), " + s.server().lobbies()
                + " lobbies, " + s.server().games() + " game(s), up " + s.server().uptime() + "   (newserv HTTP API)"));
        for (NewservHttp.Client c : s.clients()) {
            rows.add(List.of("    " + (c.name().isEmpty() ? "(no character)" : c.name()), "guild card " + c.accountId()
                    + ", " + c.lobby().map(l -> "lobby/game " + l).orElse("not in a lobby") + ", " + c.version()));
        }
        Terminal.table(rows).forEach(term.out()::println);
    }

    private void printVerdict(CheckResult r, Optional<SessionEvent.Disconnected> dropped) {
        Terminal term = ctx.terminal();
        if (!r.ok()) {
            term.out().println(term.red("FAIL") + "  " + r.failure() + " (exit code " + ExitCodes.of(r) + ")");
        } else if (dropped.isPresent()) {
            term.out().println(term.red("FAIL") + "  reached the lobby, then " + dropped.get().reason());
        } else if (r.depth() != Depth.LOBBY) {
            term.out().println(term.green("OK") + "    " + r.depth().id() + " reached in " + Durations.millis(r.total()) + " ("
                    + r.flavour().map(ServerFlavour::name).orElse("?") + ", left before the lobby): " + (r.ship().isPresent() ? r.where() : "as " + r.character().orElse("?"))
                    + r.ships().stream().flatMap(s -> s.players().stream()).reduce(Integer::sum)
                            .map(n -> ", " + n + " player(s) on the ship list").orElse(""));
        } else {
            term.out().println(term.green("OK") + "    lobby reached in " + Durations.millis(r.total()) + " ("
                    + r.flavour().map(ServerFlavour::name).orElse("?") + loginPath.map(p -> ", " + p.describe()).orElse("") + "): " + r.where() + ", " + r.lobby().map(l -> l.players().size()).orElse(0)
                    + " player(s)" + (stay != null ? "; stayed " + Durations.format(stay) : ""));
        }
    }

    private void printStages(List<StageTiming> timings) {
        List<List<String>> rows = new ArrayList<>();
        for (StageTiming t : timings) {
            rows.add(List.of("  " + t.stage().label(), Durations.millis(t.elapsed()), t.detail()));
        }
        Terminal.table(rows).forEach(ctx.terminal().out()::println);
    }

    private static String names(List<Player> players) {
        return players.isEmpty() ? "-" : String.join(", ", players.stream().map(Player::name).toList());
    }
}
