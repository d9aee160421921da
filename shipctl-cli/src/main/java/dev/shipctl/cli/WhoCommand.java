package dev.shipctl.cli;

import dev.shipctl.Credentials;
import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.TraceListener;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.packet.Texts;
import dev.shipctl.protocol.packet.chat.ServerLobbyMessage;
import dev.shipctl.protocol.packet.lobby.ClientChangeLobby;
import dev.shipctl.protocol.packet.lobby.LobbyPlayer;
import dev.shipctl.protocol.packet.lobby.ServerLobbyJoin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
            "  shipctl who --profile home --all        # every ship, block and lobby (about 17 s per block)"})
final class WhoCommand implements Callable<Integer> {
    /** Tethealla's lobby menu id (83). */
    static final int TETHEALLA_LOBBY_MENU = 0x001A0001;
    /** Lobbies per block that players can join by the lobby menu. */
    static final int LOBBIES = 15;
    /** Tethealla allows one lobby change per wall-clock second. */
    static final Duration LOBBY_COOLDOWN = Duration.ofMillis(1100);

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

    CheckingLobbies watcher;

    WhoCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** What one lobby looked like. */
    record Seen(String ship, String block, int lobby, List<Player> players, int you, Instant at) {
        List<Player> others() {
            return players.stream().filter(p -> p.clientId() != you).toList();
        }
    }

    @Override
    public Integer call() throws Exception {
        watcher = new CheckingLobbies();
        ShipClient.Builder b = connect.client(ctx);
        Optional<TraceFile> trace = connect.traceFile(ctx);
        b.trace((at, conn, dir, packet) -> {
            trace.ifPresent(t -> t.onPacket(at, conn, dir, packet));
            watcher.onPacket(at, conn, dir, packet);
        });
        ShipClient client = b.build();
        Credentials credentials = connect.credentials(ctx);
        Terminal term = ctx.terminal();
        int[] range = range(lobbies != null ? lobbies : all ? "1-15" : null);
        boolean walkLobbies = range != null;
        if (!output.json()) term.err().println(term.dim("Looking around " + connect.address(ctx) + " as " + credentials.username()
                + (walkLobbies ? " (one lobby change a second) …" : " …")));

        List<Seen> seen = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<HealthCheck.Result> results;
        java.util.function.Consumer<Session> look = s -> {
            if (httpSeen == null) httpSeen = httpSummary(); // while this session is in a lobby, so the server's list includes it
            try {
                seen.addAll(lookAround(s, range, notes));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ShipException e) {
                notes.add(e.getMessage());
            }
        };
        if (all) {
            results = HealthCheck.all(client, credentials, look, r -> {});
        } else {
            ShipClient fastOrFull = fastLogin.prepare(ctx, client, credentials.username(), true);
            results = List.of(HealthCheck.run(fastOrFull, credentials, s -> {
                fastLogin.arrived(ctx, s);
                if (s.loginPath().kind() == dev.shipctl.LoginPath.Kind.FAST_PATH) {
                    notes.add("fast path: straight to the block, so no ship or block list (--full-login shows them)");
                }
                look.accept(s);
            }));
            if (!results.getFirst().ok()) fastLogin.failed(ctx);
        }
        HealthCheck.Result first = results.getFirst();
        if (!first.ok()) {
            throw new UserError(first.exitCode(), "could not reach a lobby " + first.failure());
        }
        for (HealthCheck.Result r : results) {
            if (!r.ok()) notes.add(r.where() + ": failed " + r.failure());
        }
        Map<String, List<String>> blocksByShip = new LinkedHashMap<>();
        for (HealthCheck.Result r : results) {
            if (r.ok()) r.ship().ifPresent(s -> blocksByShip.putIfAbsent(s.name(), r.blocks().stream().map(MenuItem::name).toList()));
        }
        if (output.json()) {
            printJson(first, blocksByShip, seen, notes);
        } else {
            printText(first, blocksByShip, seen, notes);
        }
        printHttp();
        return results.stream().filter(r -> !r.ok()).findFirst().map(HealthCheck.Result::exitCode).orElse(ExitCodes.OK);
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
        if (from < 1 || to > LOBBIES || from > to) throw UserError.usage("--lobbies: lobbies are numbered 1 to " + LOBBIES);
        return new int[] {from, to};
    }

