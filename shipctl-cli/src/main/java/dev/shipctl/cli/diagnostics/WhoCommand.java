package dev.shipctl.cli.diagnostics;

import dev.shipctl.cli.options.FastLogin;
import dev.shipctl.Credentials;
import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.check.CheckResult;
import dev.shipctl.check.HealthCheck;
import dev.shipctl.check.LobbyVisit;
import dev.shipctl.check.LobbyWalk;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.output.OutputOptions;
import dev.shipctl.cli.terminal.Terminal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Who is online where, as far as a client can see. */
@Command(name = "who", mixinStandardHelpOptions = true,
        description = {"Who is online where, from what the server shows a logged-in client.", "",
            "What a client can see:",
            "  * players per ship: the ship list (A0) gives each ship's population;",
            "  * blocks: the block list (07) gives names only, no populations;",
            "  * players by name, guild card and GM mark: only the members of the lobby it is in (0x67, then joins "
                + "and leaves). --lobbies walks lobbies 1-15 of the block (one change a second, Tethealla's limit); "
                + "--all does that on every ship and block, one login each.", "",
            "What a client cannot see on Tethealla: players in games, in lobbies or on blocks it does not visit, and "
                + "anyone by name outside its lobby. There is no \"who is online\" query: a GM's /dc or /ban of an "
                + "offline guild card gets no reply, which looks the same as a missing privilege. The checking "
                + "character takes a slot in each lobby it visits and is not counted.", "",
            "After a first full login, who goes straight to the block with the ticket that login kept (the fast path), "
                + "which skips the ship and block lists: use --full-login for the ship populations; --all always takes "
                + "the whole chain."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  SHIPCTL_PASSWORD=player123 shipctl who -u player1",
            "  shipctl who --profile home --lobbies --json",
            "  shipctl who --profile home --full-login   # with the ship list and its populations",
            "  shipctl who --all-profiles              # one row per saved server: who is in the lobby of each",
            "  shipctl who --profile home --all        # every ship, block and lobby (about 17 s per block)"})