    private List<Seen> lookAround(Session s, int[] range, List<String> notes) throws InterruptedException, ShipException {
        boolean walk = range != null;
        List<Seen> out = new ArrayList<>();
        String ship = s.ship().map(MenuItem::name).orElse("");
        String block = s.block().map(MenuItem::name).orElse("");
        var lobby = s.lobby();
        out.add(new Seen(ship, block, lobby.number(), lobby.players(), lobby.yourClientId(), Instant.now()));
        if (!walk) return out;
        if (!s.flavour().name().equals("tethealla")) {
            notes.add("--lobbies walks Tethealla lobbies only; " + s.flavour().name() + " was left in lobby " + lobby.number());
            return out;
        }
        int start = lobby.number();
        for (int n = range[0]; n <= range[1]; n++) {
            if (n == start) continue;
            Thread.sleep(LOBBY_COOLDOWN); // the server's limit: one lobby change a second
            watcher.clear();
            s.send(new ClientChangeLobby(TETHEALLA_LOBBY_MENU, n - 1));
            Packet answer = watcher.next(Duration.ofSeconds(5));
            switch (answer) {
                case ServerLobbyJoin j -> {
                    List<Player> players = j.lobby().players().stream().map(WhoCommand::player).toList();
                    out.add(new Seen(ship, block, j.lobby().lobbyNumber() + 1, players, j.lobby().clientId(), Instant.now()));
                }
                case ServerLobbyMessage m -> notes.add(ship + " / " + block + " / lobby " + n + ": " + Texts.display(m.text()).replace('\n', ' ').strip());
                case null -> notes.add(ship + " / " + block + " / lobby " + n + ": no answer to the lobby change");
                default -> { }
            }
            if (!s.isOpen()) {
                notes.add(ship + " / " + block + ": the server closed the session while changing lobbies");
                break;
            }
        }
        return out;
    }

    private static Player player(LobbyPlayer p) {
        return new Player(p.guildCard(), p.clientId(), Texts.display(p.name()), p.nameColor());
    }

    /** Tethealla marks GMs and local GMs by name colour (§3.6). */
    static String role(Player p) {
        return switch (p.nameColor()) {
            case 0xFF1D94F7 -> "gm";
            case 0xFFB0CEDE -> "local_gm";
            default -> "player";
        };
    }

    private void printText(HealthCheck.Result first, Map<String, List<String>> blocksByShip, List<Seen> seen, List<String> notes) {
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
        for (Seen v : seen) {
            List<Player> others = v.others();
            total += others.size();
            if (others.isEmpty() && seen.size() > 1) continue;
            String where = java.util.stream.Stream.of(v.ship(), v.block(), "lobby " + v.lobby())
                    .filter(part -> part != null && !part.isBlank()).collect(java.util.stream.Collectors.joining(" / "));
            term.out().println("  " + where + ": " + others.size() + " player(s)");
            List<List<String>> prow = new ArrayList<>();
            for (Player p : others) {
                prow.add(List.of("    " + p.name(), Integer.toUnsignedString(p.guildCard()), role(p).equals("player") ? "" : role(p).replace('_', ' ')));
            }
            Terminal.table(prow).forEach(term.out()::println);
        }
        if (seen.size() > 1) term.out().println(term.dim("  (" + seen.size() + " lobbies visited, empty ones not listed)"));
        term.out().println(total + " player(s) seen in " + seen.size() + " lobby(ies)" + (first.blocks().isEmpty() ? "."
                : "; " + first.ships().stream().mapToInt(s -> s.players().orElse(0)).sum() + " on the ship list."));
        for (String n : notes) term.err().println(term.yellow("note: ") + n);
    }

    private void printJson(HealthCheck.Result first, Map<String, List<String>> blocksByShip, List<Seen> seen, List<String> notes) {
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
        for (Seen v : seen) {
            ObjectNode l = lobbiesNode.addObject().put("ship", v.ship()).put("block", v.block()).put("lobby", v.lobby())
                    .put("time", v.at().toString());
            ArrayNode players = l.putArray("players");
            for (Player p : v.others()) {
                players.addObject().put("name", p.name()).put("guild_card", Integer.toUnsignedLong(p.guildCard())).put("role", role(p));
            }
        }
        ArrayNode n = o.putArray("notes");
        notes.forEach(n::add);
        ctx.terminal().out().println(Json.line(o));
    }

    /** Sees the block connection's packets and hands over the answers to a lobby change (67 or 01). */
    static final class CheckingLobbies implements TraceListener {
        private final BlockingQueue<Packet> answers = new LinkedBlockingQueue<>();

        @Override
        public void onPacket(Instant at, String connection, Direction sender, byte[] packet) {
            if (sender != Direction.SERVER || packet.length < 4) return;
            int command = (packet[2] & 0xFF) | (packet[3] & 0xFF) << 8;
            if (command != 0x67 && command != 0x01) return;
            try {
                answers.add(Packets.decode(Direction.SERVER, packet, packet.length));
            } catch (ProtocolException e) {
                // the session reports malformed packets itself
            }
        }

        void clear() {
            answers.clear();
        }

        Packet next(Duration timeout) throws InterruptedException {
            return answers.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