public final class WhoCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ConnectOptions connect;

    @Mixin
    FastLogin fastLogin;

    @Mixin
    OutputOptions output;

    @Option(names = "--lobbies", arity = "0..1", paramLabel = "FROM-TO", fallbackValue = "1-15",
            description = "Also visit these lobbies of the block (default 1-15), one change a second, not just the one joined.")
    String lobbies;

    @Option(names = "--all", description = "Every ship and every block (one login each), every lobby of each (implies --lobbies).")
    boolean all;

    @Mixin
    HttpOption http;

    WhoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        ShipClient client = connect.client(ctx).build();
        Credentials credentials = connect.credentials(ctx);
        Terminal term = ctx.terminal();
        int[] range = range(lobbies != null ? lobbies : all ? "1-" + LobbyWalk.LOBBIES : null);
        boolean walkLobbies = range != null;
        if (!output.json()) term.err().println(term.dim("Looking around " + connect.address(ctx) + " as " + credentials.username()
                + (walkLobbies ? " (one lobby change a second) …" : " …")));

        List<LobbyVisit> seen = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Consumer<Session> look = s -> {
            if (httpSeen == null) httpSeen = httpSummary(); // while this session is in a lobby, so the server's list includes it
            if (!walkLobbies) {
                seen.add(LobbyWalk.here(s));
                return;
            }
            try {
                LobbyWalk.Result walk = LobbyWalk.walk(s, range[0], range[1]);
                seen.addAll(walk.visits());
                notes.addAll(walk.notes());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        List<CheckResult> results;
        if (all) {
            results = HealthCheck.builder(client, credentials).inLobby(look).build().runAll();
        } else {
            ShipClient fastOrFull = fastLogin.prepare(ctx, client, credentials.username(), true);
            results = List.of(HealthCheck.builder(fastOrFull, credentials).inLobby(s -> {
                fastLogin.arrived(ctx, s);
                if (s.loginPath().kind() == dev.shipctl.LoginPath.Kind.FAST_PATH) {
                    notes.add("fast path: straight to the block, so no ship or block list (--full-login shows them)");
                }
                look.accept(s);
            }).build().run());
            if (!results.getFirst().ok()) fastLogin.failed(ctx);
        }
        CheckResult first = results.getFirst();
        if (!first.ok()) {
            throw new UserError(ExitCodes.of(first), "could not reach a lobby " + first.failure());
        }
        for (CheckResult r : results) {
            if (!r.ok()) notes.add(r.where() + ": failed " + r.failure());
        }
        Map<String, List<String>> blocksByShip = new LinkedHashMap<>();
        for (CheckResult r : results) {
            if (r.ok()) r.ship().ifPresent(s -> blocksByShip.putIfAbsent(s.name(), r.blocks().stream().map(MenuItem::name).toList()));
        }
        if (output.json()) {
            printJson(first, blocksByShip, seen, notes);
        } else {
            printText(first, blocksByShip, seen, notes);
        }
        printHttp();
        return results.stream().filter(r -> !r.ok()).findFirst().map(ExitCodes::of).orElse(ExitCodes.OK);
    }

    /**
     * {@code --http}: newserv's own list of every client and its lobby, which no client can see (a separate JSON
     * line {@code {"http": …}} with --json). A failure to read it is a note, not an error.
     */
    private Optional<Object> httpSeen;

    /** {@code --http}: newserv's summary, or the reason it could not be read (a String). */
    private Optional<Object> httpSummary() {
        return http.client(Duration.ofSeconds(5)).map(api -> {
            try {
                return api.summary();
            } catch (NewservHttp.Failure e) {
                return e.getMessage();
            }
        });
    }

    private void printHttp() {
        Optional<Object> seen = httpSeen != null ? httpSeen : httpSummary();
        if (seen.isEmpty()) return;
        Terminal term = ctx.terminal();
        String base = http.client(Duration.ofSeconds(5)).map(a -> a.base().toString()).orElse("");
        if (seen.get() instanceof NewservHttp.Summary s) {
            if (output.json()) {
                term.out().println(Json.line(Json.object().set("http", NewservHttp.toJson(s))));
                return;
            }
            term.out().println();
            term.out().println(term.bold("Everyone on " + s.server().name()) + " (newserv HTTP API " + base + "): "
                    + s.server().clients() + " client(s), " + s.server().games() + " game(s)");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("  name", "guild card", "where", "version"));
            for (NewservHttp.Client c : s.clients()) {
                rows.add(List.of("  " + (c.name().isEmpty() ? "(no character)" : c.name()), Long.toString(c.accountId()),
                        c.lobby().map(l -> "lobby/game " + l).orElse("not in a lobby"), c.version()));
            }
            Terminal.table(rows).forEach(term.out()::println);
        } else {
            if (output.json()) term.out().println(Json.line(Json.object().put("http_error", seen.get().toString())));
            else term.out().println(term.yellow("note") + "  " + seen.get());
        }
    }

    static int[] range(String text) {
        if (text == null) return null;
        var m = java.util.regex.Pattern.compile("(\\d+)(?:-(\\d+))?").matcher(text.strip());
        if (!m.matches()) throw UserError.usage("--lobbies takes a range like 1-15 or 3, not '" + text + "'");
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from < 1 || to > LobbyWalk.LOBBIES || from > to) throw UserError.usage("--lobbies: lobbies are numbered 1 to " + LobbyWalk.LOBBIES);
        return new int[] {from, to};
    }

    private void printText(CheckResult first, Map<String, List<String>> blocksByShip, List<LobbyVisit> seen, List<String> notes) {
        Terminal term = ctx.terminal();
        // newserv has no ship or block list: no headings for what is not there
        if (!first.ships().isEmpty() && !first.blocks().isEmpty()) {
            term.out().println(term.bold("Ships") + term.dim("  (players per ship, from the ship list)"));
            List<List<String>> rows = new ArrayList<>();
            for (MenuItem s : first.ships()) rows.add(List.of("  " + s.name(), s.players().map(String::valueOf).orElse("?")));
            Terminal.table(rows).forEach(term.out()::println);
            term.out().println(term.bold("Blocks") + term.dim("  (the block list gives no populations)"));
            blocksByShip.forEach((ship, blocks) -> term.out().println("  " + ship + ": " + String.join(", ", blocks)));
        }
        term.out().println(term.bold("Lobbies visited") + term.dim("  (players by name; the checking character not counted)"));
        int total = 0;
        for (LobbyVisit v : seen) {
            List<Player> others = v.others();
            total += others.size();
            if (others.isEmpty() && seen.size() > 1) continue;
            String where = java.util.stream.Stream.of(v.ship(), v.block(), "lobby " + v.lobby().number())
                    .filter(part -> part != null && !part.isBlank()).collect(java.util.stream.Collectors.joining(" / "));
            term.out().println("  " + where + ": " + others.size() + " player(s)");
            List<List<String>> prow = new ArrayList<>();
            for (Player p : others) {
                prow.add(List.of("    " + p.name(), Integer.toUnsignedString(p.guildCard()), p.role() == Player.Role.PLAYER ? "" : p.role().id().replace('_', ' ')));
            }
            Terminal.table(prow).forEach(term.out()::println);
        }
        if (seen.size() > 1) term.out().println(term.dim("  (" + seen.size() + " lobbies visited, empty ones not listed)"));
        term.out().println(total + " player(s) seen in " + seen.size() + " lobby(ies)" + (first.blocks().isEmpty() ? "."
                : "; " + first.ships().stream().mapToInt(s -> s.players().orElse(0)).sum() + " on the ship list."));
        for (String n : notes) term.err().println(term.yellow("note: ") + n);
    }

    private void printJson(CheckResult first, Map<String, List<String>> blocksByShip, List<LobbyVisit> seen, List<String> notes) {
        ObjectNode o = Json.object();
        o.put("server", first.server());
        o.put("time", Instant.now().toString());
        ArrayNode ships = o.putArray("ships");
        for (MenuItem s : first.ships()) {
            ObjectNode n = ships.addObject().put("name", s.name());
            s.players().ifPresentOrElse(p -> n.put("players", p), () -> n.putNull("players"));
            List<String> blocks = blocksByShip.get(s.name());
            if (blocks != null) {
                ArrayNode bl = n.putArray("blocks");
                blocks.forEach(bl::add);
            }
        }
        ArrayNode lobbiesNode = o.putArray("lobbies");
        for (LobbyVisit v : seen) {
            ObjectNode l = lobbiesNode.addObject().put("ship", v.ship()).put("block", v.block()).put("lobby", v.lobby().number())
                    .put("time", v.at().toString());
            ArrayNode players = l.putArray("players");
            for (Player p : v.others()) {
                players.addObject().put("name", p.name()).put("guild_card", Integer.toUnsignedLong(p.guildCard())).put("role", p.role().id());
            }
        }
        ArrayNode n = o.putArray("notes");
        notes.forEach(n::add);
        ctx.terminal().out().println(Json.line(o));
    }
}
